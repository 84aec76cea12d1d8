/** Search as a reader uses it, in Chromium, against the production build served over HTTP. */
import { describe, expect, it } from 'vitest';
import { servedSite } from '../helpers/served';

const served = servedSite();

const SECTION_2 = '二、深入学习贯彻习近平法治思想,增强法治思维';

describe('search from the header field', () => {
  it('typing 优待证 lists section 二 of 2023 first, and following it marks 优待证 in the text', async () => {
    const page = await served.browser.newPage();
    await page.goto(served.site.url);
    await page.getByLabel('搜索报告内容').click();
    await page.keyboard.type('优待证');
    const first = page.locator('#site-search-panel li').first();
    await expect.poll(() => first.locator('a').textContent()).toBe(`2023年 · ${SECTION_2}`);
    // The excerpt marks the whole term, not its characters one by one.
    expect(await first.locator('mark').allTextContents()).toEqual(['优待证']);

    await first.locator('a').click();
    await page.waitForURL(/\/2023\/section-2\/\?highlight=/);
    expect(await page.locator('h1').textContent()).toBe(SECTION_2);
    expect(await page.locator('.report-text mark.search-hit').allTextContents()).toEqual(['优待证']);
    expect(await page.locator('.highlight-note').textContent()).toContain('已在正文中标出“优待证”，共 1 处。');
    expect(await page.locator('mark.search-hit').isVisible()).toBe(true);
    await page.close();
  });

  it('loads no search code until the reader turns to the field', async () => {
    const page = await served.browser.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(served.site.url);
    await page.waitForLoadState('networkidle');
    expect(fetched.filter((p) => p.includes('pagefind') || /header|render|ui\./.test(p))).toEqual([]);
    await page.getByLabel('搜索报告内容').focus();
    await expect.poll(() => fetched.some((p) => p.endsWith('/pagefind/pagefind.js'))).toBe(true);
    await page.close();
  });

  it('Enter opens the search page with every result', async () => {
    const page = await served.browser.newPage();
    await page.goto(`${served.site.url}2023/`);
    await page.getByLabel('搜索报告内容').fill('普法');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await expect.poll(() => page.locator('#search-results li').count()).toBe(5);
    await page.close();
  });
});

describe('the search page', () => {
  it('runs the query in the URL: the no-JavaScript form’s address gives the same first result', async () => {
    const page = await served.browser.newPage();
    await page.goto(`${served.site.url}search/?q=${encodeURIComponent('优待证')}`);
    const first = page.locator('#search-results li a').first();
    await expect.poll(() => first.textContent()).toBe(`2023年 · ${SECTION_2}`);
    expect(await page.locator('#search-status').textContent()).toBe('找到 1 个包含“优待证”的部分');
    expect(await page.locator('#search-q').inputValue()).toBe('优待证');
    await page.close();
  });

  it('without JavaScript the header field is a form that goes to /search/?q=…', async () => {
    const context = await served.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${served.site.url}2023/section-1/`);
    await page.getByLabel('搜索报告内容').fill('优待证');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(`${served.site.url}search/?q=${encodeURIComponent('优待证')}`);
    expect(await page.locator('noscript').innerHTML()).toContain('需要浏览器启用 JavaScript');
    await context.close();
  });

  it('finds a two-character fragment inside longer words and marks only that fragment', async () => {
    const page = await served.browser.newPage();
    await page.goto(`${served.site.url}search/?q=${encodeURIComponent('优待')}`);
    await expect.poll(() => page.locator('#search-results li').count()).toBe(2);
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
    await page.goto(`${served.site.url}search/?q=${encodeURIComponent('退役')}`);
    await expect.poll(() => page.locator('#search-results li').count()).toBe(7);
    const visible = await page.locator('body').innerText();
    // Latin words would be untranslated interface text ("7 results for" and the like).
    expect(visible.match(/[A-Za-z]{2,}/g)).toBeNull();
    const options = await page.locator('#search-year option').allTextContents();
    expect(options).toEqual(['全部年度', '2023年（7）']);
    await page.close();
  });
});
