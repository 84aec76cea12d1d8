/**
 * WCAG 2.2 AA (GB/T 37668 follows WCAG 2.x) with axe-core, target size (2.5.8) included, on
 * every page type, on a phone and a desktop, in every text size (标准, 大, 特大) and in the
 * high-contrast scheme; plus what axe does not fully check: heading levels in order, the
 * landmarks every page needs, and 7:1 text contrast (AAA) in high contrast.
 *
 * Each width has one browser page, shared by its tests in turn, and the two widths' tests run
 * side by side (axe keeps one core busy; two pages use two): for each page type and scheme
 * the choices are put in its localStorage, where a reader's are, and the page is loaded
 * (again), so the head script applies them as on any load (each test checks <html> says so).
 * The page-structure tests read the desktop page the axe tests used.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { runAxe, violationLines } from '../helpers/axe';
import { servedSite } from '../helpers/served';
import { builtFixture } from '../helpers/fixtures';
import { open, PAGE_TYPES, setPrefs, WIDTHS, type PageType, type Prefs } from './pages';

const served = servedSite();
const nextYear = servedSite(() => builtFixture('next-year'));

/** axe leaves target-size (WCAG 2.2 2.5.8) off by default. */
const RULES = { 'target-size': { enabled: true } };
const SCHEMES: [string, Prefs][] = [
  ['标准', {}],
  ['大', { size: 'large' }],
  ['特大', { size: 'xlarge' }],
  ['high contrast', { contrast: 'high' }],
  ['特大, high contrast', { size: 'xlarge', contrast: 'high' }],
];

/** axe on the page (or the part `include` names), with these rules. */
const analyze = (page: Page, rules: Record<string, { enabled: boolean }>, include?: string) => runAxe(page, { rules, include });

/** The browser page for one width, shared by the tests at that width in turn. */
interface SharedPage {
  context: BrowserContext;
  page: Page;
  /** The choices in its localStorage (a new context's is empty: 标准). */
  stored: Prefs;
  /** The page type and choices it was last loaded with, while no test since can have changed it; else undefined. */
  loaded?: { type: PageType; prefs: Prefs };
}
const sharedPages = new Map<number, Promise<SharedPage>>();
/** Each width's turn: its tests read its page one at a time, while the other width's run beside them. */
const turns = new Map<number, Promise<unknown>>();
/** How many tests are still to read each width's page: it is closed after the last. */
const usesLeft = new Map<number, number>();
const samePrefs = (a: Prefs, b: Prefs) => a.size === b.size && a.contrast === b.contrast;

/** Declares, as the tests are collected, one more test reading a page at this width. */
function willUse(width: number): void {
  usesLeft.set(width, (usesLeft.get(width) ?? 0) + 1);
}

/**
 * Runs fn, when the tests before it at this width are done, on the page of this type at this
 * width, loaded with these choices. The width's page is loaded again unless it shows that type
 * with those choices already and the tests since have only read it (`readOnly`); a test that
 * is not read-only may change it (the phone's 菜单). The site keeps nothing in the browser
 * but these choices (no cookies, no other storage), so one page going from type to type reads
 * each as a new context would.
 */
function onPage<T>(width: number, prefs: Prefs, type: PageType, fn: (page: Page) => Promise<T>, options?: { readOnly?: boolean }): Promise<T> {
  const run = (turns.get(width) ?? Promise.resolve()).then(() => onPageNow(width, prefs, type, fn, options));
  turns.set(width, run.catch(() => undefined));
  return run;
}

async function onPageNow<T>(
  width: number,
  prefs: Prefs,
  type: PageType,
  fn: (page: Page) => Promise<T>,
  { readOnly = false } = {},
): Promise<T> {
  let entry = sharedPages.get(width);
  if (!entry) {
    entry = (async () => {
      const context = await served.browser.newContext({ viewport: { width, height: 800 } });
      return { context, page: await context.newPage(), stored: {} };
    })();
    sharedPages.set(width, entry);
  }
  try {
    const shared = await entry;
    const { page } = shared;
    if (shared.loaded?.type !== type || !samePrefs(shared.loaded.prefs, prefs)) {
      shared.loaded = undefined;
      if (!samePrefs(shared.stored, prefs)) {
        // localStorage is the site's: a new page, not on the site yet, is loaded once first.
        if (page.url() === 'about:blank') await open(page, served.site.url, type);
        await setPrefs(page, prefs);
        shared.stored = prefs;
      }
      await open(page, served.site.url, type);
      const html = page.locator('html');
      const where = `${type.name} at ${width}px`;
      expect(await html.getAttribute('data-size'), `data-size of ${where}`).toBe(prefs.size ?? null);
      expect(await html.getAttribute('data-contrast'), `data-contrast of ${where}`).toBe(prefs.contrast ?? null);
      shared.loaded = { type, prefs };
    }
    if (!readOnly) shared.loaded = undefined;
    return await fn(page);
  } finally {
    const left = (usesLeft.get(width) ?? 1) - 1;
    usesLeft.set(width, left);
    if (left <= 0) {
      sharedPages.delete(width);
      await (await entry.catch(() => undefined))?.context.close();
    }
  }
}

