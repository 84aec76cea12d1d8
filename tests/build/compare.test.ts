/**
 * Year against year, as built: tests/fixtures/repeated (2023 copies most of 2022's
 * 存在的不足和原因; its README has the hand count), on a portal under /fzbg/ with its address
 * known. The /items/ pages set each year beside the previous report on the item, marked and
 * with the repeated share; /items/plans-carried-out/ sets each year's measures beside last
 * year's plan; open data carries the shares; the 繁體 copies convert the marked text; staff
 * are reminded by the build and by npm run check.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, type Cheerio, type CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { builtFixture, PORTAL, runScript, type BuiltFixture } from '../helpers/fixtures';
import { brokenLinks, page as builtPage, textLines } from '../helpers/site';
import { validator } from '../helpers/json-schema';
import { reportsDataJsonSchema, type ReportsData } from '../../src/domain/open-data';

let built: BuiltFixture;
beforeAll(async () => {
  built = await builtFixture('repeated', PORTAL);
});
const page = (path: string): CheerioAPI => builtPage(built.dist, `/${path}`);
const year = ($: CheerioAPI, y: number) => $(`section.item-year[aria-labelledby="year-${y}"]`);
/** The text a reader sees: the words for screen readers (data-chrome) left out. */
const seen = (el: Cheerio<AnyNode>) => {
  const copy = el.clone();
  copy.find('[data-chrome]').remove();
  return copy.text().replace(/\s+/g, '');
};
const ownPageText = (path: string) => textLines(page(path), '.report-text').join('');

const REMINDER =
  'tests/fixtures/repeated/sections/2023/03.mdx · 字段 正文：2023 年报告“存在的不足和原因”的文字有 75% 与 2022 年报告相同：本年这一项的 49 个五字片段中，有 37 个逐字出现在 tests/fixtures/repeated/sections/2022/02.mdx 中（达到 60% 即提醒）。' +
  '逐年照抄同样的内容是评估中常被指出的问题：请对照上一年的文字核实这一项，写明本年度的实际情况；确实没有变化时可忽略此提醒';

