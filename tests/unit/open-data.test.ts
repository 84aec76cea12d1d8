/** Open data without a build: the chart, the CSV writer, plain text from MDX, feed items, /data/reports.json and its schema. */
import { describe, expect, it } from 'vitest';
import { load } from 'cheerio';
import { lineChartSvg } from '../../src/utils/chart';
import { escapeXml } from '../../src/utils/xml';
import { csvField, toCsv } from '../../src/utils/csv';
import { bodyText } from '../../src/domain/body';
import { feedItems, rssFeed } from '../../src/utils/feed';
import { buildReportsData, figuresCsvRows, figuresJson } from '../../src/utils/open-data';
import { reportsDataJsonSchema } from '../../src/domain/open-data';
import { buildReportViews } from '../../src/utils/routes';
import type { Entry } from '../../src/domain/check';
import type { ReportData, SectionData } from '../../src/domain/schema';
import { validator } from '../helpers/json-schema';

describe('lineChartSvg', () => {
  const points = [
    { label: '2021', value: 3, text: '3' },
    { label: '2022', value: 12.5, text: '12.50' },
    { label: '2023', value: 8000, text: '约8000' },
  ];
  const svg = lineChartSvg(points, { description: '示例（人）历年变化：2021年 3人，2022年 12.50人，2023年 约8000人' });
  const $ = load(svg, { xml: true });

  it('is one image with a text alternative stating the values', () => {
    const root = $('svg');
    expect(root.attr('role')).toBe('img');
    expect(root.attr('aria-label')).toBe('示例（人）历年变化：2021年 3人，2022年 12.50人，2023年 约8000人');
    expect(root.children().first().is('title')).toBe(true);
    expect($('title').text()).toBe(root.attr('aria-label'));
    expect(root.attr('xmlns')).toBe('http://www.w3.org/2000/svg');
  });

  it('draws a point per value, left to right, higher values higher, printed values and years as labels', () => {
    const circles = $('circle').map((_, c) => ({ x: Number($(c).attr('cx')), y: Number($(c).attr('cy')) })).get();
    expect(circles).toHaveLength(3);
    expect(circles[0]!.x).toBeLessThan(circles[1]!.x);
    expect(circles[1]!.x).toBeLessThan(circles[2]!.x);
    expect(circles[2]!.y).toBeLessThan(circles[1]!.y);
    expect(circles[1]!.y).toBeLessThan(circles[0]!.y);
    expect($('polyline').attr('points')!.split(' ')).toHaveLength(3);
    expect($('.figure-chart-value').map((_, t) => $(t).text()).get()).toEqual(['3', '12.50', '约8000']);
    expect($('.figure-chart-label').map((_, t) => $(t).text()).get()).toEqual(['2021', '2022', '2023']);
  });

  it('keeps every coordinate inside the drawing, and a flat series flat', () => {
    const flat = load(lineChartSvg([{ label: 'a', value: 5, text: '5' }, { label: 'b', value: 5, text: '5' }], { description: 'x', width: 100, height: 50 }), { xml: true });
    const ys = flat('circle').map((_, c) => Number(flat(c).attr('cy'))).get();
    expect(ys[0]).toBe(ys[1]);
    for (const c of $('circle').get()) {
      expect(Number($(c).attr('cy'))).toBeGreaterThanOrEqual(0);
      expect(Number($(c).attr('cy'))).toBeLessThanOrEqual(72);
    }
  });

  it('makes no chart from fewer than two numbers', () => {
    expect(lineChartSvg([{ label: '2023', value: 1, text: '1' }], { description: 'x' })).toBe('');
    expect(lineChartSvg([{ label: 'a', value: Number.NaN, text: '?' }, { label: 'b', value: 1, text: '1' }], { description: 'x' })).toBe('');
  });

  it('escapes text so labels cannot break the markup', () => {
    const out = lineChartSvg([{ label: '<a>', value: 1, text: '"&' }, { label: "'", value: 2, text: '2' }], { description: '甲<乙>&"丙"' });
    expect(out).toContain('aria-label="甲&lt;乙&gt;&amp;&quot;丙&quot;"');
    expect(out).toContain('>&lt;a&gt;</text>');
    expect(out).not.toMatch(/<a>|"&"/);
    expect(escapeXml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });
});

describe('CSV', () => {
  it('quotes only what RFC 4180 needs, doubling quotes', () => {
    expect(csvField('普通文字')).toBe('普通文字');
    expect(csvField('一、学习,贯彻')).toBe('"一、学习,贯彻"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField('两行\n文字')).toBe('"两行\n文字"');
    expect(csvField('回车\r')).toBe('"回车\r"');
    expect(csvField(' 前有空格')).toBe('" 前有空格"');
    expect(csvField(21.4)).toBe('21.4');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('ends every record with CRLF and starts with a byte order mark unless told not to', () => {
    const csv = toCsv([['年度', 'key'], [2023, 'a,b']]);
    expect(csv).toBe('\uFEFF年度,key\r\n2023,"a,b"\r\n');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(toCsv([['a']], { bom: false })).toBe('a\r\n');
  });

  it('reads back as it was written', () => {
    const rows = [['甲', '含,逗号', '含"引号"', '含\r\n换行', ''], ['1', '2', '3', '4', '5']];
    expect(parseCsv(toCsv(rows, { bom: false }))).toEqual(rows);
  });
});

/** A strict RFC 4180 reader, only to check the writer against. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (field += c), i++;
    } else if (c === '"' && field === '') (quoted = true), i++;
    else if (c === ',') row.push(field), (field = ''), i++;
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), (i += 2);
    else (field += c), i++;
  }
  return rows;
}

describe('the text a reader sees of a body', () => {
  it('has escapes, references and empty expressions resolved', () => {
    const mdx = '1\\. 示例 \\*星\\* &#x69;mport x，见 www{""}.example.com、test{""}@example.com \\<b\\> &amp; \\{1+1\\}\n\n### (一)小标题\n\n第二段。\n';
    expect(bodyText(mdx)).toEqual(['1. 示例 *星* import x，见 www.example.com、test@example.com <b> & {1+1}', '(一)小标题', '第二段。']);
  });

  it('gives a table one line per row, cells separated by a tab', () => {
    expect(bodyText('表前。\n\n| 项目 | 数量 |\n| --- | --- |\n| 企业 | 12 |\n| 两段<br />文字 | \\# |\n')).toEqual(['表前。', '项目\t数量\n企业\t12\n两段文字\t#']);
  });

  it('keeps footnotes, without the page’s own label and back links', () => {
    expect(bodyText('正文[^1]。\n\n[^1]: 注释文字（示例）。\n')).toEqual(['正文1。', '注释文字（示例）。']);
  });
});

/** An entry as pages read it: with the text a reader sees of its body. */
type WithText<T> = Entry<T> & { content: { text: string[] } };
const withText = <T,>(e: Entry<T>): WithText<T> => ({ ...e, content: { text: bodyText(e.body ?? '') } });
const report = (year: number, over: Partial<ReportData> = {}): WithText<ReportData> => withText({
  id: String(year),
  filePath: `reports/${year}.mdx`,
  body: `${year}年前言，\\*示例\\*。`,
  data: { year, title: `示例局${year}年报告`, agency: '示例局', signedOn: `${year + 1}-01-08`, draft: false, corrections: [], ...over },
});
const section = (year: number, order: number, item: SectionData['items'][number], figures: SectionData['figures'] = []): WithText<SectionData> => withText({
  id: `${year}/0${order}`,
  filePath: `sections/${year}/0${order}.mdx`,
  body: `正文${order}：招聘会${figures[0]?.value ?? ''}场。`,
  data: { report: String(year), order, label: `${['一', '二'][order - 1]!}、`, heading: `示例${order}`, items: [item], figures },
} as Entry<SectionData>);
const views = buildReportViews(
  [report(2022), report(2023, { publishedOn: '2024-02-01', corrections: [{ date: '2024-03-01', note: '示例更正' }] })],
  [
    section(2023, 1, '主要举措和成效', [{ key: 'job-fairs', label: '专场招聘会', value: '2', unit: '场' }]),
    section(2023, 2, '存在的不足和原因'),
    section(2022, 1, '主要举措和成效', [{ key: 'job-fairs', label: '招聘会', value: '1,200', unit: '场', qualifier: '约' }]),
  ],
);

describe('feed items', () => {
  it('one per report, newest first, linking under the base path, dated only by a known 发布日期', () => {
    const items = feedItems(views, '/fzbg/');
    expect(items.map((i) => [i.title, i.link, i.pubDate && (i.pubDate as Date).toISOString().slice(0, 10)])).toEqual([
      ['示例局2023年报告', '/fzbg/2023/', '2024-02-01'],
      // No 发布日期: no pubDate at all, rather than the 成文日期.
      ['示例局2022年报告', '/fzbg/2022/', undefined],
    ]);
    expect(items[1]).not.toHaveProperty('pubDate');
    expect(items[0]!.description).toBe('2023年前言，*示例*。');
  });
});

describe('the RSS document', () => {
  const channel = {
    title: '示例局<测试>网站',
    description: '示例 & 测试',
    link: '/fzbg/',
    items: [
      { title: '示例"报告"', link: '/fzbg/2023/', pubDate: new Date('2024-02-01T00:00:00Z'), description: "第一行 <b>\n第二行'\u0001" },
      { title: '更正：示例', link: '/fzbg/2023/history/#entry-0123456789abcdef', description: '' },
    ],
  };

  it('is well-formed RSS 2.0 whatever the text holds, each link also its guid, empty parts left out', () => {
    const xml = rssFeed(channel);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>')).toBe(true);
    const $ = load(xml, { xml: true });
    expect($('channel > title').text()).toBe('示例局<测试>网站');
    expect($('channel > description').text()).toBe('示例 & 测试');
    expect($('channel > language').text()).toBe('zh-cn');
    const [first, second] = $('item').toArray().map((i) => $(i));
    expect(first!.find('title').text()).toBe('示例"报告"');
    // A control character XML 1.0 does not allow is left out, the rest kept as written.
    expect(first!.find('description').text()).toBe("第一行 <b>\n第二行'");
    expect(first!.find('pubDate').text()).toBe('Thu, 01 Feb 2024 00:00:00 GMT');
    expect(second!.find('description').length).toBe(0);
    expect(second!.find('pubDate').length).toBe(0);
    expect(second!.find('guid').attr('isPermaLink')).toBe('true');
  });

  it('links from the site root without the site\'s address, full addresses with it, #anchors kept', () => {
    const links = (xml: string) => {
      const $ = load(xml, { xml: true });
      return [$('channel > link').text(), ...$('item').toArray().flatMap((i) => [$(i).find('link').text(), $(i).find('guid').text()])];
    };
    expect(links(rssFeed(channel))).toEqual(['/fzbg/', '/fzbg/2023/', '/fzbg/2023/', '/fzbg/2023/history/#entry-0123456789abcdef', '/fzbg/2023/history/#entry-0123456789abcdef']);
    expect(links(rssFeed({ ...channel, site: new URL('https://example.gov.cn') }))).toEqual([
      'https://example.gov.cn/fzbg/',
      'https://example.gov.cn/fzbg/2023/',
      'https://example.gov.cn/fzbg/2023/',
      'https://example.gov.cn/fzbg/2023/history/#entry-0123456789abcdef',
      'https://example.gov.cn/fzbg/2023/history/#entry-0123456789abcdef',
    ]);
  });
});

describe('/data/reports.json', () => {
  const data = buildReportsData(views, { base: '/fzbg/', site: 'https://example.gov.cn' });
  const validate = validator(reportsDataJsonSchema());

  it('holds every report, section, item and figure, with plain text and paths under the base', () => {
    expect(data.site).toBe('https://example.gov.cn/fzbg/');
    expect(data.items.map((i) => i.path)).toEqual(['measures', 'shortcomings', 'first-responsibility', 'next-year', 'other'].map((s) => `/fzbg/items/${s}/`));
    const [r2023, r2022] = data.reports;
    expect(r2023).toMatchObject({ year: 2023, publishedOn: '2024-02-01', indexNumber: null, topic: null, documentNumber: null, validity: null, keywords: null, signature: ['示例局', '2024年1月8日'], path: '/fzbg/2023/', preface: '2023年前言，*示例*。' });
    expect(r2023!.corrections).toEqual([{ date: '2024-03-01', note: '示例更正' }]);
    expect(r2023!.sections.map((s) => [s.path, s.itemSlugs[0], s.text])).toEqual([
      ['/fzbg/2023/section-1/', 'measures', '正文1：招聘会2场。'],
      ['/fzbg/2023/section-2/', 'shortcomings', '正文2：招聘会场。'],
    ]);
    expect(r2022!.sections[0]!.figures).toEqual([{ key: 'job-fairs', label: '招聘会', qualifier: '约', value: '1,200', number: 1200, unit: '场' }]);
  });

  it('is valid against the JSON Schema published beside it, which catches a missing or unknown field', () => {
    expect(validate(JSON.parse(JSON.stringify(data)))).toEqual([]);
    const broken = JSON.parse(JSON.stringify(data));
    delete broken.reports[0].sections[0].figures[0].unit;
    delete broken.reports[1].publishedOn;
    broken.reports[0].extra = 1;
    broken.reports[0].signedOn = '2024-02-30';
    expect(validate(broken).sort()).toEqual([
      "/reports/0 must NOT have additional properties",
      '/reports/0/sections/0/figures/0 must have required property \'unit\'',
      '/reports/0/signedOn must match format "date"',
      '/reports/0/signedOn must match pattern "^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))$"',
      '/reports/1 must have required property \'publishedOn\'',
    ].sort());
  });

  it('carries 文号, 有效性 and 关键词 when stated, and the schema requires them (null when unknown)', () => {
    const stated = buildReportReportsData();
    expect(stated.reports[0]).toMatchObject({ documentNumber: '示例〔2024〕1号', validity: '有效', keywords: ['示例词', '测试词'] });
    expect(validate(JSON.parse(JSON.stringify(stated)))).toEqual([]);
    const broken = JSON.parse(JSON.stringify(data));
    delete broken.reports[0].documentNumber;
    delete broken.reports[0].keywords;
    expect(validate(broken).sort()).toEqual(["/reports/0 must have required property 'documentNumber'", "/reports/0 must have required property 'keywords'"]);
  });

  it('names the repeated-share measure and gives, per item a report covers, its share against the previous report covering it', () => {
    expect(data.repeatMeasure).toMatchObject({ id: 'char-5-gram-containment', gramLength: 5 });
    const [r2023, r2022] = data.reports;
    // 正文1：招聘会2场。 against 正文1：招聘会1,200场。: of 正文1招聘会2场's 4 5-grams, 正文1招聘 and 文1招聘会 are in both.
    expect(r2023!.itemRepeats).toEqual([
      { item: '主要举措和成效', itemSlug: 'measures', comparedWith: 2022, grams: 4, repeated: 2, share: 0.5 },
      { item: '存在的不足和原因', itemSlug: 'shortcomings', comparedWith: null, grams: 3, repeated: null, share: null },
    ]);
    expect(r2022!.itemRepeats).toEqual([{ item: '主要举措和成效', itemSlug: 'measures', comparedWith: null, grams: 7, repeated: null, share: null }]);
    const broken = JSON.parse(JSON.stringify(data));
    broken.reports[0].itemRepeats[0].share = 1.5;
    delete broken.repeatMeasure;
    expect(validate(broken)).toEqual(expect.arrayContaining(["/ must have required property 'repeatMeasure'", '/reports/0/itemRepeats/0/share must be <= 1']));
  });

  it('has no site address when none is set', () => {
    expect(buildReportsData(views, { base: '/' }).site).toBeNull();
    expect(validate(JSON.parse(JSON.stringify(buildReportsData(views, { base: '/' }))))).toEqual([]);
  });
});

describe('/figures.json and /figures.csv', () => {
  it('line each key up by year, newest first', () => {
    const json = figuresJson(views, '/');
    expect(json.years).toEqual([2023, 2022]);
    expect(json.figures.map((f) => [f.key, f.label, f.values.map((v) => `${v.year}:${v.qualifier ?? ''}${v.value}`)])).toEqual([
      ['job-fairs', '专场招聘会', ['2023:2', '2022:约1,200']],
    ]);
  });

  it('write one record per figure and year, with full addresses when the site is known', () => {
    const rows = figuresCsvRows(views, { base: '/fzbg/', site: 'https://example.gov.cn', header: ['年度', 'key', '名称', '限定词', '数值', '单位', '部分', '网址'] });
    expect(rows).toEqual([
      ['年度', 'key', '名称', '限定词', '数值', '单位', '部分', '网址'],
      [2023, 'job-fairs', '专场招聘会', null, '2', '场', '一、示例1', 'https://example.gov.cn/fzbg/2023/section-1/'],
      [2022, 'job-fairs', '招聘会', '约', '1,200', '场', '一、示例1', 'https://example.gov.cn/fzbg/2022/section-1/'],
    ]);
    expect(toCsv(rows).split('\r\n')[2]).toBe('2022,job-fairs,招聘会,约,"1,200",场,一、示例1,https://example.gov.cn/fzbg/2022/section-1/');
  });
});

describe('a withdrawn report', () => {
  const withdrawn = { date: '2025-03-01', reason: '示例数据有误（测试）' };
  const withWithdrawn = buildReportViews(
    [report(2024, { withdrawn }), report(2023)],
    [
      section(2024, 1, '主要举措和成效', [{ key: 'job-fairs', label: '专场招聘会', value: '3', unit: '场' }, { key: 'only-2024', label: '仅撤回年度', value: '9', unit: '人' }]),
      section(2023, 1, '主要举措和成效', [{ key: 'job-fairs', label: '专场招聘会', value: '2', unit: '场' }]),
    ],
  );

  it('has no feed item', () => {
    expect(feedItems(withWithdrawn, '/').map((i) => i.link)).toEqual(['/2023/']);
  });

  it('stays in /data/reports.json with its date and reason; every other report has withdrawn: null; both validate', () => {
    const data = buildReportsData(withWithdrawn, { base: '/' });
    expect(data.reports.map((r) => [r.year, r.withdrawn])).toEqual([[2024, withdrawn], [2023, null]]);
    expect(data.reports[0]!.sections[0]!.figures).toHaveLength(2);
    const validate = validator(reportsDataJsonSchema());
    expect(validate(JSON.parse(JSON.stringify(data)))).toEqual([]);
    const broken = JSON.parse(JSON.stringify(data));
    delete broken.reports[1].withdrawn;
    broken.reports[0].withdrawn = { date: '2025-03-01' };
    expect(validate(broken)).toEqual(expect.arrayContaining(["/reports/0/withdrawn must have required property 'reason'", "/reports/1 must have required property 'withdrawn'"]));
  });

  it('is left out of /figures.json and /figures.csv, a key only it had with it', () => {
    const json = figuresJson(withWithdrawn, '/');
    expect(json.years).toEqual([2023]);
    expect(json.figures.map((f) => [f.key, f.values.map((v) => v.year)])).toEqual([['job-fairs', [2023]]]);
    const rows = figuresCsvRows(withWithdrawn, { base: '/', header: ['年度'] });
    expect(rows.slice(1).map((r) => r[0])).toEqual([2023]);
  });
});

/** /data/reports.json of one report that states its 文号, 有效性 and 关键词. */
function buildReportReportsData() {
  const stated = buildReportViews([report(2023, { documentNumber: '示例〔2024〕1号', validity: '有效', keywords: ['示例词', '测试词'] })], []);
  return buildReportsData(stated, { base: '/' });
}