// Pages whose tests did not all run (a -t filter): closed before the browser is (hooks run last first).
afterAll(async () => {
  const entries = [...sharedPages.values()];
  sharedPages.clear();
  for (const entry of entries) await (await entry.catch(() => undefined))?.context.close();
});

// Declared width by width within each page type and scheme, so the tests running at once are
// one of each width, not several waiting for the same page.
describe.concurrent('axe-core finds no violations', () => {
  for (const type of PAGE_TYPES) {
    for (const [scheme, prefs] of SCHEMES) {
      for (const width of WIDTHS) {
        willUse(width);
        it(`${type.name} at ${width}px, ${scheme}`, async () => {
          const violations = await onPage(width, prefs, type, async (page) => {
            expect(await page.locator('html').getAttribute('data-contrast')).toBe(prefs.contrast ?? null);
            expect(await page.locator('html').getAttribute('data-size')).toBe(prefs.size ?? null);
            // The high-contrast scheme promises AAA text contrast (7:1) as well.
            const rules = prefs.contrast ? { ...RULES, 'color-contrast-enhanced': { enabled: true } } : RULES;
            const results = await analyze(page, rules);
            if (prefs.contrast) expect(results.passes.map((r) => r.id)).toContain('color-contrast-enhanced');
            expect([...results.passes, ...results.incomplete, ...results.inapplicable].map((r) => r.id)).toContain('target-size');
            // With the header menu open on a phone, its controls are checked too.
            const menu = page.locator('summary.header-menu-button');
            if (await menu.isVisible()) {
              expect(await page.locator('details.header-menu').getAttribute('open')).toBeNull();
              await menu.click();
              expect(await page.locator('details.header-menu').getAttribute('open')).not.toBeNull();
              const opened = await analyze(page, rules, 'header');
              return violationLines([...results.violations, ...opened.violations]);
            }
            return violationLines(results.violations);
          });
          expect(violations).toEqual([]);
        });
      }
    }
  }

  // The multi-year fixture has no 附件; the next-year one was imported from Word, which kept its file.
  for (const width of WIDTHS) {
    it(`a report with 原文下载 at ${width}px`, async () => {
      const context = await nextYear.browser.newContext({ viewport: { width, height: 800 } });
      try {
        const page = await context.newPage();
        await page.goto(nextYear.site.url + nextYear.expected.reports[0]!.path);
        expect(await page.locator('#attachments li').count()).toBeGreaterThan(0);
        const results = await analyze(page, RULES);
        expect(violationLines(results.violations)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      } finally {
        await context.close();
      }
    });
  }

  it('would report a violation', async () => {
    const context = await served.browser.newContext();
    try {
      const page = await context.newPage();
      await page.setContent(
        '<html><body><img src="x.png"><a href="/"></a><p style="color:#666">灰色：过 AA（5.7:1），不过 AAA</p>' +
          '<p><button style="width:12px;height:12px;padding:0">1</button><button style="width:12px;height:12px;padding:0">2</button></p></body></html>',
      );
      const results = await analyze(page, { ...RULES, 'color-contrast-enhanced': { enabled: true } });
      expect(results.violations.map((v) => v.id)).toEqual(
        expect.arrayContaining(['image-alt', 'link-name', 'html-has-lang', 'color-contrast-enhanced', 'target-size']),
      );
    } finally {
      await context.close();
    }
  });
});

describe('page structure', () => {
  for (const type of PAGE_TYPES) {
    willUse(1280);
    it(`${type.name}: one h1 first, then heading levels in order, none skipped`, async () => {
      const levels = await onPage(
        1280,
        {},
        type,
        (page) =>
          page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs) =>
            hs.filter((h) => (h as HTMLElement).offsetParent !== null || h.getClientRects().length > 0).map((h) => Number(h.tagName[1])),
          ),
        { readOnly: true },
      );
      expect(levels[0]).toBe(1);
      expect(levels.filter((l) => l === 1)).toHaveLength(1);
      const skips = levels.flatMap((l, i) => (i > 0 && l > levels[i - 1]! + 1 ? [`h${levels[i - 1]} → h${l}`] : []));
      expect(skips).toEqual([]);
    });

    willUse(1280);
    it(`${type.name}: banner, navigation, main, search and contentinfo landmarks`, async () => {
      const counts = await onPage(
        1280,
        {},
        type,
        async (page) => ({
          banner: await page.getByRole('banner').count(),
          navigation: (await page.getByRole('navigation').count()) > 0,
          main: await page.getByRole('main').count(),
          search: (await page.getByRole('search').count()) > 0,
          contentinfo: await page.getByRole('contentinfo').count(),
        }),
        { readOnly: true },
      );
      expect(counts).toEqual({ banner: 1, navigation: true, main: 1, search: true, contentinfo: 1 });
    });
  }
});
