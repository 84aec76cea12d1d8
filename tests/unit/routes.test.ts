import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as routes from '../../src/utils/routes';
import { buildReportViews, highlightHref, queryString, withBase } from '../../src/utils/routes';
import { printedHeading, readPrintedHeading } from '../../src/domain/report';
import type { Entry } from '../../src/domain/check';
import type { ReportData, SectionData } from '../../src/domain/schema';

const report = (year: number): Entry<ReportData> => ({
  id: String(year),
  filePath: `reports/${year}.mdx`,
  data: { year, title: `示例${year}`, agency: '示例局', signedOn: `${year + 1}-01-08`, draft: false, corrections: [] },
});
const section = (year: number, order: number): Entry<SectionData> => ({
  id: `${year}/${order}`,
  filePath: `sections/${year}/${order}.mdx`,
  data: { report: String(year), order, label: '一、', heading: `测试${order}`, items: ['主要举措和成效'], figures: [] },
});

describe('route data', () => {
  const views = buildReportViews(
    [report(2022), report(2024), report(2023)],
    [section(2023, 2), section(2024, 1), section(2023, 1), section(2023, 3)],
  );

  it('lists reports newest first, each with its own sections in order', () => {
    expect(views.map((v) => v.year)).toEqual([2024, 2023, 2022]);
    expect(views[1]!.sections.map((s) => s.data.order)).toEqual([1, 2, 3]);
    expect(views[2]!.sections).toEqual([]);
  });

  it('gives stable paths and anchors', () => {
    const s = views[1]!.sections[1]!;
    expect(views[1]!.path).toBe('2023/');
    expect(s.path).toBe('2023/section-2/');
    expect(s.anchor).toBe('section-2');
  });

  it('links each section to its neighbours in the same report only', () => {
    const [a, b, c] = views[1]!.sections;
    expect(a!.prev).toBeUndefined();
    expect(a!.next?.path).toBe('2023/section-2/');
    expect(b!.prev?.path).toBe('2023/section-1/');
    expect(c!.next).toBeUndefined();
    expect(views[0]!.sections[0]!.next).toBeUndefined();
  });

  it('joins paths onto a base path', () => {
    expect(withBase('/', '2023/')).toBe('/2023/');
    expect(withBase('/fzbg', '2023/')).toBe('/fzbg/2023/');
    expect(withBase('/fzbg/', '/2023/')).toBe('/fzbg/2023/');
  });

  it('prints a heading with its label, and reads it back', () => {
    expect(printedHeading({ label: '六、', heading: '存在的不足和原因' })).toBe('六、存在的不足和原因');
    expect(printedHeading({ label: '第二部分 ', heading: '存在的不足和原因' })).toBe('第二部分 存在的不足和原因');
    expect(readPrintedHeading('十一、示例')).toEqual({ label: '十一、', order: 11, heading: '示例' });
  });
});

describe('route paths', () => {
  it('name the file Astro writes a page to, the status pages as .html, none outside the base', () => {
    expect(['/fzbg/', '/fzbg/2023/', '/fzbg/2023/section-1/', '/fzbg/404/', '/fzbg/404', '/fzbg/500/', '/fzbg/2023/404/', '/other/', '/fzbg'].map((p) => routes.outputFileOf(p, '/fzbg/'))).toEqual([
      'index.html',
      '2023/index.html',
      '2023/section-1/index.html',
      '404.html',
      '404.html',
      '500.html',
      '2023/404/index.html',
      undefined,
      undefined,
    ]);
    expect(routes.outputFileOf('/2023/', '/')).toBe('2023/index.html');
  });

  it('are relative to the site root, the base path added by withBase', () => {
    expect([routes.homePath, routes.reportPath(2023), routes.sectionPath(2023, 2), routes.sectionInReportPath(2023, 2)]).toEqual([
      '',
      '2023/',
      '2023/section-2/',
      '2023/#section-2',
    ]);
    expect([routes.itemsPath, routes.itemPath('shortcomings'), routes.figuresPath, routes.searchPath, routes.feedPath]).toEqual([
      'items/',
      'items/shortcomings/',
      'figures/',
      'search/',
      'feed.xml',
    ]);
    expect(withBase('/fzbg/', routes.homePath)).toBe('/fzbg/');
    expect(withBase('/', routes.reportsDataPath)).toBe('/data/reports.json');
  });

  it('name pages and endpoints that exist under src/pages', () => {
    const pages = join(import.meta.dirname, '../../src/pages');
    const routesOfPages = readdirSync(pages, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(astro|ts)$/.test(f) && !f.includes('['))
      .map((f) => f.split('\\').join('/'))
      .map((f) => (f.endsWith('.astro') ? f.replace(/(^|\/)index\.astro$/, '$1').replace(/\.astro$/, '/') : f.replace(/\.ts$/, '')));
    const fixed = [
      routes.homePath,
      routes.itemsPath,
      routes.figuresPath,
      routes.figuresCsvPath,
      routes.figuresJsonPath,
      routes.reportsDataPath,
      routes.reportsSchemaPath,
      routes.searchPath,
      routes.feedPath,
      routes.plansPath,
    ];
    for (const path of fixed) expect(routesOfPages, path).toContain(path);
  });

  it('build query strings as a form submits them, leaving out empty values', () => {
    expect(queryString({ q: '优待证 招聘会', year: 2023, item: '', sort: undefined })).toBe('?q=%E4%BC%98%E5%BE%85%E8%AF%81+%E6%8B%9B%E8%81%98%E4%BC%9A&year=2023');
    expect(queryString({ q: '' })).toBe('');
    expect(new URLSearchParams(queryString({ q: 'a&b=c' })).get('q')).toBe('a&b=c');
  });

  it('link a search result to its section, marking the terms there', () => {
    const href = highlightHref('/fzbg/2023/section-2/', ['优待证', '94.6']);
    expect(href.startsWith('/fzbg/2023/section-2/?highlight=')).toBe(true);
    expect(new URL(href, 'https://example.gov.cn').searchParams.get(routes.HIGHLIGHT_PARAM)).toBe('优待证 94.6');
  });
});

describe('plansAgainstResults', () => {
  const withItems = (year: number, order: number, items: SectionData['items']) => {
    const s = section(year, order);
    return { ...s, data: { ...s.data, items } };
  };
  const withdrawn = { ...report(2022), data: { ...report(2022).data, withdrawn: { date: '2023-06-01', reason: '示例撤回（测试）' } } };

  it('sets each report’s measures beside the plan of the latest earlier report that has one, newest first', () => {
    const views = buildReportViews(
      [report(2021), withdrawn, report(2023), report(2024)],
      [
        withItems(2021, 1, ['下一年度主要安排']),
        withItems(2022, 1, ['主要举措和成效']),
        withItems(2022, 2, ['下一年度主要安排']),
        withItems(2023, 1, ['主要举措和成效', '第一责任人职责']),
        withItems(2023, 2, ['下一年度主要安排']),
        withItems(2024, 1, ['主要举措和成效']),
        withItems(2024, 2, ['主要举措和成效']),
      ],
    );
    // 2022 is withdrawn: 2023's measures stand beside 2021's plan; 2021 has no measures here, so no row.
    expect(routes.plansAgainstResults(views).map((p) => [p.results.report.year, p.results.sections.length, p.plan.report.year])).toEqual([
      [2024, 2, 2023],
      [2023, 1, 2021],
    ]);
    expect(routes.plansPath).toBe('items/plans-carried-out/');
  });
});