describe('/items/shortcomings/: each year beside the last', () => {
  it('states each year’s repeated share against the previous report, the earliest standing alone', () => {
    const $ = page('items/shortcomings/');
    expect($('.item-year h2').map((_, h) => $(h).text()).get()).toEqual(['2023年报告', '2022年报告', '2021年报告']);
    expect($('.item-year .repeat-share').map((_, p) => $(p).text().replace(/\s+/g, ' ').trim()).get()).toEqual([
      '与2022年报告相同的文字占 75%（这一年这一项共 49 个五字片段，其中 37 个也在2022年报告中）相同文字比例怎样计算',
      '与2021年报告相同的文字占 8%（这一年这一项共 47 个五字片段，其中 4 个也在2021年报告中）相同文字比例怎样计算',
      '这是报告这一项最早的一份，没有可以对照的上一份报告。',
    ]);
    expect($('.repeat-share a').first().attr('href')).toBe('#measure');
    expect($('#measure').text()).toBe('相同文字比例怎样计算');
    expect($('.measure p').first().text()).toContain('比例 = 两年共有的片段数 ÷ 这一年的片段数');
  });

  it('marks what 2023 wrote anew with <ins> and what it dropped from 2022 with <del>, each announced in words', () => {
    const $ = page('items/shortcomings/');
    const y2023 = year($, 2023);
    expect(y2023.find('ins').map((_, e) => seen($(e))).get()).toEqual(['考核机制尚不健全']);
    expect(y2023.find('del').map((_, e) => seen($(e))).get()).toEqual(['培训次数偏少']);
    expect(y2023.find('ins').first().text()).toBe('新增：考核机制尚不健全（新增至此）');
    expect(y2023.find('del').first().text()).toBe('删去：培训次数偏少（删去至此）');
    expect(y2023.find('ins .visually-hidden, del .visually-hidden')).toHaveLength(4);
    // Every <ins> is in this year's text, every <del> in last year's.
    expect(y2023.find('.item-section del, .compare-part ins')).toHaveLength(0);
  });

  it('shows both years’ full text as on their own pages, last year’s under 对照 with a link to it', () => {
    const $ = page('items/shortcomings/');
    const y2023 = year($, 2023);
    expect(seen(y2023.find('.item-section .report-text'))).toBe(ownPageText('2023/section-3/'));
    expect(y2023.find('.compare-side h3').map((_, h) => $(h).text()).get()).toEqual(['三、示例不足：测试能力有待提高', '对照：2022年报告']);
    expect(y2023.find('.compare-part-title a').attr('href')).toBe('/fzbg/2022/section-2/');
    expect(seen(y2023.find('.compare-part .report-text'))).toBe(ownPageText('2022/section-2/'));
  });

  it('a key says what the marks mean, in words, before the years', () => {
    const $ = page('items/shortcomings/');
    expect($('.mark-key h2').text()).toBe('怎样看对照');
    expect($('.mark-key .mark-ins').text()).toBe('新增的文字');
    expect($('.mark-key .mark-del').text()).toBe('删去的文字');
    expect($('.mark-key p').text()).toContain('没有标记的文字两年相同');
    expect($('main h2').first().text()).toBe('怎样看对照');
  });

  it('repeats no id, keeps headings in order, and every link and anchor resolves', () => {
    for (const slug of ['measures', 'shortcomings', 'first-responsibility', 'next-year', 'other', 'plans-carried-out']) {
      const $ = page(`items/${slug}/`);
      const ids = $('[id]').map((_, e) => $(e).attr('id')).get();
      expect(ids.length, slug).toBe(new Set(ids).size);
      const levels = $('main h1, main h2, main h3, main h4, main h5').map((_, h) => Number(h.tagName[1])).get();
      levels.forEach((l, i) => expect(l - (levels[i - 1] ?? 0), slug).toBeLessThanOrEqual(1));
    }
    expect(brokenLinks(built.dist, '/fzbg/').filter((b) => b.page.includes('items/'))).toEqual([]);
  });
});

describe('other items', () => {
  it('compares with the previous report that covers the item, not the previous year', () => {
    const $ = page('items/other/');
    expect($('.item-year h2').map((_, h) => $(h).text()).get()).toEqual(['2023年报告', '2021年报告']);
    expect(year($, 2023).find('.repeat-share strong').text()).toBe('与2021年报告相同的文字占 71%');
  });

  it('keeps last year’s sub-headings and table beside this year’s, marked inside them', () => {
    const $ = page('items/measures/');
    const y2023 = year($, 2023);
    expect(y2023.find('.compare-part h4').map((_, h) => seen($(h))).get()).toEqual(['(一)示例学法制度', '(二)示例普法宣传']);
    expect(y2023.find('.item-section h4').map((_, h) => seen($(h))).get()).toEqual(['(一)示例学法制度', '(二)示例执法监督']);
    expect(y2023.find('.item-section table ins').length).toBeGreaterThan(0);
    expect(y2023.find('.item-section ins').map((_, e) => seen($(e))).get()).toContain('6');
    expect(y2023.find('.compare-part del').map((_, e) => seen($(e))).get()).toContain('5');
  });

  it('the measures and plans pages link to the plans set against what was done', () => {
    for (const slug of ['measures', 'next-year']) expect(page(`items/${slug}/`)('.plans-link a').attr('href'), slug).toBe('/fzbg/items/plans-carried-out/');
    expect(page('items/shortcomings/')('.plans-link')).toHaveLength(0);
    expect(page('items/')('.plans-link a').attr('href')).toBe('/fzbg/items/plans-carried-out/');
  });
});

