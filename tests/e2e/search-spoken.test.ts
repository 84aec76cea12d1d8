/**
 * Questions as citizens speak them into a phone, through the search page in Chromium on the
 * multi-year fixture (issue 19): chatter, a particle, Chinese numerals, mixed script, a typo
 * inside a long question, a year relative to the report and a question about the report's
 * structure each put the expected section first; a topic word found nowhere is named above
 * the results for the rest; a query of only such words lists nothing. Expected sections come
 * from the fixture's content.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { servedSite } from '../helpers/served';
import { resultTitle, sectionsContaining } from '../helpers/expected';
import { printedHeading } from '../../src/domain/report.ts';

const served = servedSite();

/** The one section holding every text (as the fixture prints it). */
function onlySection(...texts: string[]) {
  const [first, ...rest] = texts;
  const found = sectionsContaining(served.expected, first!).filter((s) => rest.every((t) => sectionsContaining(served.expected, t).includes(s)));
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** Runs a query on the search page and gives the first result's title (waiting for the list to be drawn for it). */
async function firstFor(page: Page, q: string): Promise<string | null> {
  await page.goto(`${served.site.url}search/?q=${encodeURIComponent(q)}`);
  await expect.poll(() => page.locator('#search-results').getAttribute('data-query')).toBe(q);
  const titles = page.locator('#search-results li a.result-title');
  return (await titles.count()) ? titles.first().textContent() : null;
}

const sections = () => served.expected.reports.flatMap((r) => r.sections.map((s) => ({ ...s, report: r })));
/** The required items a section reports on (one `item`, or a list of `items` where the content model has it). */
const itemsOf = (data: object): string[] => ('items' in data ? (data.items as string[]) : 'item' in data ? [data.item as string] : []);

describe('questions as citizens speak them', () => {
  it('a spoken question with chatter and question words', async () => {
    const page = await served.browser.newPage();
    expect(await firstFor(page, '麻烦问一下，咱们这里示例优待证怎么申请的呀')).toBe(resultTitle(onlySection('示例优待证申请')));
    await page.close();
  });

  it('a particle stuck to the topic word', async () => {
    const page = await served.browser.newPage();
    expect(await firstFor(page, '测试招聘会办了吗')).toBe(resultTitle(onlySection('测试招聘会')));
    await page.close();
  });

  it('a number said in Chinese numerals', async () => {
    const page = await served.browser.newPage();
    expect(sectionsContaining(served.expected, '二十')).toEqual([]);
    expect(await firstFor(page, '优待证申请约二十人')).toBe(resultTitle(onlySection('优待证申请', '20人')));
    await page.close();
  });

  it('digits, Chinese and pinyin in one word', async () => {
    const page = await served.browser.newPage();
    expect(await firstFor(page, '2023年youdaizheng')).toBe(resultTitle(onlySection('2023年', '示例优待证申请')));
    await page.close();
  });

  it('a typo inside a long question, offered as the word it stands for', async () => {
    const page = await served.browser.newPage();
    expect(sectionsContaining(served.expected, '优待症')).toEqual([]);
    expect(await firstFor(page, '请问示例优待症怎么申请')).toBe(resultTitle(onlySection('示例优待证申请')));
    expect(await page.locator('#search-note').textContent()).toContain('您是不是要找：');
    expect(await page.locator('#search-note').textContent()).toContain('优待证');
    await page.close();
  });

  it('明年 is each report’s next year: a report’s plan for the year after it comes first', async () => {
    const page = await served.browser.newPage();
    const plans = sections().filter((s) => printedHeading(s.data).includes(`${s.report.year + 1}年`));
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.map(resultTitle)).toContain(await firstFor(page, '明年有什么安排'));
    await page.close();
  });

  it('a question about the report’s structure finds the sections of that item', async () => {
    const page = await served.browser.newPage();
    const shortcomings = sections().filter((s) => itemsOf(s.data).includes('存在的不足和原因'));
    expect(shortcomings.length).toBeGreaterThan(0);
    expect(sectionsContaining(served.expected, '短板')).toEqual([]);
    expect(await firstFor(page, '存在哪些短板')).toBe(resultTitle(shortcomings[0]!));
    await page.close();
  });
});

describe('topic words found nowhere', () => {
  it('beside a word the site prints: that word’s results, under a notice naming the missing word', async () => {
    const page = await served.browser.newPage();
    expect(sectionsContaining(served.expected, '驾驶证')).toEqual([]);
    expect(await firstFor(page, '示例优待证 驾驶证')).not.toBeNull();
    expect(await page.locator('#search-note').textContent()).toBe('没有找到“驾驶证”，以下结果不包含这个词');
    const titles = await page.locator('#search-results li a.result-title').allTextContents();
    const holding = sectionsContaining(served.expected, '示例优待证').map(resultTitle);
    for (const t of titles) expect(holding).toContain(t);
    await page.close();
  });

  it('a query of only such words: the no-result message', async () => {
    const page = await served.browser.newPage();
    expect(await firstFor(page, '驾驶证 社保卡')).toBeNull();
    expect(await page.locator('#search-status').textContent()).toBe('没有找到包含“驾驶证 社保卡”的内容。请换一个词，或减少筛选条件。');
    expect(await page.locator('#search-results li').count()).toBe(0);
    await page.close();
  });
});
