/**
 * Text size (标准 / 大 / 特大) and high contrast: remembered across pages, applied before the
 * first paint by a small external script (allowed by a strict CSP), never making a page
 * scroll sideways on a phone; without JavaScript the size and contrast buttons are hidden,
 * 打印 stays (a link to how to print), and the page reads as normal. On a phone the controls
 * are in the header's 菜单, which the tests open first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { serve, type Served } from '../helpers/serve';
import { fileBrowser, type FileBrowser } from '../helpers/browser';
import { builtFixture } from '../helpers/fixtures';
import { CSP_HEADER } from '../../src/utils/security-headers.ts';
import { LATEST, open, PAGE_TYPES, withPrefs } from './pages';

let dist = '';
let site: Served;
let strict: Served;
let browser: FileBrowser;

/** The policy deploy/nginx.conf and public/_headers send: no inline script, no inline style. */
const CSP = CSP_HEADER;

beforeAll(async () => {
  dist = (await builtFixture('multi-year')).dist;
  site = await serve(dist);
  strict = await serve(dist, { headers: { 'Content-Security-Policy': CSP } });
  browser = await fileBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await strict?.close();
});

const rootPx = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
const sizeButton = (page: Page, name: string) => page.getByRole('group', { name: '字号' }).getByRole('button', { name, exact: true });
/** Opens the header's 菜单 where it is a button (on a phone); on a wide screen its contents are shown. */
async function openMenu(page: Page) {
  const summary = page.locator('summary.header-menu-button');
  if (await summary.isVisible()) await summary.click();
}
const pressed = (page: Page) =>
  page.locator('[data-pref][aria-pressed="true"]').evaluateAll((bs) => bs.map((b) => b.textContent?.trim()));

