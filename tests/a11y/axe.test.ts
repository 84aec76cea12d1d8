/**
 * WCAG 2.2 AA (GB/T 37668 follows WCAG 2.x) with axe-core, target size (2.5.8) included, on
 * every page type, on a phone and a desktop, in every text size (标准, 大, 特大) and in the
 * high-contrast scheme; plus what axe does not fully check: heading levels in order, the
 * landmarks every page needs, and 7:1 text contrast (AAA) in high contrast.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { servedSite } from '../helpers/served';
import { builtFixture } from '../helpers/fixtures';
import { open, PAGE_TYPES, WIDTHS, withPrefs, type Prefs } from './pages';

const served = servedSite();
const nextYear = servedSite(() => builtFixture('next-year'));

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
/** axe leaves target-size (WCAG 2.2 2.5.8) off by default. */
const RULES = { 'target-size': { enabled: true } };
const SCHEMES: [string, Prefs][] = [
  ['标准', {}],
  ['大', { size: 'large' }],
  ['特大', { size: 'xlarge' }],
  ['high contrast', { contrast: 'high' }],
  ['特大, high contrast', { size: 'xlarge', contrast: 'high' }],
];

async function onPage<T>(width: number, prefs: Prefs, path: (typeof PAGE_TYPES)[number], fn: (page: Page) => Promise<T>) {
  const context = await served.browser.newContext({ viewport: { width, height: 800 } });
  await withPrefs(context, prefs);
  const page = await context.newPage();
  try {
    await open(page, served.site.url, path);
    return await fn(page);
  } finally {
    await context.close();
  }
}

/** Violations as one line each: rule id, then every element it found, so a failure says where. */
function describeViolations(violations: { id: string; help: string; nodes: { target: unknown[] }[] }[]): string[] {
  return violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

describe('axe-core finds no violations', () => {
  for (const [scheme, prefs] of SCHEMES) {
    for (const width of WIDTHS) {
      for (const type of PAGE_TYPES) {
        it(`${type.name} at ${width}px, ${scheme}`, async () => {
          const violations = await onPage(width, prefs, type, async (page) => {
            if (prefs.contrast) expect(await page.locator('html').getAttribute('data-contrast')).toBe('high');
            expect(await page.locator('html').getAttribute('data-size')).toBe(prefs.size ?? null);
            // The high-contrast scheme promises AAA text contrast (7:1) as well.
            const rules = prefs.contrast ? { ...RULES, 'color-contrast-enhanced': { enabled: true } } : RULES;
            const results = await new AxeBuilder({ page }).options({ rules }).withTags(TAGS).analyze();
            if (prefs.contrast) expect(results.passes.map((r) => r.id)).toContain('color-contrast-enhanced');
            expect([...results.passes, ...results.incomplete, ...results.inapplicable].map((r) => r.id)).toContain('target-size');
            // With the header menu open on a phone, its controls are checked too.
            const menu = page.locator('summary.header-menu-button');
            if (await menu.isVisible()) {
              await menu.click();
              const opened = await new AxeBuilder({ page }).options({ rules }).withTags(TAGS).include('header').analyze();
              return describeViolations([...results.violations, ...opened.violations]);
            }
            return describeViolations(results.violations);
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
      const page = await context.newPage();
      await page.goto(nextYear.site.url + nextYear.expected.reports[0]!.path);
      expect(await page.locator('#attachments li').count()).toBeGreaterThan(0);
      const results = await new AxeBuilder({ page }).options({ rules: RULES }).withTags(TAGS).analyze();
      expect(describeViolations(results.violations)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await context.close();
    });
  }

  it('would report a violation', async () => {
    const context = await served.browser.newContext();
    const page = await context.newPage();
    await page.setContent(
      '<html><body><img src="x.png"><a href="/"></a><p style="color:#666">灰色：过 AA（5.7:1），不过 AAA</p>' +
        '<p><button style="width:12px;height:12px;padding:0">1</button><button style="width:12px;height:12px;padding:0">2</button></p></body></html>',
    );
    const results = await new AxeBuilder({ page })
      .options({ rules: { ...RULES, 'color-contrast-enhanced': { enabled: true } } })
      .withTags(TAGS)
      .analyze();
    expect(results.violations.map((v) => v.id)).toEqual(
      expect.arrayContaining(['image-alt', 'link-name', 'html-has-lang', 'color-contrast-enhanced', 'target-size']),
    );
    await context.close();
  });
});

describe('page structure', () => {
  for (const type of PAGE_TYPES) {
    it(`${type.name}: one h1 first, then heading levels in order, none skipped`, async () => {
      const levels = await onPage(1280, {}, type, (page) =>
        page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs) =>
          hs.filter((h) => (h as HTMLElement).offsetParent !== null || h.getClientRects().length > 0).map((h) => Number(h.tagName[1])),
        ),
      );
      expect(levels[0]).toBe(1);
      expect(levels.filter((l) => l === 1)).toHaveLength(1);
      const skips = levels.flatMap((l, i) => (i > 0 && l > levels[i - 1]! + 1 ? [`h${levels[i - 1]} → h${l}`] : []));
      expect(skips).toEqual([]);
    });

    it(`${type.name}: banner, navigation, main, search and contentinfo landmarks`, async () => {
      const counts = await onPage(1280, {}, type, async (page) => ({
        banner: await page.getByRole('banner').count(),
        navigation: (await page.getByRole('navigation').count()) > 0,
        main: await page.getByRole('main').count(),
        search: (await page.getByRole('search').count()) > 0,
        contentinfo: await page.getByRole('contentinfo').count(),
      }));
      expect(counts).toEqual({ banner: 1, navigation: true, main: 1, search: true, contentinfo: 1 });
    });
  }
});