describe('/items/plans-carried-out/', () => {
  it('sets each year’s measures beside the previous report’s plan, newest first, plan first', () => {
    const $ = page('items/plans-carried-out/');
    expect($('h1').text()).toBe('上一年的主要安排与这一年的举措和成效');
    expect($('.breadcrumbs').text()).toContain('主要安排的落实');
    expect($('.plan-year h2').map((_, h) => $(h).text()).get()).toEqual(['2023年', '2022年']);
    const y2023 = $('.plan-year').first();
    expect(y2023.find('.compare-side h3').map((_, h) => $(h).text()).get()).toEqual(['2022年报告的下一年度主要安排', '2023年报告的主要举措和成效']);
    expect(y2023.find('.compare-side').first().find('.plan-part-title a').map((_, a) => $(a).attr('href')).get()).toEqual(['/fzbg/2022/section-3/']);
    expect(y2023.find('.compare-side').last().find('.plan-part-title a').map((_, a) => $(a).attr('href')).get()).toEqual(['/fzbg/2023/section-1/', '/fzbg/2023/section-2/']);
    expect(seen(y2023.find('.compare-side').first().find('.report-text'))).toBe(ownPageText('2022/section-3/'));
    expect(y2023.find('ins, del')).toHaveLength(0);
  });

  it('is in the 网站地图 and the sitemap', () => {
    const $ = page('sitemap/');
    expect($('.site-map a[href="/fzbg/items/plans-carried-out/"]').text()).toBe('上一年的主要安排与这一年的举措和成效');
    const xml = load(readFileSync(join(built.dist, 'sitemap-0.xml'), 'utf8'), { xml: true });
    expect(xml('url loc').map((_, l) => xml(l).text()).get()).toContain('https://example.gov.cn/fzbg/items/plans-carried-out/');
  });
});

describe('the 繁體 edition', () => {
  it('converts the marked text and the words around the marks, and links stay in the edition', () => {
    const $ = page('zh-hant/items/shortcomings/');
    const y2023 = year($, 2023);
    expect(y2023.find('ins').first().text()).toBe('新增：考核機制尚不健全（新增至此）');
    expect(y2023.find('del').first().text()).toBe('刪去：培訓次數偏少（刪去至此）');
    expect(y2023.find('.repeat-share strong').text()).toBe('與2022年報告相同的文字佔 75%');
    expect(y2023.find('.compare-part-title a').attr('href')).toBe('/fzbg/zh-hant/2022/section-2/');
    expect(page('zh-hant/items/plans-carried-out/')('h1').text()).toBe('上一年的主要安排與這一年的舉措和成效');
  });
});

describe('open data and the reminder for staff', () => {
  it('/data/reports.json carries each item’s share with the measure named, valid against its schema', () => {
    const data = JSON.parse(readFileSync(join(built.dist, 'data/reports.json'), 'utf8')) as ReportsData;
    expect(validator(reportsDataJsonSchema())(data)).toEqual([]);
    expect(data.repeatMeasure.id).toBe('char-5-gram-containment');
    const byYear = (y: number) => data.reports.find((r) => r.year === y)!.itemRepeats;
    expect(byYear(2023).map((r) => [r.itemSlug, r.comparedWith, r.grams, r.repeated])).toEqual([
      ['measures', 2022, 58, 25],
      ['shortcomings', 2022, 49, 37],
      ['first-responsibility', 2022, 23, 21],
      ['next-year', 2022, 21, 4],
      ['other', 2021, 21, 15],
    ]);
    expect(byYear(2021).every((r) => r.comparedWith === null && r.share === null)).toBe(true);
  });

  it('the build and npm run check remind, word for word, and neither stops', () => {
    expect(built.output).toContain(REMINDER);
    const check = runScript('scripts/check.ts', [], built.contentDir);
    expect(check.stdout.split('\n')).toContain(`  ${REMINDER}`);
    expect(check.stdout).toMatch(/内容检查通过：3 份报告，14 个部分。/);
  });
});