describe('text size and contrast', () => {
  it('offers 标准, 大 and 特大 as pressed/unpressed buttons in a labelled group, and 高对比度', async () => {
    const page = await browser.newPage();
    await page.goto(site.url);
    const group = page.getByRole('group', { name: '字号' });
    expect(await group.getByRole('button').allTextContents()).toEqual(['标准', '大', '特大']);
    expect(await pressed(page)).toEqual(['标准']);
    expect(await page.getByRole('button', { name: '高对比度' }).getAttribute('aria-pressed')).toBe('false');
    expect(await rootPx(page)).toBe(18);
    await page.close();
  });

  it('remembers the choice across pages, reloads and the back button', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await page.goto(site.url);

    await openMenu(page);
    await sizeButton(page, '大').click();
    expect(await rootPx(page)).toBe(21);
    expect(await pressed(page)).toEqual(['大']);
    await page.locator(`main a[href$="/${LATEST.path}"]`).first().click();
    await page.waitForURL(new RegExp(`/${LATEST.path}$`));
    expect(await page.locator('html').getAttribute('data-size')).toBe('large');
    expect(await rootPx(page)).toBe(21);
    expect(await pressed(page)).toEqual(['大']);

    await openMenu(page);
    await sizeButton(page, '特大').click();
    await page.getByRole('button', { name: '高对比度' }).click();
    expect(await rootPx(page)).toBe(24);
    await page.goto(site.url + LATEST.sections[2]!.path);
    expect(await rootPx(page)).toBe(24);
    expect(await page.locator('html').getAttribute('data-contrast')).toBe('high');
    expect(await pressed(page)).toEqual(['特大', '高对比度']);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(0, 0, 0)');

    // Back to a page shown before the change (possibly from the back/forward cache).
    await openMenu(page);
    await sizeButton(page, '标准').click();
    await page.goBack();
    await page.waitForURL(new RegExp(`/${LATEST.path}$`));
    expect(await rootPx(page)).toBe(18);
    expect(await pressed(page)).toEqual(['标准', '高对比度']);

    await openMenu(page);
    await page.getByRole('button', { name: '高对比度' }).click();
    await page.reload();
    expect(await page.locator('html').getAttribute('data-contrast')).toBeNull();
    expect(await page.locator('html').getAttribute('data-size')).toBeNull();
    expect(await pressed(page)).toEqual(['标准']);
    await context.close();
  });

  it('applies the remembered choice before the page body exists (no flash), under a strict CSP', async () => {
    const context = await browser.newContext();
    await withPrefs(context, { size: 'xlarge', contrast: 'high' });
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        const html = document.documentElement;
        (window as unknown as { atBody: unknown }).atBody = [html.getAttribute('data-size'), html.getAttribute('data-contrast')];
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
    });
    await page.goto(strict.url + LATEST.path);
    expect(await page.evaluate(() => (window as unknown as { atBody: unknown }).atBody)).toEqual(['xlarge', 'high']);
    expect(blocked).toEqual([]);
    // A classic script in <head>, before the stylesheet; not async, not deferred, not a module.
    const head = await page.evaluate(() =>
      [...document.head.querySelectorAll('script[src], link[rel=stylesheet]')].map((e) =>
        e.tagName === 'LINK' ? 'css' : `${(e as HTMLScriptElement).type || 'classic'}${(e as HTMLScriptElement).async || (e as HTMLScriptElement).defer ? ' deferred' : ''}`,
      ),
    );
    expect(head[0]).toBe('classic');
    await context.close();
  });

  it('at 特大 on a 360 px phone no page scrolls sideways and no header controls overlap, menu open', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    await withPrefs(context, { size: 'xlarge' });
    const problems: string[] = [];
    // One tab going from page to page: each load starts anew, with the choices in its storage.
    const page = await context.newPage();
    for (const type of PAGE_TYPES) {
      await open(page, site.url, type);
      expect(await rootPx(page)).toBe(24);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 360) problems.push(`${type.name}: scrollWidth ${width}`);
      await openMenu(page);
      const opened = await page.evaluate(() => document.documentElement.scrollWidth);
      if (opened > 360) problems.push(`${type.name}: scrollWidth ${opened} with the menu open`);
      const boxes = await page.locator('header').evaluate((header) =>
        [...header.querySelectorAll<HTMLElement>('a, button, input, select, summary, [role=group] > span')]
          .filter((el) => el.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true }))
          .map((el) => {
            const r = el.getBoundingClientRect();
            return { what: el.textContent?.trim() || el.getAttribute('placeholder') || el.tagName, l: r.left, r: r.right, t: r.top, b: r.bottom };
          }),
      );
      for (const [i, a] of boxes.entries()) {
        if (a.l < 0 || a.r > 360) problems.push(`${type.name}: ${a.what} off screen (${a.l}–${a.r})`);
        for (const b of boxes.slice(i + 1)) {
          // The title link contains its two spans; only siblings and strangers count.
          const overlapX = Math.min(a.r, b.r) - Math.max(a.l, b.l);
          const overlapY = Math.min(a.b, b.b) - Math.max(a.t, b.t);
          if (overlapX > 0.5 && overlapY > 0.5) problems.push(`${type.name}: “${a.what}” overlaps “${b.what}”`);
        }
      }
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('without JavaScript the size and contrast buttons are hidden, 打印 stays as a link, and every page reads normally', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    for (const type of PAGE_TYPES.filter((t) => t.name !== 'search')) {
      await page.goto(site.url + type.path);
      await openMenu(page);
      expect(await page.locator('[data-pref], .text-size').evaluateAll((els) => els.filter((e) => e.checkVisibility()).length), type.name).toBe(0);
      // 打印 on report and section pages only, as a link to how to print.
      const printable = type.name === 'report' || type.name === 'section';
      expect((await page.getByRole('link', { name: '打印' }).count()) === 1 && (await page.getByRole('link', { name: '打印' }).isVisible()), type.name).toBe(printable);
      expect(await page.locator('h1').first().isVisible(), type.name).toBe(true);
      expect(await rootPx(page)).toBe(18);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), type.name).toBeLessThanOrEqual(360);
      // The header search still works as a plain form.
      expect(await page.getByRole('search', { name: '全站搜索' }).isVisible()).toBe(true);
    }
    await context.close();
  });
});

describe('script before interaction', () => {
  it('is at most 2 KB compressed on report, section and other reading pages', async () => {
    const totals: Record<string, string> = {};
    for (const type of PAGE_TYPES.filter((t) => t.name !== 'search')) {
      const page = await browser.newPage();
      const scripts: string[] = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
      });
      await page.goto(site.url + type.path);
      await page.waitForLoadState('networkidle');
      const sizes = scripts.map((p) => [p.split('/').pop()!, gzipSync(readFileSync(join(dist, p)), { level: 9 }).length] as const);
      const total = sizes.reduce((n, [, b]) => n + b, 0);
      totals[type.name] = `${total} B (${sizes.map(([f, b]) => `${f.replace(/\.[\w-]+\.js$/, '')} ${b}`).join(', ')})`;
      expect(scripts.some((p) => /\/prefs\.[\w-]+\.js$/.test(p)), type.name).toBe(true);
      expect(total, totals[type.name]).toBeLessThanOrEqual(2048);
      await page.close();
    }
    console.log('Script loaded before interaction, gzip -9:', totals);
  });
});
