/**
 * The site built for a sub-path (BASE_PATH=/fzbg/, as on a bureau's portal) and served only
 * under it: every link, asset, the favicon, the search form, the Pagefind index and the
 * search result links stay inside /fzbg/.
 */
import { UNITS_FILE } from '../../src/search/term-index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildSite } from '../helpers/build';
import { builtFixture, PORTAL } from '../helpers/fixtures';
import { expectedSite, resultTitle, sectionsContaining } from '../helpers/expected';
import { serve, type Served } from '../helpers/serve';
import { fileBrowser, type FileBrowser } from '../helpers/browser';
import { brokenLinks, htmlFiles, page as builtPage } from '../helpers/site';

const BASE = PORTAL.base!;
/** A term the multi-year fixture prints in one section only (its README lists the marker terms). */
const TERM = '测试招聘会';
let hit: ReturnType<typeof sectionsContaining>[number];
let reportPath = '';

let dist: string;
let site: Served;
let browser: FileBrowser;

beforeAll(async () => {
  const built = await builtFixture('multi-year', PORTAL);
  dist = built.dist;
  const expected = expectedSite(built.contentDir);
  hit = sectionsContaining(expected, TERM)[0]!;
  reportPath = expected.reports[0]!.path;
  site = await serve(dist, { base: BASE });
  browser = await fileBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/**
 * A page that records what the browser asked for: every request outside the base path,
 * every request that failed and every response with an error status.
 */
async function watchedPage(): Promise<{ page: Page; problems: string[]; requested: string[] }> {
  const page = await browser.newPage();
  const origin = new URL(site.url).origin;
  const problems: string[] = [];
  const requested: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!/^https?:/.test(url)) return;
    requested.push(url);
    if (!url.startsWith(origin + BASE)) problems.push(`outside ${BASE}: ${url}`);
  });
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`);
  });
  return { page, problems, requested };
}

describe(`built with BASE_PATH=${BASE}`, () => {
  it('links, anchors, assets and form actions all resolve inside the base path', () => {
    expect(brokenLinks(dist, BASE)).toEqual([]);
    for (const file of htmlFiles(dist)) {
      const $ = builtPage(dist, file.slice(dist.length));
      expect($('link[rel="icon"]').attr('href'), file).toBe(`${BASE}favicon.svg`);
      // The search page's header has no field: its own form (no action) is the one, sent to itself.
      if (file.endsWith('/search/index.html')) expect($('form.site-search'), file).toHaveLength(0);
      else expect($('form.site-search').attr('action'), file).toBe(`${BASE}search/`);
    }
    // The search index is written at the root of dist, which is served as /fzbg/.
    expect(existsSync(join(dist, `pagefind/${UNITS_FILE}`))).toBe(true);
  });

  it('stops with a message in Chinese when BASE_PATH is malformed', () => {
    const r = buildSite({ BASE_PATH: '/fz bg/' });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('环境变量 BASE_PATH（基础路径）格式不对：收到 “/fz bg/”');
    expect(r.output).toContain('例如 /fzbg/');
  });
});

describe(`served under ${BASE}, in Chromium`, () => {
  it.each([
    ['home', () => ''],
    ['report', () => reportPath],
    ['section page', () => hit.path],
  ])('the %s loads everything it needs from inside the base path', async (_name, pathOf) => {
    const path = pathOf();
    const { page, problems, requested } = await watchedPage();
    const response = await page.goto(site.url + path);
    expect(response?.status()).toBe(200);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('form.site-search').getAttribute('action')).toBe(`${BASE}search/`);
    // The stylesheet and the favicon arrived (not only "nothing failed").
    expect(requested.some((u) => /\/fzbg\/_astro\/.+\.css$/.test(u))).toBe(true);
    expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe(`${BASE}favicon.svg`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the header field loads the index from /fzbg/pagefind/ and links results inside /fzbg/', async () => {
    const { page, problems, requested } = await watchedPage();
    await page.goto(site.url);
    await page.getByLabel('搜索报告内容').click();
    await page.keyboard.type(TERM);
    const first = page.locator('#site-search-panel li a').first();
    await expect.poll(() => first.textContent()).toBe(resultTitle(hit));
    expect(await first.getAttribute('href')).toMatch(new RegExp(`^${BASE}${hit.path}\\?highlight=`));
    expect(requested.some((u) => u.endsWith(`/fzbg/pagefind/${UNITS_FILE}`))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('/fzbg/search/?q=… lists the section that holds the term first, and its link marks the term in the text', async () => {
    const { page, problems, requested } = await watchedPage();
    await page.goto(`${site.url}search/?q=${encodeURIComponent(TERM)}`);
    const first = page.locator('#search-results li a').first();
    await expect.poll(() => first.textContent()).toBe(resultTitle(hit));
    expect(await page.locator('#search-form').evaluate((f: HTMLFormElement) => new URL(f.action).pathname)).toBe(`${BASE}search/`);
    // The search files, the term index and the results' texts, came from /fzbg/pagefind/.
    const pagefind = requested.filter((u) => u.includes('/pagefind/')).map((u) => new URL(u).pathname);
    expect(pagefind.length).toBeGreaterThan(2);
    expect(pagefind.filter((p) => !p.startsWith(`${BASE}pagefind/`))).toEqual([]);
    expect(pagefind.some((p) => /\/terms\/[^/]+\/hans\/\d+\.json$/.test(p))).toBe(true);

    await first.click();
    await page.waitForURL(new RegExp(`${BASE}${hit.path}\\?highlight=`));
    expect(new URL(page.url()).pathname).toBe(`${BASE}${hit.path}`);
    expect(await page.locator('h1').textContent()).toBe(resultTitle(hit).replace(/^\d{4}年 · /, ''));
    await expect.poll(() => page.locator('.report-text mark.search-hit').allTextContents()).toEqual([TERM]);
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('without JavaScript the header form opens /fzbg/search/?q=…', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}${reportPath}`);
    await page.getByLabel('搜索报告内容').fill(TERM);
    await page.getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(`${site.url}search/?q=${encodeURIComponent(TERM)}`);
    await context.close();
  });

  it('an unknown address under /fzbg/ gets the 404 page, whose stylesheet and links still work', async () => {
    const { page, problems } = await watchedPage();
    const response = await page.goto(`${site.url}no-such-page/`);
    expect(response?.status()).toBe(404);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('h1').textContent()).toBe('页面未找到');
    // Only the page itself is a 404; its stylesheet, script and favicon are found.
    expect(problems).toEqual([`404: ${site.url}no-such-page/`]);
    await page.getByRole('link', { name: '返回首页' }).click();
    await page.waitForURL(site.url);
    await page.close();
  });
});

describe('with the site address known', () => {
  it('gives each page a full canonical address under the base path', () => {
    expect(builtPage(dist, reportPath)('link[rel=canonical]').attr('href')).toBe(`${PORTAL.siteUrl}${BASE}${reportPath}`);
    expect(builtPage(dist, '/')('link[rel=canonical]').attr('href')).toBe(`${PORTAL.siteUrl}${BASE}`);
  });
});
