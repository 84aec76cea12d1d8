/**
 * The site works in Chromium under its strict Content-Security-Policy (src/utils/security-
 * headers.ts) as every host delivers it: the <meta> each page carries, alone (GitHub Pages
 * sends no headers), and together with the headers of public/_headers and the nginx sample.
 * Pages of both editions (简体 and the 繁體 copies), text-size controls, search and
 * highlighting work with no violation reported, and the policy would stop a script
 * injected into a page. Also the search fields' length limit:
 * a link with a 10,000-character ?q= runs only its first MAX_QUERY_LENGTH characters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load } from 'cheerio';
import type { Page } from 'playwright-core';
import { ROOT } from '../helpers/build';
import { serve, type Served } from '../helpers/serve';
import { servedSite } from '../helpers/served';
import { htmlFiles } from '../helpers/site';
import { sectionsContaining } from '../helpers/expected';
import { CSP_DIRECTIVES, CSP_HEADER, CSP_META, SECURITY_HEADERS } from '../../src/utils/security-headers';
import { MAX_QUERY_LENGTH } from '../../src/search/limits';

/** The headers public/_headers sets for every path (its `/*` block). */
function headersFile(): Record<string, string> {
  const text = readFileSync(join(ROOT, 'public/_headers'), 'utf8');
  return Object.fromEntries([...text.matchAll(/^\s{2}([A-Za-z-]+):\s*(.+)$/gm)].map((m) => [m[1]!, m[2]!.trim()]));
}

/** The headers the nginx snippet adds, checking that each one has `always` (404 pages too). */
function nginxSnippet(): Record<string, string> {
  const text = readFileSync(join(ROOT, 'deploy/fzbg-security-headers.conf'), 'utf8');
  const lines = [...text.matchAll(/^add_header\s+(\S+)\s+"([^"]*)"(\s+always)?;$/gm)];
  expect(lines.filter((m) => !m[3]).map((m) => m[1]), 'add_header without always').toEqual([]);
  return Object.fromEntries(lines.map((m) => [m[1]!, m[2]!]));
}

// The meta policy alone: the site served with no header at all, as GitHub Pages serves it.
const served = servedSite();
let withHeaders: Served;
beforeAll(async () => {
  withHeaders = await serve(served.built.dist, { headers: { ...SECURITY_HEADERS } });
});
afterAll(() => withHeaders?.close());

/** A marker term of the multi-year fixture (its README), printed in one section a year. */
const TERM = '示例普法';

