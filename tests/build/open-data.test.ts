/**
 * Key figures, items pages, feed and open data in the production build of the multi-year
 * fixture, built without a site address as site.config.ts ships: what a reader and a reuser
 * get. Expectations come from the fixture's entries (tests/helpers/expected.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import type { AnyNode } from 'domhandler';
import site from '../../site.config.ts';
import { normaliseLines, page, textLines } from '../helpers/site';
import { validator } from '../helpers/json-schema';
import { builtFixture } from '../helpers/fixtures';
import { expectedSite, type ExpectedReport } from '../helpers/expected';
import { printedFigure, printedValue } from '../../src/domain/figures.ts';
import { REQUIRED_ITEMS } from '../../src/domain/items.ts';
import { toChineseNumeral } from '../../src/domain/numerals.ts';
import { printedHeading, signatureLines } from '../../src/domain/report.ts';
import type { ReportsData } from '../../src/domain/open-data';

let dist = '';
let reports: ExpectedReport[] = [];
beforeAll(async () => {
  const built = await builtFixture('multi-year');
  dist = built.dist;
  reports = expectedSite(built.contentDir).reports;
});
const read = (file: string) => readFileSync(join(dist, file), 'utf8');
const latest = () => reports[0]!;
const figuresOf = (r: ExpectedReport) => r.sections.flatMap((s) => s.data.figures.map((f) => ({ f, s })));
const allFigures = () => reports.flatMap(figuresOf);

/** Text as one line of words: blocks (and table cells) separated by single spaces. */
const asOneLine = (lines: string[]) => lines.join(' ');

describe('the report page’s key figures', () => {
  it('follow the contents, outside the report text, each linking to its section', () => {
    const r = reports.find((x) => figuresOf(x).length > 0)!;
    const $ = page(dist, `/${r.path}`);
    const panel = $('.figures-panel');
    expect(panel).toHaveLength(1);
    expect(panel.prev().is('nav.contents')).toBe(true);
    expect(panel.closest('.report-text')).toHaveLength(0);
    expect(panel.find('h2').text()).toBe('主要数据');
    const rows = panel.find('dl > div').map((_, d) => [[$(d).find('dt').text(), $(d).find('dd a .figure-value').text() + $(d).find('dd a .figure-unit').text(), $(d).find('dd a').attr('href')]]).get();
    expect(rows).toEqual(figuresOf(r).map(({ f, s }) => [f.label, printedFigure(f), `#${s.anchor}`]));
    const first = figuresOf(r)[0]!;
    expect(panel.find('dd a').first().text()).toBe(`${printedFigure(first.f)}，见第${toChineseNumeral(first.s.data.order)}部分`);
    expect(panel.find('a[href="/figures/"]').text()).toBe('历年主要数据对比');
  });

  it('every figure is printed in the text of the section it links to', () => {
    for (const r of reports) {
      const $ = page(dist, `/${r.path}`);
      for (const { f, s } of figuresOf(r)) expect($(`#${s.anchor}`).text(), `${r.year} ${f.key}`).toContain(printedValue(f));
    }
  });

  it('a report without figures has no panel', () => {
    for (const r of reports.filter((x) => figuresOf(x).length === 0)) {
      expect(page(dist, `/${r.path}`)('.figures-panel'), r.path).toHaveLength(0);
    }
  });
});

describe('/figures/', () => {
  it('lists each key once with a column per year that has figures, newest first', () => {
    const $ = page(dist, '/figures/');
    expect($('h1').text()).toBe('历年主要数据');
    const years = reports.filter((r) => figuresOf(r).length > 0).map((r) => `${r.year}年`);
    expect($('.figures-table thead th').map((_, t) => $(t).text()).get().slice(0, years.length + 1)).toEqual(['指标', ...years]);
    const keys = new Set(allFigures().map(({ f }) => f.key));
    expect($('.figures-table tbody tr').map((_, tr) => $(tr).attr('id')).get().sort()).toEqual([...keys].map((k) => `figure-${k}`).sort());
    for (const r of reports) {
      for (const { f, s } of figuresOf(r)) {
        const cell = $(`#figure-${f.key} td a[href="/${r.path}#${s.anchor}"]`);
        expect(cell.text(), `${r.year} ${f.key}`).toBe(printedFigure(f));
      }
    }
  });

  it('links the downloads', () => {
    const $ = page(dist, '/figures/');
    expect($('.downloads a').map((_, a) => $(a).attr('href')).get()).toEqual([
      '/figures.csv',
      '/figures.json',
      '/data/reports.json',
      '/data/reports.schema.json',
      '/data/changes.json',
      '/data/changes.schema.json',
      '/data/record.json',
      '/data/record.schema.json',
      '/feed.xml',
    ]);
  });
});

