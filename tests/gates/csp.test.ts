/**
 * The site works in Chromium under the strict Content-Security-Policy it ships
 * (public/_headers, and the same policy in deploy/nginx.conf): pages, text-size controls
 * and search, with no violation reported.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../helpers/build';
import { servedSite } from '../helpers/served';
import { htmlFiles } from '../helpers/site';
import { sectionsContaining } from '../helpers/expected';

const headersFile = readFileSync(join(ROOT, 'public/_headers'), 'utf8');
const headers = Object.fromEntries(
  [...headersFile.matchAll(/^\s{2}([A-Za-z-]+):\s*(.+)$/gm)].map((m) => [m[1]!, m[2]!.trim()]),
);
const policy = headers['Content-Security-Policy']!;

const served = servedSite(undefined, { headers });
/** A marker term of the multi-year fixture (its README), printed in one section a year. */
const TERM = '示例普法';

async function watched(): Promise<{ page: Page; violations: string[] }> {
  const page = await served.browser.newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  page.on('pageerror', (e) => violations.push(e.message));
  return { page, violations };
}

describe('Content-Security-Policy', () => {
  it('is strict: no inline scripts, WebAssembly allowed for Pagefind', () => {
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).not.toContain('unsafe-inline');
    expect(readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8')).toContain(policy);
  });

  it('built pages carry no inline script to be blocked', () => {
    for (const f of htmlFiles(served.built.dist)) {
      const html = readFileSync(f, 'utf8');
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].filter((m) => !/application\/ld\+json/.test(m[1]!));
      expect(inline.map((m) => m[0]), f).toEqual([]);
    }
  });

  it('header search, the search page and highlighting work under it', async () => {
    const { page, violations } = await watched();
    await page.goto(served.site.url);
    await page.getByLabel('搜索报告内容').click();
    await page.keyboard.type(TERM);
    await expect.poll(() => page.locator('#site-search-panel li').count()).toBeGreaterThan(0);
    await page.goto(`${served.site.url}search/?q=${encodeURIComponent(TERM)}`);
    await expect.poll(() => page.locator('#search-results li').count()).toBe(sectionsContaining(served.expected, TERM).length);
    await page.locator('#search-results li a').first().click();
    await expect.poll(() => page.locator('mark.search-hit').count()).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    await page.close();
  });
});