async function watched(): Promise<{ page: Page; violations: string[] }> {
  const page = await served.browser.newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  page.on('pageerror', (e) => violations.push(e.message));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content-Security-Policy: ${e.violatedDirective} ${e.blockedURI}`)),
  );
  return { page, violations };
}

describe('Content-Security-Policy', () => {
  it('is strict: no inline scripts, no eval, no WebAssembly', () => {
    // Scripts, styles, images, fonts and fetches: same origin only, by default-src, with no exception.
    expect(CSP_HEADER).toMatch(/^default-src 'self';/);
    expect(CSP_HEADER).not.toMatch(/(script|style|img|font|connect|worker)-src/);
    expect(CSP_HEADER).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(CSP_HEADER).toContain("frame-ancestors 'self'");
  });

  it('the meta policy is the header policy less what a <meta> cannot carry', () => {
    expect(CSP_META).not.toMatch(/frame-ancestors|report-uri|report-to|sandbox/);
    const rest = Object.entries(CSP_DIRECTIVES).filter(([n]) => n !== 'frame-ancestors');
    expect(CSP_META).toBe(rest.map(([n, v]) => `${n} ${v.join(' ')}`).join('; '));
  });

  it('public/_headers and the nginx sample send the same headers as src/utils/security-headers.ts', () => {
    expect(headersFile()).toEqual(SECURITY_HEADERS);
    expect(nginxSnippet()).toEqual(SECURITY_HEADERS);
  });

  it('every built page has the meta policy first in <head>, before any script or stylesheet', () => {
    for (const f of htmlFiles(served.built.dist, { traditional: true })) {
      const $ = load(readFileSync(f, 'utf8'));
      const head = $('head').children().toArray();
      const csp = head.findIndex((e) => $(e).is('meta[http-equiv="Content-Security-Policy"]'));
      expect(csp, f).toBe(1);
      expect($(head[0]).is('meta[charset]'), f).toBe(true);
      expect($(head[csp]).attr('content'), f).toBe(CSP_META);
      expect($('meta[http-equiv]').length, f).toBe(1);
    }
  });

  it('built pages carry no inline script to be blocked', () => {
    for (const f of htmlFiles(served.built.dist, { traditional: true })) {
      const html = readFileSync(f, 'utf8');
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].filter((m) => !/application\/ld\+json/.test(m[1]!));
      expect(inline.map((m) => m[0]), f).toEqual([]);
    }
  });

  describe.each([
    { delivery: 'the meta policy alone (no header)', url: () => served.site.url },
    { delivery: 'the meta policy and the headers', url: () => withHeaders.url },
  ])('under $delivery', ({ url }) => {
    it('every built page loads with no violation reported', async () => {
      const { page, violations } = await watched();
      for (const f of htmlFiles(served.built.dist, { traditional: true })) {
        const path = relative(served.built.dist, f).replace(/(^|\/)index\.html$/, '$1');
        await page.goto(url() + path, { waitUntil: 'load' });
        expect(violations, path).toEqual([]);
      }
      await page.close();
    });

    it('the text-size and contrast controls work', async () => {
      const { page, violations } = await watched();
      await page.goto(url());
      await page.getByRole('button', { name: '特大', exact: true }).click();
      await expect.poll(() => page.locator('html').getAttribute('data-size')).toBe('xlarge');
      await page.getByRole('button', { name: '高对比度', exact: true }).click();
      await expect.poll(() => page.locator('html').getAttribute('data-contrast')).toBe('high');
      expect(violations).toEqual([]);
      await page.close();
    });

    it('header search, the search page and highlighting work', async () => {
      const { page, violations } = await watched();
      await page.goto(url());
      await page.getByLabel('搜索报告内容').click();
      await page.keyboard.type(TERM);
      await expect.poll(() => page.locator('#site-search-panel li').count()).toBeGreaterThan(0);
      await page.goto(`${url()}search/?q=${encodeURIComponent(TERM)}`);
      await expect.poll(() => page.locator('#search-results li').count()).toBe(sectionsContaining(served.expected, TERM).length);
      await page.locator('#search-results li a').first().click();
      await expect.poll(() => page.locator('mark.search-hit').count()).toBeGreaterThan(0);
      expect(violations).toEqual([]);
      await page.close();
    });
  });

  it('would catch a script injected into a page: the meta policy alone blocks it', async () => {
    const { page, violations } = await watched();
    // Inject into the HTML as it arrives, after the <meta>, as an injection in the body would be.
    await page.route(/\/$/, async (route) => {
      const html = await (await route.fetch()).text();
      const body = html.replace('</body>', '<script>window.injected = true</script></body>');
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    });
    await page.goto(served.site.url);
    expect(await page.evaluate(() => (window as { injected?: boolean }).injected)).toBeUndefined();
    expect(violations.join('\n')).toMatch(/script-src/);
    await page.close();
  });
});

describe('Search query length', () => {
  /** A query that finds TERM, then blanks and a word no section has, 10,000 characters in all. */
  const long = `${TERM}${' '.repeat(10_000 - TERM.length - 8)}没有的词没有的词`;

  it('both search fields have a maxlength', async () => {
    // The header's field (on every page but the search page, whose own form is the one) and the search page's.
    const home = load(readFileSync(join(served.built.dist, 'index.html'), 'utf8'));
    const $ = load(readFileSync(join(served.built.dist, 'search/index.html'), 'utf8'));
    expect(home('#site-search-q').attr('maxlength')).toBe(String(MAX_QUERY_LENGTH));
    expect($('#site-search-q')).toHaveLength(0);
    expect($('#search-q').attr('maxlength')).toBe(String(MAX_QUERY_LENGTH));
  });

  it('the search page runs only the first characters of a 10,000-character ?q=', async () => {
    const { page, violations } = await watched();
    await page.goto(`${served.site.url}search/?q=${long.replace(/ /g, '+')}`);
    await expect.poll(() => page.locator('#search-results li').count()).toBe(sectionsContaining(served.expected, TERM).length);
    expect(await page.locator('#search-q').inputValue()).toHaveLength(MAX_QUERY_LENGTH);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('the header search runs only the first characters of a value set by script', async () => {
    const { page } = await watched();
    await page.goto(served.site.url);
    await page.getByLabel('搜索报告内容').click();
    await page.locator('#site-search-q').evaluate((input: HTMLInputElement, value) => {
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }, long);
    await expect.poll(() => page.locator('#site-search-panel li').count()).toBeGreaterThan(0);
    await page.close();
  });
});
