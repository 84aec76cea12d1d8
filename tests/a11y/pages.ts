/**
 * One page of each type, for the accessibility, text-size and print tests, and how to tell a
 * page is ready (the search page renders its results after load).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../helpers/fixtures';
import { expectedSite } from '../helpers/expected';
import { historyPath } from '../../src/utils/routes';

/** The multi-year fixture these tests are served (helpers/served.ts), as its content describes it. */
export const FIXTURE = expectedSite(join(FIXTURES_DIR, 'multi-year'));
export const LATEST = FIXTURE.reports[0]!;
/** A section page to test: one with a table where the fixture has one, as tables are the hardest to make accessible. */
export const SECTION =
  FIXTURE.reports.flatMap((r) => r.sections).find((s) => /^\|/m.test(s.entry.body ?? '')) ?? LATEST.sections[0]!;
/** A term the fixture prints in more than one section. */
export const TERM = '示例优待证';

export interface PageType {
  name: string;
  path: string;
  ready?: (page: Page) => Promise<unknown>;
}

export const PAGE_TYPES: PageType[] = [
  { name: 'home', path: '' },
  { name: 'report', path: LATEST.path },
  { name: 'section', path: SECTION.path },
  {
    name: 'search',
    path: `search/?q=${encodeURIComponent(TERM)}`,
    ready: (page) => page.locator('#search-results li').first().waitFor(),
  },
  { name: '404', path: 'no-such-page/' },
  { name: 'figures', path: 'figures/' },
  // Each year beside the previous report, marked (<ins>, <del>), with a table in last year's text.
  { name: 'items', path: 'items/measures/' },
  /** The 版本记录 of the year the fixture has corrected, so its marked sentences are checked too. */
  { name: 'history', path: historyPath(FIXTURE.reports.find((r) => r.data.corrections.length)?.year ?? LATEST.year) },
  { name: 'plans', path: 'items/plans-carried-out/' },
];

export const WIDTHS = [360, 1280] as const;

/** The reader's remembered choices, as the head script reads them from localStorage. */
export type Prefs = { size?: 'large' | 'xlarge'; contrast?: 'high' };

export async function withPrefs(context: BrowserContext, prefs: Prefs): Promise<void> {
  await context.addInitScript((p: Prefs) => {
    if (p.size) localStorage.setItem('fznb-size', p.size);
    if (p.contrast) localStorage.setItem('fznb-contrast', p.contrast);
  }, prefs);
}

/**
 * The same choices remembered in an open page of the site (a choice left out is forgotten), for
 * a page that is loaded again with them instead of a new context: the head script reads them on
 * the next load. The page must be on the site already: localStorage is its origin's.
 */
export async function setPrefs(page: Page, prefs: Prefs): Promise<void> {
  await page.evaluate((p: Prefs) => {
    for (const key of ['size', 'contrast'] as const) {
      const value = p[key];
      if (value) localStorage.setItem('fznb-' + key, value);
      else localStorage.removeItem('fznb-' + key);
    }
  }, prefs);
}

export async function open(page: Page, base: string, type: PageType): Promise<number | undefined> {
  const response = await page.goto(base + type.path);
  await type.ready?.(page);
  return response?.status();
}

/** Opens the header's 菜单 on a phone; on a wide screen its contents are in the header already. */
export async function openMenu(page: Page): Promise<void> {
  const summary = page.locator('summary.header-menu-button');
  if (!(await summary.isVisible())) return;
  if ((await page.locator('details.header-menu').getAttribute('open')) === null) await summary.click();
  expect(await page.locator('details.header-menu').getAttribute('open')).not.toBeNull();
}