describe('/figures.csv and /figures.json', () => {
  it('CSV: UTF-8 with a byte order mark, a Chinese header with key, one record per figure', () => {
    const bytes = readFileSync(join(dist, 'figures.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('年度,key,数据名称,限定词,数值,单位,所在部分,网址');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(allFigures().length + 2);
    const quoted = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    for (const r of reports) {
      for (const { f, s } of figuresOf(r)) {
        expect(lines).toContain([r.year, f.key, f.label, f.qualifier ?? '', f.value, f.unit, quoted(printedHeading(s.data)), `/${s.path}`].join(','));
      }
    }
  });

  it('JSON: every key with its values, printed and as numbers', () => {
    const json = JSON.parse(read('figures.json'));
    expect(json.years).toEqual(reports.filter((r) => figuresOf(r).length > 0).map((r) => r.year));
    for (const r of reports) {
      for (const { f, s } of figuresOf(r)) {
        const values = json.figures.find((x: { key: string }) => x.key === f.key).values;
        expect(values).toContainEqual({
          year: r.year,
          label: f.label,
          qualifier: f.qualifier ?? null,
          value: f.value,
          number: Number(f.value.replace(/,/g, '')),
          unit: f.unit,
          section: { order: s.data.order, heading: printedHeading(s.data), path: `/${s.path}` },
        });
      }
    }
  });
});

describe('/items/', () => {
  it('the index links the five items, saying how many years and sections each has', () => {
    const $ = page(dist, '/items/');
    expect($('.item-list > li > a').map((_, a) => [[$(a).attr('href'), $(a).text()]]).get()).toEqual(
      REQUIRED_ITEMS.map((i) => [`/items/${i.slug}/`, i.full]),
    );
    REQUIRED_ITEMS.forEach((item, n) => {
      const sections = reports.flatMap((r) => r.sections.filter((s) => s.data.items.includes(item.name)));
      const years = new Set(sections.map((s) => s.year)).size;
      const note = $('.item-list > li').eq(n).find('p').text();
      expect(note, item.slug).toBe(
        `${item.mandatory ? '每年必须报告' : '有需要时报告'}；${sections.length ? `${years} 年报告，共 ${sections.length} 个部分` : '已发布的报告中还没有这一项的内容。'}`,
      );
    });
  });

  it('an item page carries its sections’ full text, as on their own pages, newest year first (marks and their spoken words aside)', () => {
    for (const item of REQUIRED_ITEMS) {
      const $ = page(dist, `/items/${item.slug}/`);
      expect($('h1').text()).toBe(item.full);
      const sections = reports.flatMap((r) => r.sections.filter((s) => s.data.items.includes(item.name)));
      expect($('.item-section h3 a').map((_, a) => $(a).attr('href')).get()).toEqual(sections.map((s) => `/${s.path}`));
      expect($('.item-section h3').map((_, h) => $(h).text()).get()).toEqual(sections.map((s) => printedHeading(s.data)));
      $('.item-section .report-text').each((i, el) => {
        expect(textLines($, el as never), sections[i]!.path).toEqual(textLines(page(dist, `/${sections[i]!.path}`), '.report-text'));
      });
      if (!sections.length) {
        expect($('.item-empty').text()).toBe('已发布的报告中还没有这一项的内容。');
        expect($('.item-year')).toHaveLength(0);
      }
    }
  });

  it('sub-headings sit below the section heading and repeat no id', () => {
    for (const item of REQUIRED_ITEMS) {
      const $ = page(dist, `/items/${item.slug}/`);
      const levels = $('main h1, main h2, main h3, main h4').map((_, h) => Number(h.tagName[1])).get();
      levels.forEach((l, i) => expect(l - (levels[i - 1] ?? 0), item.slug).toBeLessThanOrEqual(1));
      expect($('main h4[id]')).toHaveLength(0);
    }
  });

  it('the home page links both from a small 浏览 nav', () => {
    const $ = page(dist, '/');
    expect($('nav.browse h2').text()).toBe('浏览');
    expect($('nav.browse a').map((_, a) => $(a).attr('href')).get()).toEqual(['/items/', '/figures/']);
  });
});

describe('/feed.xml without a site address', () => {
  it('is RSS 2.0 with one item per report, newest first, then one per correction, links relative to the site root', () => {
    const $ = load(read('feed.xml'), { xml: true });
    expect($('rss').attr('version')).toBe('2.0');
    expect($('channel > title').text()).toBe(`${site.bureau}${site.siteName}`);
    expect($('channel > link').text()).toBe('/');
    expect($('channel > language').text()).toBe('zh-cn');
    const isChange = (i: AnyNode) => $(i).find('link').text().includes('/history/');
    const changes = $('item').filter((_, i) => isChange(i));
    const corrections = reports.flatMap((r) => r.data.corrections.map((c) => ({ title: `更正：${r.data.title}（${c.date}）`, date: c.date })));
    expect(changes.map((_, i) => $(i).find('title').text()).get()).toEqual([...corrections].sort((a, b) => b.date.localeCompare(a.date)).map((c) => c.title));
    const items = $('item').filter((_, i) => !isChange(i));
    expect(items.map((_, i) => $(i).find('title').text()).get()).toEqual(reports.map((r) => r.data.title));
    expect(items.map((_, i) => $(i).find('link').text()).get()).toEqual(reports.map((r) => `/${r.path}`));
    expect(items.map((_, i) => $(i).find('pubDate').text()).get()).toEqual(
      reports.map((r) => (r.data.publishedOn ? new Date(`${r.data.publishedOn}T00:00:00Z`).toUTCString() : '')),
    );
    expect(normaliseLines(items.first().find('description').text())[0]).toBe(normaliseLines(textLinesOfPreface(latest()))[0]);
    expect(read('feed.xml')).not.toContain('.invalid');
  });

  it('no sitemap is made, and robots.txt names none', () => {
    expect(existsSync(join(dist, 'sitemap-index.xml'))).toBe(false);
    expect(read('robots.txt')).toBe('User-agent: *\nAllow: /\n');
  });
});

function textLinesOfPreface(r: ExpectedReport): string {
  return textLines(page(dist, `/${r.path}`), '.preface').join('\n');
}

describe('/data/reports.json', () => {
  const data = () => JSON.parse(read('data/reports.json')) as ReportsData;
  const schema = () => JSON.parse(read('data/reports.schema.json'));

  it('is valid against /data/reports.schema.json', () => {
    expect(schema().$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(validator(schema())(data())).toEqual([]);
  });

  it('the schema is strict: a missing or an unknown field fails', () => {
    const validate = validator(schema());
    const copy = () => JSON.parse(JSON.stringify(data()));
    const withFigures = data().reports.flatMap((r, i) => r.sections.map((s, j) => ({ i, j, n: s.figures.length }))).find((x) => x.n > 0)!;
    const a = copy();
    delete a.reports[withFigures.i].sections[withFigures.j].figures[0].value;
    expect(validate(a)).toEqual([`/reports/${withFigures.i}/sections/${withFigures.j}/figures/0 must have required property 'value'`]);
    const b = copy();
    delete b.reports[0].agency;
    expect(validate(b)).toEqual(["/reports/0 must have required property 'agency'"]);
    const c = copy();
    c.reports[0].sections[0].note = '多余';
    expect(validate(c)).toEqual(['/reports/0/sections/0 must NOT have additional properties']);
  });

  it('holds every report with its sections, items and figures, and the five items', () => {
    const d = data();
    expect(d.site).toBeNull();
    expect(d.items.map((i) => i.slug)).toEqual(REQUIRED_ITEMS.map((i) => i.slug));
    expect(d.reports.map((r) => r.year)).toEqual(reports.map((r) => r.year));
    d.reports.forEach((r, i) => {
      const e = reports[i]!;
      expect(r).toMatchObject({
        year: e.year,
        agency: e.data.agency,
        signedOn: e.data.signedOn,
        publishedOn: e.data.publishedOn ?? null,
        indexNumber: e.data.indexNumber ?? null,
        path: `/${e.path}`,
      });
      expect(r.corrections).toEqual(e.data.corrections);
      expect(r.signature).toEqual(signatureLines(e.data));
      expect(r.sections.map((s) => `${s.printedHeading}:${s.itemSlugs.join(',')}:${s.figures.length}`)).toEqual(
        e.sections.map((s) => `${printedHeading(s.data)}:${s.data.items.map((i) => REQUIRED_ITEMS.find((x) => x.name === i)!.slug).join(',')}:${s.data.figures.length}`),
      );
    });
  });

  it('each section’s plain text equals the text on its built section page; the preface equals the report page’s', () => {
    for (const r of data().reports) {
      for (const s of r.sections) {
        const $ = page(dist, s.path);
        expect($('h1').text()).toBe(printedHeading(s));
        expect(asOneLine(normaliseLines(s.text)), s.path).toBe(asOneLine(textLines($, '.report-text')));
        expect(s.text).not.toMatch(/\\|\{""\}|&#x/);
      }
      expect(normaliseLines(r.preface)).toEqual(textLines(page(dist, r.path), '.preface'));
    }
  });
});
