/**
 * Queries as citizens write them, through the search page in Chromium, on the multi-year
 * fixture: a question, a list with 、 and 《》, a reader's word for the report's word, 繁體,
 * pinyin and a one-character typo each put the section that holds the words first; a topic
 * the fixture never mentions finds nothing, or is named above the results for the rest of the
 * query. Expected sections come from the fixture's text.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { servedSite } from '../helpers/served';
import { resultTitle, sectionsContaining } from '../helpers/expected';
import { PAGE } from '../../src/search/page';

const served = servedSite();

/** The one section holding every term (as the fixture's text has them). */
function onlySection(...terms: string[]) {
  const [first, ...rest] = terms;
  const found = sectionsContaining(served.expected, first!).filter((s) =>
    rest.every((t) => sectionsContaining(served.expected, t).includes(s)),
  );
  expect(found).toHaveLength(1);
  return found[0]!;
}

async function search(page: Page, q: string) {
  await page.goto(`${served.site.url}search/?q=${encodeURIComponent(q)}`);
  await expect.poll(() => page.locator('#search-results').getAttribute('data-query')).toBe(q);
  return page.locator('#search-results li a.result-title');
}

describe('queries as citizens write them', () => {
  it('a question: its question words are left out', async () => {
    const page = await served.browser.newPage();
    const titles = await search(page, '示例优待证怎么申请？');
    expect(await titles.first().textContent()).toBe(resultTitle(onlySection('示例优待证', '申请')));
    expect(await page.locator('#search-results li').first().locator('mark').allTextContents()).not.toContain('怎么');
    await page.close();
  });

  it('a list with 、 and a title in 《》', async () => {
    const page = await served.browser.newPage();
    const titles = await search(page, '《测试招聘会》、岗位');
    expect(await titles.first().textContent()).toBe(resultTitle(onlySection('测试招聘会', '岗位')));
    await page.close();
  });

  it('a reader’s word from the thesaurus finds the report’s word', async () => {
    const page = await served.browser.newPage();
    // The fixture says 就业; readers say 找工作.
    expect(sectionsContaining(served.expected, '找工作')).toEqual([]);
    const titles = await search(page, '找工作');
    expect(await titles.first().textContent()).toBe(resultTitle(onlySection('就业')));
    expect(await titles.count()).toBe(sectionsContaining(served.expected, '就业').length);
    await page.close();
  });

  it('繁體 input', async () => {
    const page = await served.browser.newPage();
    const titles = await search(page, '示例優待證申請');
    expect(await titles.first().textContent()).toBe(resultTitle(onlySection('示例优待证申请')));
    expect(await page.locator('#search-results li').first().locator('mark').allTextContents()).toContain('示例优待证申请');
    // A question in traditional characters loses its question words as a simplified one does.
    const asked = await search(page, '示例優待證怎麼申請？');
    expect(await asked.first().textContent()).toBe(resultTitle(onlySection('示例优待证', '申请')));
    await page.close();
  });

  it('pinyin, in full and as initials', async () => {
    const page = await served.browser.newPage();
    for (const q of ['zhuanchang', 'zc']) {
      const titles = await search(page, q);
      expect(await titles.first().textContent()).toBe(resultTitle(onlySection('专场')));
    }
    await page.close();
  });

  it('a two-character typo that sounds like a site word finds that word; one that does not finds nothing', async () => {
    const page = await served.browser.newPage();
    expect(sectionsContaining(served.expected, '普发')).toEqual([]);
    const titles = await search(page, '普发');
    expect(await page.locator('#search-note').textContent()).toContain('您是不是要找：普法');
    const holding = sectionsContaining(served.expected, '普法').map(resultTitle);
    expect(holding).toContain(await titles.first().textContent());
    expect(await titles.count()).toBe(Math.min(holding.length, PAGE));

    expect(sectionsContaining(served.expected, '普查')).toEqual([]);
    await search(page, '普查');
    expect(await page.locator('#search-results li').count()).toBe(0);
    expect(await page.locator('#search-note').isHidden()).toBe(true);
    await page.close();
  });

  it('a one-character typo: offers the site word, shows its results, keeps the reader’s query a click away', async () => {
    const page = await served.browser.newPage();
    expect(sectionsContaining(served.expected, '测试招聘汇')).toEqual([]);
    const titles = await search(page, '测试招聘汇');
    expect(await titles.first().textContent()).toBe(resultTitle(onlySection('测试招聘会')));
    const note = page.locator('#search-note');
    expect(await note.textContent()).toContain('您是不是要找：测试招聘会');
    await note.getByRole('link', { name: '仍然搜索“测试招聘汇”' }).click();
    await expect.poll(() => page.locator('#search-status').textContent()).toBe(
      '没有找到包含“测试招聘汇”的内容。请换一个词，或减少筛选条件。',
    );
    expect(await page.locator('#search-results li').count()).toBe(0);
    await page.close();
  });

  it('terms no section holds together: partial matches, said so', async () => {
    const page = await served.browser.newPage();
    expect(sectionsContaining(served.expected, '专场').some((s) => sectionsContaining(served.expected, '学法').includes(s))).toBe(false);
    const titles = await search(page, '专场 学法');
    expect(await titles.count()).toBeGreaterThan(0);
    expect(await page.locator('#search-note').textContent()).toBe('没有同时包含全部词语的结果，以下是部分匹配');
    await page.close();
  });

  it('a topic the fixture never mentions finds nothing; beside a word it has, it is named above that word’s results', async () => {
    const page = await served.browser.newPage();
    await search(page, '社保卡');
    expect(await page.locator('#search-status').textContent()).toBe('没有找到包含“社保卡”的内容。请换一个词，或减少筛选条件。');
    expect(await page.locator('#search-results li').count()).toBe(0);
    // Issue 19: one word found nowhere no longer empties the page; it is named instead.
    await search(page, '示例 驾驶证');
    expect(await page.locator('#search-note').textContent()).toBe('没有找到“驾驶证”，以下结果不包含这个词');
    expect(await page.locator('#search-results li').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('each report’s preface is a unit of its own, linking to the preface on the report page', async () => {
    const page = await served.browser.newPage();
    const titles = await search(page, '测试前言');
    const n = served.expected.reports.length;
    expect(await titles.count()).toBe(n);
    expect(await titles.first().textContent()).toBe(`${served.expected.reports[0]!.year}年 · 前言`);
    await titles.first().click();
    await page.waitForURL(new RegExp(`/${served.expected.reports[0]!.year}/#preface$`));
    expect(await page.locator('#preface').textContent()).toContain('测试前言');
    await page.close();
  });
});
