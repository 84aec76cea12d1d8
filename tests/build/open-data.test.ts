/**
 * The real 2023 report's key figures, items pages, feed and open data in the production build
 * (built without a site address, as site.config.ts ships): what a reader and a reuser get.
 */
import { describe, expect, inject, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { normaliseLines, page, textLines } from '../helpers/site';
import { validator } from '../helpers/json-schema';
import type { ReportsData } from '../../src/domain/open-data';

const dist = inject('siteDist');
const read = (file: string) => readFileSync(join(dist, file), 'utf8');

/** Text as one line of words: blocks (and table cells) separated by single spaces. */
const asOneLine = (lines: string[]) => lines.join(' ');

/** The 2023 figures as recorded in src/content/sections/2023/*.mdx: label, printed figure, section. */
const FIGURES_2023 = [
  ['理论学习中心组学习', '5次', 1],
  ['撰写心得体会', '4篇', 1],
  ['党支部党员大会', '2次', 1],
  ['支部委员会会议', '4次', 1],
  ['党课', '4次', 1],
  ['主题党日活动', '4次', 1],
  ['参加适应性培训', '63人', 2],
  ['参加短期技能培训', '11名', 2],
  ['退役军人专场招聘会', '2场', 2],
  ['招聘会参会企业', '51家', 2],
  ['招聘会提供岗位', '1344个', 2],
  ['受理优待证申请', '约8000人', 2],
  ['获应急救助的困难退役军人', '12名', 2],
  ['应急救助资金', '21.40万元', 2],
  ['法治建设工作领导小组学习会议', '1次', 4],
  ['全体干部职工法律专题学习会议', '1次', 4],
  ['法律顾问专题讲座', '1次', 4],
  ['“送法进广场”活动', '3场', 4],
  ['为退役军人提供法律咨询服务', '7人次', 4],
  ['国家工作人员学法考试参考率', '100%', 5],
  ['国家工作人员学法考试优秀率', '100%', 5],
  ['“谁执法谁普法”履职报告评议得分', '94.6分', 5],
] as const;

describe('the report page’s key figures', () => {
  const $ = page(dist, '/2023/');

  it('follow the contents, outside the report text, each linking to its section', () => {
    const panel = $('.figures-panel');
    expect(panel).toHaveLength(1);
    expect(panel.prev().is('nav.contents')).toBe(true);
    expect(panel.closest('.report-text')).toHaveLength(0);
    expect($('.report-text .figures-panel')).toHaveLength(0);
    expect(panel.find('h2').text()).toBe('主要数据');
    const rows = panel.find('dl > div').map((_, d) => [[$(d).find('dt').text(), $(d).find('dd a .figure-value').text() + $(d).find('dd a .figure-unit').text(), $(d).find('dd a').attr('href')]]).get();
    expect(rows).toEqual(FIGURES_2023.map(([label, printed, order]) => [label, printed, `#section-${order}`]));
    expect(panel.find('dd a').first().text()).toBe('5次，见第一部分');
    expect(panel.find('a[href="/figures/"]').text()).toBe('历年主要数据对比');
  });

  it('every figure is printed in the text of the section it links to', () => {
    for (const [, printed, order] of FIGURES_2023) {
      expect($(`#section-${order}`).text(), printed).toContain(printed.replace(/[次篇人名场家个万元分%]+$/, ''));
    }
  });
});

describe('/figures/ for one year', () => {
  const $ = page(dist, '/figures/');

  it('lists each key with label and unit, one column for 2023, no chart for a single year', () => {
    expect($('h1').text()).toBe('历年主要数据');
    expect($('.figures-table thead th').map((_, t) => $(t).text()).get()).toEqual(['指标', '2023年']);
    expect($('.figures-table tbody tr')).toHaveLength(FIGURES_2023.length);
    const first = $('#figure-adaptive-training-people');
    expect(first.find('th').contents().first().text()).toBe('参加适应性培训（人）');
    expect(first.find('td a').text()).toBe('63人');
    expect(first.find('td a').attr('href')).toBe('/2023/#section-2');
    expect($('#figure-preferential-card-applications td').text()).toBe('约8000人');
    expect($('svg')).toHaveLength(0);
  });

  it('links the downloads', () => {
    expect($('.downloads a').map((_, a) => $(a).attr('href')).get()).toEqual([
      '/figures.csv',
      '/figures.json',
      '/data/reports.json',
      '/data/reports.schema.json',
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
    expect(lines).toHaveLength(FIGURES_2023.length + 2);
    // The heading holds a comma, so that field is quoted.
    expect(lines).toContain('2023,preferential-card-applications,受理优待证申请,约,8000,人,"二、深入学习贯彻习近平法治思想,增强法治思维",/2023/section-2/');
    expect(lines).toContain('2023,emergency-relief-funds,应急救助资金,,21.40,万元,"二、深入学习贯彻习近平法治思想,增强法治思维",/2023/section-2/');
  });

  it('JSON: every key with its values, printed and as numbers', () => {
    const json = JSON.parse(read('figures.json'));
    expect(json.years).toEqual([2023]);
    const funds = json.figures.find((f: { key: string }) => f.key === 'emergency-relief-funds');
    expect(funds.values).toEqual([
      { year: 2023, label: '应急救助资金', qualifier: null, value: '21.40', number: 21.4, unit: '万元', section: { order: 2, heading: '二、深入学习贯彻习近平法治思想,增强法治思维', path: '/2023/section-2/' } },
    ]);
  });
});

describe('/items/', () => {
  it('the index links the five items, saying which have content', () => {
    const $ = page(dist, '/items/');
    expect($('.item-list > li > a').map((_, a) => [[$(a).attr('href'), $(a).text()]]).get()).toEqual([
      ['/items/measures/', '推进法治政府建设的主要举措和成效'],
      ['/items/shortcomings/', '推进法治政府建设存在的不足和原因'],
      ['/items/first-responsibility/', '党政主要负责人履行推进法治建设第一责任人职责情况'],
      ['/items/next-year/', '下一年度推进法治政府建设的主要安排'],
      ['/items/other/', '其他需要报告的情况'],
    ]);
    expect($('.item-list p').last().text()).toBe('有需要时报告；已发布的报告中还没有这一项的内容。');
    expect($('.item-list p').first().text()).toBe('每年必须报告；1 年报告，共 4 个部分');
  });

  it('an item page carries its sections’ full text, as on their own pages', () => {
    const $ = page(dist, '/items/shortcomings/');
    expect($('h1').text()).toBe('推进法治政府建设存在的不足和原因');
    expect($('.item-year h2').text()).toBe('2023年报告');
    expect($('.item-year h3 a').attr('href')).toBe('/2023/section-6/');
    expect($('.item-year h3').text()).toBe('六、存在的不足和原因');
    expect(textLines($, '.item-section .report-text')).toEqual(textLines(page(dist, '/2023/section-6/'), '.report-text'));
    const measures = page(dist, '/items/measures/');
    expect(measures('.item-year h3 a').map((_, a) => measures(a).attr('href')).get()).toEqual(['/2023/section-1/', '/2023/section-2/', '/2023/section-4/', '/2023/section-5/']);
  });

  it('sub-headings sit below the section heading and repeat no id', () => {
    const $ = page(dist, '/items/next-year/');
    expect($('main h1, main h2, main h3, main h4').map((_, h) => h.tagName).get()).toEqual(['h1', 'h2', 'h3', 'h4', 'h4', 'h4']);
    expect($('main h4[id]')).toHaveLength(0);
  });

  it('an item no report covers says so', () => {
    const $ = page(dist, '/items/other/');
    expect($('h1').text()).toBe('其他需要报告的情况');
    expect($('.item-empty').text()).toBe('已发布的报告中还没有这一项的内容。');
    expect($('.item-year')).toHaveLength(0);
  });

  it('the home page links both from a small 浏览 nav', () => {
    const $ = page(dist, '/');
    expect($('nav.browse h2').text()).toBe('浏览');
    expect($('nav.browse a').map((_, a) => $(a).attr('href')).get()).toEqual(['/items/', '/figures/']);
  });
});

describe('/feed.xml without a site address', () => {
  const $ = load(read('feed.xml'), { xml: true });

  it('is RSS 2.0 with one item per report, links relative to the site root', () => {
    expect($('rss').attr('version')).toBe('2.0');
    expect($('channel > title').text()).toBe('韶关市武江区退役军人事务局法治政府建设年度报告');
    expect($('channel > link').text()).toBe('/');
    expect($('channel > language').text()).toBe('zh-cn');
    const items = $('item');
    expect(items).toHaveLength(1);
    expect(items.find('title').text()).toBe('韶关市武江区退役军人事务局2023年法治政府建设年度报告');
    expect(items.find('link').text()).toBe('/2023/');
    expect(items.find('pubDate').text()).toBe('Mon, 08 Jan 2024 00:00:00 GMT');
    expect(items.find('description').text()).toMatch(/^2023年,我局坚持以习近平新时代中国特色社会主义思想为指导,.*现将我局2023年法治政府建设工作报告如下:$/);
    expect(read('feed.xml')).not.toContain('.invalid');
  });

  it('no sitemap is made, and robots.txt names none', () => {
    expect(existsSync(join(dist, 'sitemap-index.xml'))).toBe(false);
    expect(read('robots.txt')).toBe('User-agent: *\nAllow: /\n');
  });
});

describe('/data/reports.json', () => {
  const data: ReportsData = JSON.parse(read('data/reports.json'));
  const schema = JSON.parse(read('data/reports.schema.json'));

  it('is valid against /data/reports.schema.json', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(validator(schema)(data)).toEqual([]);
  });

  it('the schema is strict: a missing or an unknown field fails', () => {
    const validate = validator(schema);
    const copy = () => JSON.parse(JSON.stringify(data));
    const a = copy();
    delete a.reports[0].sections[1].figures[0].value;
    expect(validate(a)).toEqual(["/reports/0/sections/1/figures/0 must have required property 'value'"]);
    const b = copy();
    delete b.reports[0].agency;
    expect(validate(b)).toEqual(["/reports/0 must have required property 'agency'"]);
    const c = copy();
    c.reports[0].sections[0].note = '多余';
    expect(validate(c)).toEqual(['/reports/0/sections/0 must NOT have additional properties']);
  });

  it('holds the report, its seven sections with their items and figures, and the five items', () => {
    expect(data.site).toBeNull();
    expect(data.items.map((i) => i.slug)).toEqual(['measures', 'shortcomings', 'first-responsibility', 'next-year', 'other']);
    const [r] = data.reports;
    expect(data.reports).toHaveLength(1);
    expect(r).toMatchObject({ year: 2023, agency: '韶关市武江区退役军人事务局', signedOn: '2024-01-08', publishedOn: null, indexNumber: null, corrections: [], path: '/2023/' });
    expect(r!.signature).toEqual(['韶关市武江区退役军人事务局', '2024年1月8日']);
    expect(r!.sections.map((s) => `${s.numeral}:${s.itemSlug}:${s.figures.length}`)).toEqual([
      '一:measures:6',
      '二:measures:8',
      '三:first-responsibility:0',
      '四:measures:5',
      '五:measures:3',
      '六:shortcomings:0',
      '七:next-year:0',
    ]);
    expect(r!.sections[1]!.figures.find((f) => f.key === 'emergency-relief-funds')).toEqual({ key: 'emergency-relief-funds', label: '应急救助资金', qualifier: null, value: '21.40', number: 21.4, unit: '万元' });
  });

  it('each section’s plain text equals the text on its built section page; the preface equals the report page’s', () => {
    const [r] = data.reports;
    for (const s of r!.sections) {
      const $ = page(dist, s.path);
      expect($('h1').text()).toBe(`${s.numeral}、${s.heading}`);
      expect(asOneLine(normaliseLines(s.text)), s.path).toBe(asOneLine(textLines($, '.report-text')));
      expect(s.text).not.toMatch(/\\|\{""\}|&#x/);
    }
    expect(normaliseLines(r!.preface)).toEqual(textLines(page(dist, '/2023/'), '.preface'));
  });
});
