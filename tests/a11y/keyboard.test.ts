/**
 * Keyboard only: the skip link is the first stop and takes focus to <main>; Tab reaches every
 * control on the page, each with a clearly visible focus indicator; the reading aids work
 * from the keyboard.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { servedSite } from '../helpers/served';
import { LATEST, SECTION, withPrefs, type Prefs } from './pages';

const served = servedSite();

interface Stop {
  what: string;
  outline: string;
  boxShadow: string;
  visible: boolean;
}

/** What has focus now, and how its focus shows. */
function focused(page: Page): Promise<Stop | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 20);
    return {
      what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} “${label || (el as HTMLInputElement).name || ''}”`,
      outline: cs.outlineStyle === 'none' || parseFloat(cs.outlineWidth) === 0 ? 'none' : `${cs.outlineWidth} ${cs.outlineStyle} ${cs.outlineColor}`,
      boxShadow: cs.boxShadow,
      visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
    };
  });
}

/**
 * Every element a Tab should reach (visible links, buttons and fields), each marked with a
 * number so the walk below can tell two identical links apart.
 */
function tabbables(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')]
      .filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true }))
      .map((el, i) => {
        el.dataset.kbd = String(i);
        return `${i} ${el.outerHTML.slice(0, 60)}`;
      }),
  );
}

async function tabThrough(page: Page): Promise<{ stops: Stop[]; reached: string[] }> {
  const stops: Stop[] = [];
  const reached: string[] = [];
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press('Tab');
    const stop = await focused(page);
    if (!stop) break;
    const id = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return `${el.dataset.kbd ?? '?'} ${el.outerHTML.slice(0, 60)}`;
    });
    if (reached.includes(id)) break;
    reached.push(id);
    stops.push(stop);
  }
  return { stops, reached };
}

async function newPage(prefs: Prefs = {}, width = 1280): Promise<Page> {
  const context = await served.browser.newContext({ viewport: { width, height: 800 } });
  await withPrefs(context, prefs);
  return context.newPage();
}

describe('keyboard', () => {
  it('the skip link is the first stop, is visible when focused, and moves focus to <main>', async () => {
    for (const path of ['', SECTION.path]) {
      const page = await newPage({}, 360);
      await page.goto(served.site.url + path);
      await page.keyboard.press('Tab');
      const first = await focused(page);
      expect(first?.what).toContain('跳到正文');
      expect(first?.visible).toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
      // The next Tab continues inside the content, not back at the header.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
      await page.context().close();
    }
  });

  const cases: [string, string, Prefs][] = [
    ['home', '', {}],
    ['section page', SECTION.path, {}],
    ['report page', LATEST.path, {}],
    ['home in high contrast', '', { contrast: 'high' }],
    ['section page at 特大 on a phone', SECTION.path, { size: 'xlarge' }],
  ];
  for (const [name, path, prefs] of cases) {
    it(`Tab reaches every control on the ${name}, each with a visible focus indicator`, async () => {
      const page = await newPage(prefs, prefs.size ? 360 : 1280);
      await page.goto(served.site.url + path);
      const expected = await tabbables(page);
      const { stops, reached } = await tabThrough(page);
      expect(reached.length).toBeGreaterThan(8);
      // In document order: the DOM order is the reading order, with no tabindex reshuffling.
      expect(reached).toEqual(expected);
      const unmarked = stops.filter((s) => s.outline === 'none' && s.boxShadow === 'none').map((s) => s.what);
      expect(unmarked).toEqual([]);
      const offscreen = stops.filter((s) => !s.visible).map((s) => s.what);
      expect(offscreen).toEqual([]);
      await page.context().close();
    });
  }

  it('on a phone the header 菜单 is one Tab stop; Enter opens it and Tab goes on into the search field', async () => {
    const page = await newPage({}, 360);
    await page.goto(served.site.url + SECTION.path);
    // Skip link, the site's name, then 菜单.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    expect((await focused(page))?.what).toMatch(/^summary “菜单/);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    await page.context().close();
  });

  it('the text-size and contrast buttons work with Enter and Space', async () => {
    const page = await newPage();
    await page.goto(served.site.url);
    const xlarge = page.getByRole('button', { name: '特大', exact: true });
    await xlarge.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('html').getAttribute('data-size')).toBe('xlarge');
    expect(await xlarge.getAttribute('aria-pressed')).toBe('true');
    const contrast = page.getByRole('button', { name: '高对比度' });
    await contrast.focus();
    await page.keyboard.press('Space');
    expect(await page.locator('html').getAttribute('data-contrast')).toBe('high');
    expect(await contrast.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Space');
    expect(await page.locator('html').getAttribute('data-contrast')).toBeNull();
    expect(await contrast.getAttribute('aria-pressed')).toBe('false');
    await page.context().close();
  });
});
