/** Search as a reader uses it, in Chromium, against the production build served over HTTP. */
import { UNITS_FILE } from '../../src/search/term-index';
import { describe, expect, it } from 'vitest';
import { servedSite } from '../helpers/served';
import { resultTitle, sectionsContaining } from '../helpers/expected';

const served = servedSite();

/** Marker terms of the multi-year fixture (its README): one in a single section, one in one section a year. */
const ONE = '测试招聘会';
const EACH_YEAR = '示例普法';
const hits = (term: string) => sectionsContaining(served.expected, term);

describe('search from the header field', () => {
  it('typing a term lists the section that holds it first, and following it marks the term in the text', async () => {
    const [hit] = hits(ONE);
    const page = await served.browser.newPage();
    await page.goto(served.site.url);
    await page.getByLabel('搜索报告内容').click();
    await page.keyboard.type(ONE);
    // The panel says which query its list is for: the one typed in full, not a character of it.
    await expect.poll(() => page.locator('#site-search-panel ol').getAttribute('data-query')).toBe(ONE);
    const first = page.locator('#site-search-panel li').first();
    expect(await first.locator('a').textContent()).toBe(resultTitle(hit!));
    // The excerpt marks the whole term, not its characters one by one.
    expect(await first.locator('mark').allTextContents()).toEqual([ONE]);

    await first.locator('a').click();
    await page.waitForURL(new RegExp(`/${hit!.path}\\?highlight=`));
    expect(await page.locator('h1').textContent()).toBe(resultTitle(hit!).replace(/^\d{4}年 · /, ''));
    // The page's script marks the term after load: wait for it (a busy machine can be slow).
    await expect.poll(() => page.locator('.report-text mark.search-hit').allTextContents()).toEqual([ONE]);
    expect(await page.locator('.highlight-note').textContent()).toContain(`已在正文中标出“${ONE}”，共 1 处。`);
    expect(await page.locator('mark.search-hit').isVisible()).toBe(true);
    await page.close();
  });

  it('loads no search code or index until the reader turns to the field', async () => {
    const page = await served.browser.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(served.site.url);
    await page.waitForLoadState('networkidle');
    expect(fetched.filter((p) => p.includes('pagefind') || /header|render|ui\./.test(p))).toEqual([]);
    await page.getByLabel('搜索报告内容').focus();
    // Turning to the field fetches the list of search units, so the first query is quick.
    await expect.poll(() => fetched.some((p) => p.endsWith(`/pagefind/${UNITS_FILE}`))).toBe(true);
    await page.close();
  });

  it('Enter opens the search page with every result', async () => {
    const page = await served.browser.newPage();
    await page.goto(`${served.site.url}${served.expected.reports[0]!.path}`);
    await page.getByLabel('搜索报告内容').fill(EACH_YEAR);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await expect.poll(() => page.locator('#search-results li').count()).toBe(hits(EACH_YEAR).length);
    expect(hits(EACH_YEAR).length).toBe(served.expected.reports.length);
    await page.close();
  });
});

describe('the search page', () => {
  it('runs the query in the URL: the no-JavaScript form’s address gives the same first result', async () => {
    const page = await served.browser.newPage();
    await page.goto(`${served.site.url}search/?q=${encodeURIComponent(ONE)}`);
    const first = page.locator('#search-results li a').first();
    await expect.poll(() => first.textContent()).toBe(resultTitle(hits(ONE)[0]!));
    expect(await page.locator('#search-status').textContent()).toBe(`找到 1 个包含“${ONE}”的部分`);
    expect(await page.locator('#search-q').inputValue()).toBe(ONE);
    // One result: nothing more to draw, so no 更多结果.
    expect(await page.getByRole('button', { name: '更多结果' }).isVisible()).toBe(false);
    await page.close();
  });

  it('without JavaScript the header field is a form that goes to /search/?q=…', async () => {
    const context = await served.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${served.site.url}${hits(ONE)[0]!.path}`);
    await page.getByLabel('搜索报告内容').fill(ONE);
    await page.getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(`${served.site.url}search/?q=${encodeURIComponent(ONE)}`);
    // What works without scripts instead: each year's report with the browser's 查找, and the items pages.
    expect(await page.locator('.search-noscript').innerText()).toContain('查找');
    expect(await page.locator('body').innerText()).not.toMatch(/javascript/i);
    await context.close();
  });

  it('finds a two-character fragment inside longer words and marks only that fragment', async () => {
    const page = await served.browser.newPage();
    // 优待 is printed only inside longer words (示例优待证) in the fixture.
    await page.goto(`${served.site.url}search/?q=${encodeURIComponent('优待')}`);
    expect(hits('优待').length).toBeGreaterThan(1);
    await expect.poll(() => page.locator('#search-results li').count()).toBe(hits('优待').length);
    const marks = await page.locator('#search-results mark').allTextContents();
    expect(new Set(marks)).toEqual(new Set(['优待']));
    await page.close();
  });

  it('returns nothing, and says so, for a term that does not occur', async () => {
    const page = await served.browser.newPage();
    await page.goto(`${served.site.url}search/?q=${encodeURIComponent('火星')}`);
    await expect.poll(() => page.locator('#search-status').textContent()).toBe(
      '没有找到包含“火星”的内容。请换一个词，或减少筛选条件。',
    );
    expect(await page.locator('#search-results li').count()).toBe(0);
    await page.close();
  });

  it('shows every string a reader sees in Chinese', async () => {
    const page = await served.browser.newPage();
    await page.goto(`${served.site.url}search/?q=${encodeURIComponent(EACH_YEAR)}`);
    await expect.poll(() => page.locator('#search-results li').count()).toBe(hits(EACH_YEAR).length);
    const visible = await page.locator('body').innerText();
    // Latin words would be untranslated interface text ("7 results for" and the like).
    expect(visible.match(/[A-Za-z]{2,}/g)).toBeNull();
    const options = await page.locator('#search-year option').allTextContents();
    const perYear = (year: number) => hits(EACH_YEAR).filter((s) => s.year === year).length;
    expect(options).toEqual(['全部年度', ...served.expected.reports.map((r) => `${r.year}年（${perYear(r.year)}）`)]);
    await page.close();
  });
});
