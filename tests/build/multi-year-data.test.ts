/**
 * Figures, items, feed, sitemap and open data across several years: the synthetic fixture in
 * tests/fixtures/multi-year (its README lists the figures), built with a site address under a
 * base path, as on a bureau's portal.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { builtFixture, PORTAL } from '../helpers/fixtures';
import { brokenLinks, normaliseLines, page as builtPage, textLines } from '../helpers/site';
import { validator } from '../helpers/json-schema';
import type { ReportsData } from '../../src/domain/open-data';

const BASE = '/fzbg/';
const SITE = 'https://example.gov.cn';
let dist: string;

beforeAll(async () => {
  dist = (await builtFixture('multi-year', PORTAL)).dist;
});

const page = (path: string): CheerioAPI => builtPage(dist, path);
const read = (file: string) => readFileSync(join(dist, file), 'utf8');
const xml = (file: string) => load(read(file), { xml: true });

describe('/figures/ across years', () => {
  it('lines keys up by year, newest first, with label, unit and values as printed', () => {
    const $ = page('figures/');
    expect($('.figures-table thead th').map((_, t) => $(t).text()).get()).toEqual(['指标', '2023年', '2022年', '2021年', '变化']);
    const rows = $('.figures-table tbody tr')
      .map((_, tr) => [[$(tr).attr('id'), $(tr).find('th').contents().first().text(), ...$(tr).find('td:not(.figure-trend)').map((_, td) => $(td).text()).get()]])
      .get();
    expect(rows).toEqual([
      ['figure-law-outreach-events', '普法活动（场）', '5场', '4场', '3场'],
      ['figure-legal-consultations', '法律咨询（人次）', '30人次', '—无数据', '—无数据'],
      ['figure-preferential-card-applications', '受理优待证申请（人）', '约20人', '—无数据', '—无数据'],
      ['figure-job-fairs', '专场招聘会（场）', '2场', '1场', '—无数据'],
      ['figure-job-fair-positions', '招聘会提供岗位（个）', '400个', '345个', '—无数据'],
      ['figure-emergency-relief-funds', '应急救助资金（万元）', '约8.30万元', '12.50万元', '—无数据'],
      ['figure-preferential-cards-issued', '发放优待证（张）', '—无数据', '15张', '10张'],
    ]);
    expect($('#figure-emergency-relief-funds td a').map((_, a) => $(a).attr('href')).get()).toEqual(['/fzbg/2023/#section-2', '/fzbg/2022/#section-3']);
  });

  it('charts every key with values in two or more years, oldest first, with a text alternative stating the values', () => {
    const $ = page('figures/');
    const charted = $('.figures-table tbody tr').filter((_, tr) => $(tr).find('svg').length > 0).map((_, tr) => $(tr).attr('id')).get();
    expect(charted).toEqual([
      'figure-law-outreach-events',
      'figure-job-fairs',
      'figure-job-fair-positions',
      'figure-emergency-relief-funds',
      'figure-preferential-cards-issued',
    ]);
    const svg = $('#figure-law-outreach-events svg');
    expect(svg.attr('role')).toBe('img');
    expect(svg.attr('aria-label')).toBe('普法活动（场）历年变化：2021年 3场，2022年 4场，2023年 5场');
    expect(svg.find('title').text()).toBe(svg.attr('aria-label'));
    expect(svg.find('circle')).toHaveLength(3);
    expect($('#figure-emergency-relief-funds svg').attr('aria-label')).toBe('应急救助资金（万元）历年变化：2022年 12.50万元，2023年 约8.30万元');
    expect($('#figure-emergency-relief-funds svg .figure-chart-value').map((_, t) => $(t).text()).get()).toEqual(['12.50', '约8.30']);
  });

  it('needs no script: the page loads none of its own', () => {
    const $ = page('figures/');
    expect($('main script')).toHaveLength(0);
  });
});

describe('/items/<slug>/ across years', () => {
  it('shows one item’s sections year by year, newest first, each with its full text', () => {
    const $ = page('items/shortcomings/');
    expect($('.item-year h2').map((_, h) => $(h).text()).get()).toEqual(['2023年报告', '2022年报告', '2021年报告']);
    expect($('.item-section h3').map((_, h) => $(h).text()).get()).toEqual(['四、示例不足：测试统筹仍需加强', '四、示例不足：测试能力有待提高', '二、示例不足：测试工作仍有差距']);
    expect($('.item-section h3 a').map((_, a) => $(a).attr('href')).get()).toEqual(['/fzbg/2023/section-4/', '/fzbg/2022/section-4/', '/fzbg/2021/section-2/']);
    expect(textLines($, '[aria-labelledby="year-2021-section-2"]')).toEqual([
      '二、示例不足：测试工作仍有差距',
      '示例宣传形式较为单一，这是一句测试文字。',
      '测试原因在于示例人员不足，本段内容纯属虚构。',
    ]);
  });

  it('groups several sections of one year under that year, and renders tables', () => {
    const $ = page('items/measures/');
    expect($('.item-year').map((_, y) => `${$(y).find('h2').text()}:${$(y).find('.item-section h3').length}`).get()).toEqual(['2023年报告:2', '2022年报告:2', '2021年报告:1']);
    // 2022's table, in its own year and as last year's text beside 2023.
    const cells = (sel: string) => $(sel).map((_, t) => $(t).clone().find('[data-chrome]').remove().end().text()).get();
    expect(cells('.item-section table thead th')).toEqual(['项目', '数量']);
    expect(cells('.compare-part table thead th')).toEqual(['项目', '数量']);
  });

  it('an item only one year covers lists that year', () => {
    const $ = page('items/other/');
    expect($('.item-year h2').map((_, h) => $(h).text()).get()).toEqual(['2023年报告']);
  });
});

describe('feed, sitemap and robots.txt with a site address under a base path', () => {
  it('/feed.xml: one item per report, newest first, full links under the base path', () => {
    const $ = xml('feed.xml');
    expect($('channel > link').text()).toBe(`${SITE}${BASE}`);
    const reports = $('item').filter((_, i) => !$(i).find('link').text().includes('/history/'));
    expect(reports.map((_, i) => $(i).find('link').text()).get()).toEqual([2023, 2022, 2021].map((y) => `${SITE}${BASE}${y}/`));
    expect(reports.find('guid').map((_, g) => $(g).text()).get()).toEqual([2023, 2022, 2021].map((y) => `${SITE}${BASE}${y}/`));
    // Only a known 发布日期 dates a report's item; the years without one have no pubDate.
    expect(reports.map((_, i) => $(i).find('pubDate').text()).get()).toEqual(['Thu, 01 Feb 2024 00:00:00 GMT', '', '']);
    // The fixture's one correction is an item of its own, a full address to its entry on the 版本记录.
    expect($('item link').filter((_, l) => $(l).text().includes('/history/')).map((_, l) => $(l).text()).get()).toEqual([
      expect.stringMatching(new RegExp(`^${SITE}${BASE}2022/history/#entry-[0-9a-f]{16}$`)),
    ]);
    expect($('item title').first().text()).toBe('示例局2023年法治政府建设年度报告（测试数据）');
  });

  it('the sitemap lists every page under the base path, and no data file or 404', () => {
    const index = xml('sitemap-index.xml');
    expect(index('sitemap loc').map((_, l) => index(l).text()).get()).toEqual([`${SITE}${BASE}sitemap-0.xml`]);
    const $ = xml('sitemap-0.xml');
    const urls = $('url loc').map((_, l) => $(l).text()).get();
    expect(urls).toContain(`${SITE}${BASE}`);
    expect(urls).toContain(`${SITE}${BASE}2022/section-2/`);
    expect(urls).toContain(`${SITE}${BASE}figures/`);
    expect(urls).toContain(`${SITE}${BASE}items/shortcomings/`);
    expect(urls.every((u) => u.startsWith(`${SITE}${BASE}`) && u.endsWith('/'))).toBe(true);
    expect(urls.some((u) => /404|feed|\.json|\.csv/.test(u))).toBe(false);
  });

  it('robots.txt names the sitemap', () => {
    expect(read('robots.txt')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE}${BASE}sitemap-index.xml\n`);
  });

  it('every link, including the downloads, resolves inside the base path', () => {
    expect(brokenLinks(dist, BASE)).toEqual([]);
  });
});

describe('open data across years', () => {
  const data = (): ReportsData => JSON.parse(read('data/reports.json'));

  it('/data/reports.json is valid against /data/reports.schema.json', () => {
    expect(validator(JSON.parse(read('data/reports.schema.json')))(data())).toEqual([]);
  });

  it('holds every year, with the site’s address and paths under the base path', () => {
    const d = data();
    expect(d.site).toBe(`${SITE}${BASE}`);
    expect(d.reports.map((r) => [r.year, r.path, r.sections.length, r.publishedOn, r.indexNumber])).toEqual([
      [2023, '/fzbg/2023/', 6, '2024-02-01', '测试-2024-0001'],
      [2022, '/fzbg/2022/', 5, null, null],
      [2021, '/fzbg/2021/', 4, null, null],
    ]);
  });

  it('every section’s plain text equals the text on its built section page, tables included', () => {
    for (const r of data().reports) {
      for (const s of r.sections) {
        const $ = builtPage(dist, s.path.slice(BASE.length));
        expect(normaliseLines(s.text).join(' '), s.path).toBe(textLines($, '.report-text').join(' '));
      }
    }
    const table = data().reports[1]!.sections[1]!.text;
    expect(table.split('\n').slice(-3)).toEqual(['项目\t数量', '示例参会企业\t12', '测试提供岗位\t345']);
  });

  it('/figures.csv gives full addresses; /figures.json the values by year', () => {
    const lines = read('figures.csv').slice(1).split('\r\n');
    expect(lines).toContain(`2022,emergency-relief-funds,应急救助资金,,12.50,万元,三、示例负责人履行测试职责情况,${SITE}${BASE}2022/section-3/`);
    expect(lines).toContain(`2023,emergency-relief-funds,应急救助资金,约,8.30,万元,二、示例举措二：测试服务保障,${SITE}${BASE}2023/section-2/`);
    const json = JSON.parse(read('figures.json'));
    expect(json.years).toEqual([2023, 2022, 2021]);
    const events = json.figures.find((f: { key: string }) => f.key === 'law-outreach-events');
    expect(events.values.map((v: { year: number; number: number }) => [v.year, v.number])).toEqual([[2023, 5], [2022, 4], [2021, 3]]);
  });

  it('each report page shows that year’s figures only', () => {
    const $ = page('2022/');
    expect($('.figures-panel dt').map((_, d) => $(d).text()).get()).toEqual(['普法活动', '发放优待证', '专场招聘会', '招聘会提供岗位', '应急救助资金']);
    expect($('.figures-panel dd a').map((_, a) => $(a).attr('href')).get()).toEqual(['#section-1', '#section-1', '#section-2', '#section-2', '#section-3']);
    const $2021 = page('2021/');
    expect($2021('.figures-panel dd .figure-value').map((_, v) => $2021(v).text()).get()).toEqual(['3', '10']);
  });
});
