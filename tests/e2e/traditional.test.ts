/**
 * The 繁體 edition in Chromium: the multi-year fixture's production build, served. A
 * traditional section page reads in traditional characters, says it is a conversion, and
 * its switch goes to the simplified twin and back; search works from the traditional search
 * page under the strict CSP; axe-core finds nothing on each traditional page type; the switch
 * is a 44×44 px target. And `astro dev` serves the traditional pages too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { load } from 'cheerio';
import type { Page } from 'playwright-core';
import { runAxe, violationLines } from '../helpers/axe';
import { servedSite } from '../helpers/served';
import { startDev, type DevServer } from '../helpers/dev';
import { FIXTURES_DIR } from '../helpers/fixtures';
import { resultTitle, sectionsContaining } from '../helpers/expected';
import { open, openMenu, PAGE_TYPES, SECTION, TERM, WIDTHS } from '../a11y/pages';
import { toTraditional } from '../../src/integrations/traditional.ts';
import { TRADITIONAL_PREFIX } from '../../src/utils/edition.ts';
import { printedHeading } from '../../src/domain/report.ts';
import { ui } from '../../src/i18n/ui.ts';

const served = servedSite();

async function watched(width = 1280): Promise<{ page: Page; violations: string[]; close: () => Promise<void> }> {
  const context = await served.browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  page.on('pageerror', (e) => violations.push(e.message));
  return { page, violations, close: () => context.close() };
}

describe('a traditional section page', () => {
  it('reads in traditional characters, says it is a conversion, and switches to the simplified twin and back', async () => {
    const { page, violations, close } = await watched();
    const hant = `${served.site.url}${TRADITIONAL_PREFIX}${SECTION.path}`;
    await page.goto(hant);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant');
    const heading = printedHeading(SECTION.data);
    expect(await page.locator('h1').textContent()).toBe(toTraditional(heading));
    expect(toTraditional(heading)).not.toBe(heading);
    await expect.poll(() => page.locator('#edition-note').isVisible()).toBe(true);
    expect(await page.locator('#edition-note').textContent()).toContain('本頁由簡體原文自動轉換為繁體，以原文為準');

    await page.getByRole('link', { name: ui.editionToHans }).click();
    await page.waitForURL(`${served.site.url}${SECTION.path}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('h1').textContent()).toBe(heading);
    expect(await page.locator('#edition-note').count()).toBe(0);

    await page.getByRole('link', { name: ui.editionToHant }).click();
    await page.waitForURL(hant);
    expect(await page.locator('h1').textContent()).toBe(toTraditional(heading));
    // The note's own link goes to the original too.
    await page.locator('#edition-note a').click();
    await page.waitForURL(`${served.site.url}${SECTION.path}`);
    expect(violations).toEqual([]);
    await close();
  });

  it('keeps the reader in the edition: the pager and breadcrumbs lead to traditional pages', async () => {
    const { page, close } = await watched();
    await page.goto(`${served.site.url}${TRADITIONAL_PREFIX}${SECTION.path}`);
    await page.locator('.breadcrumbs a').last().click();
    await page.waitForURL(new RegExp(`/${TRADITIONAL_PREFIX}\\d{4}/$`));
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant');
    await close();
  });

  it.each(WIDTHS)('the switch is at least 44×44 px at %ipx', async (width) => {
    const { page, close } = await watched(width);
    for (const path of [SECTION.path, `${TRADITIONAL_PREFIX}${SECTION.path}`]) {
      await page.goto(served.site.url + path);
      // On a phone the switch is in the header's 菜单: measured where a reader sees it, with the menu open.
      await openMenu(page);
      const edition = page.locator('a[data-edition-switch]');
      await expect.poll(() => edition.isVisible(), { message: path }).toBe(true);
      const box = await edition.boundingBox();
      expect(box!.width, path).toBeGreaterThanOrEqual(44);
      expect(box!.height, path).toBeGreaterThanOrEqual(44);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(width);
    }
    await close();
  });
});

describe('search from the traditional edition', () => {
  it('finds each passage once, with no CSP violation', async () => {
    const { page, violations, close } = await watched();
    await page.goto(`${served.site.url}${TRADITIONAL_PREFIX}search/?q=${encodeURIComponent(TERM)}`);
    await expect.poll(() => page.locator('#search-results li').count()).toBe(sectionsContaining(served.expected, TERM).length);
    const hrefs = await page.locator('#search-results li a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(new Set(hrefs).size).toBe(hrefs.length);
    // The header search on a traditional page submits to the traditional search page.
    await page.goto(`${served.site.url}${TRADITIONAL_PREFIX}`);
    await page.getByLabel(toTraditional('搜索报告内容')).fill(TERM);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/${TRADITIONAL_PREFIX}search/\\?q=`));
    await expect.poll(() => page.locator('#search-results li').count()).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    await close();
  });
});

describe('search results in the reader’s edition', () => {
  it('on a traditional page: results open the traditional twins, read in traditional characters, and mark the term there', async () => {
    const { page, violations, close } = await watched();
    const query = toTraditional(TERM);
    await page.goto(`${served.site.url}${TRADITIONAL_PREFIX}search/?q=${encodeURIComponent(query)}`);
    const holding = sectionsContaining(served.expected, TERM);
    const links = page.locator('#search-results li a.result-title');
    await expect.poll(() => links.count()).toBe(holding.length);
    expect(await page.locator('#search-status').textContent()).toBe(toTraditional(ui.searchFound(holding.length, query)));
    const first = holding[0]!;
    const title = toTraditional(resultTitle(first));
    expect(await links.allTextContents()).toContain(title);
    for (const href of await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname))) {
      expect(href.startsWith(`/${TRADITIONAL_PREFIX}`), href).toBe(true);
    }
    // The excerpt is the traditional text, with the term marked whole.
    expect(await page.locator('#search-results mark').first().textContent()).toBe(toTraditional(TERM));
    // The switch keeps the query: the simplified search page runs it too.
    const switcher = page.locator('[data-edition-switch]');
    expect(new URL((await switcher.getAttribute('href'))!, page.url()).search).toBe(`?q=${encodeURIComponent(query)}`);

    await links.filter({ hasText: title }).first().click();
    await page.waitForURL(new RegExp(`/${TRADITIONAL_PREFIX}`));
    await expect.poll(() => page.locator('.report-text mark.search-hit').count()).toBeGreaterThan(0);
    expect(await page.locator('.report-text mark.search-hit').first().textContent()).toBe(toTraditional(TERM));
    expect(violations).toEqual([]);
    await close();
  });

  it('on a simplified page: a traditional query finds the simplified sections', async () => {
    const { page, close } = await watched();
    await page.goto(`${served.site.url}search/?q=${encodeURIComponent(toTraditional(TERM))}`);
    const links = page.locator('#search-results li a.result-title');
    await expect.poll(() => links.count()).toBe(sectionsContaining(served.expected, TERM).length);
    for (const href of await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname))) {
      expect(href.startsWith(`/${TRADITIONAL_PREFIX}`), href).toBe(false);
    }
    await close();
  });
});

describe('axe-core finds no violations on traditional pages', () => {
  // One browser page per width, loaded with each page type in turn (a new browser page costs
  // more than a load).
  const pages = new Map<number, Promise<Page>>();
  const pageAt = (width: number) => {
    if (!pages.has(width)) pages.set(width, served.browser.newContext({ viewport: { width, height: 800 } }).then((c) => c.newPage()));
    return pages.get(width)!;
  };
  afterAll(async () => {
    for (const page of pages.values()) await (await page).context().close();
  });

  for (const width of WIDTHS) {
    for (const type of PAGE_TYPES) {
      it(`${type.name} at ${width}px`, async () => {
        const page = await pageAt(width);
        // A server answers a missing address with the one 404.html it is given; the copy is opened by its name.
        await open(page, served.site.url + TRADITIONAL_PREFIX, type.name === '404' ? { ...type, path: '404.html' } : type);
        expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant');
        const results = await runAxe(page, { rules: { 'target-size': { enabled: true } } });
        expect(violationLines(results.violations)).toEqual([]);
      });
    }
  }
});

describe('the dev server', () => {
  let dev: DevServer;
  let origin: string;
  beforeAll(async () => {
    dev = await startDev(join(FIXTURES_DIR, 'multi-year'));
    origin = dev.origin;
  });
  afterAll(() => {
    dev?.stop();
  });

  it('serves a traditional page converted from its own simplified page', async () => {
    await expect.poll(async () => (await fetch(`${origin}/${SECTION.path}`)).status).toBe(200);
    const res = await fetch(`${origin}/${TRADITIONAL_PREFIX}${SECTION.path}`);
    expect(res.status).toBe(200);
    const $ = load(await res.text());
    expect($('html').attr('lang')).toBe('zh-Hant');
    expect($('h1').text()).toBe(toTraditional(printedHeading(SECTION.data)));
    expect($('a[data-edition-switch]').attr('href')).toBe(`/${SECTION.path}`);
    expect($('[data-pagefind-body]').length).toBe(0);
  });
});
