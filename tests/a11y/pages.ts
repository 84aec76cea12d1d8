/**
 * One page of each type, for the accessibility, text-size and print tests, and how to tell a
 * page is ready (the search page renders its results after load).
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface PageType {
  name: string;
  path: string;
  ready?: (page: Page) => Promise<unknown>;
}

export const PAGE_TYPES: PageType[] = [
  { name: 'home', path: '' },
  { name: 'report', path: '2023/' },
  { name: 'section', path: '2023/section-2/' },
  {
    name: 'search',
    path: `search/?q=${encodeURIComponent('优待证')}`,
    ready: (page) => page.locator('#search-results li').first().waitFor(),
  },
  { name: '404', path: 'no-such-page/' },
  { name: 'figures', path: 'figures/' },
  { name: 'items', path: 'items/measures/' },
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

export async function open(page: Page, base: string, type: PageType): Promise<number | undefined> {
  const response = await page.goto(base + type.path);
  await type.ready?.(page);
  return response?.status();
}
