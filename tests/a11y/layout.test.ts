/**
 * The page's own text first, on a phone: measured in Chromium on one page of each type and
 * printed (console.log) as well as checked. At 360 × 740 in 标准 and 特大: where the page's own
 * text starts (the report text on report and section pages; the page's heading elsewhere),
 * the header's height, the smallest control or navigation link (links inside a
 * sentence excepted, as WCAG 2.5.8 excepts them), with the header menu closed and opened; at
 * 320 px, in every text size and in high contrast, how far the page scrolls sideways.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { servedSite } from '../helpers/served';
import { open, openMenu, PAGE_TYPES, setPrefs, type PageType, type Prefs } from './pages';

const served = servedSite();

const PHONE = { width: 360, height: 740 };
const SIZES: [string, Prefs][] = [
  ['标准', {}],
  ['大', { size: 'large' }],
  ['特大', { size: 'xlarge' }],
];

/**
 * The file's one browser page, loaded for each measurement at its size with its choices: the
 * choices are put in its localStorage, where a reader's are, before the page is loaded, so the
 * head script applies them as on any load. The site keeps nothing else in the browser, so one
 * page going from measurement to measurement reads each page as a new visitor would (a new
 * browser page costs more than the load itself).
 */
let shared: Promise<Page> | undefined;
afterAll(async () => (await shared)?.context().close());

async function onPage<T>(type: PageType, viewport: { width: number; height: number }, prefs: Prefs, fn: (page: Page) => Promise<T>) {
  shared ??= served.browser.newContext().then(async (context) => {
    const page = await context.newPage();
    await page.goto(served.site.url);
    return page;
  });
  const page = await shared;
  await page.setViewportSize(viewport);
  await setPrefs(page, prefs);
  await open(page, served.site.url, type);
  // The head script applied the choices on this load.
  const html = page.locator('html');
  expect(await html.getAttribute('data-size'), `data-size of ${type.name}`).toBe(prefs.size ?? null);
  expect(await html.getAttribute('data-contrast'), `data-contrast of ${type.name}`).toBe(prefs.contrast ?? null);
  return fn(page);
}

/** Where the page's own text starts, from the top of the document, in CSS px: the report text on a report or section page, else the page's heading. */
const textStart = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector('main .report .report-text > :not(section), main .report .report-text section > :not(h2)') ?? document.querySelector('main h1')!;
    return Math.round(el.getBoundingClientRect().top + scrollY);
  });

const headerHeight = (page: Page) => page.locator('header.site-header').evaluate((h) => Math.round(h.getBoundingClientRect().height));

/**
 * Every control and navigation link the reader can see, with its size; a link inside a
 * sentence (other text of its paragraph, list item or cell shares one of its lines, as in
 * running text) is not counted.
 */
const targets = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, summary')]
      .filter((el) => el.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true, opacityProperty: true }))
      .filter((el) => !el.closest('.visually-hidden') && !el.classList.contains('skip-link'))
      .filter((el) => {
        if (el.tagName !== 'A') return true;
        // In a sentence: other text of its paragraph (list item, cell) on one of its lines.
        const block = el.parentElement?.closest('p, li, dd, dt, td, th, h1, h2, h3, div');
        if (!block) return true;
        const own = [...el.getClientRects()];
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (el.contains(node) || !node.textContent?.trim() || node.parentElement?.closest('.visually-hidden')) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          const beside = [...range.getClientRects()].some((t) => own.some((r) => t.top < r.bottom - 2 && t.bottom > r.top + 2));
          if (beside) return false;
        }
        return true;
      })
      .map((el) => {
        const r = el.getBoundingClientRect();
        const name = (el.textContent || el.getAttribute('aria-label') || (el as HTMLInputElement).name || el.tagName).trim().slice(0, 16);
        return { what: `${el.tagName.toLowerCase()} “${name}”`, w: Math.round(r.width * 10) / 10, h: Math.round(r.height * 10) / 10 };
      }),
  );

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);


describe('the page’s own text first, on a phone', () => {
  for (const type of PAGE_TYPES) {
    it(`${type.name}: header, where the text starts, targets and sideways scrolling`, async () => {
      const figures: Record<string, unknown> = {};
      const phone = await onPage(type, PHONE, {}, async (page) => {
        const text = await textStart(page);
        const header = await headerHeight(page);
        const closed = await targets(page);
        await openMenu(page);
        const opened = await targets(page);
        return { text, header, closed, opened };
      });
      const standard = phone.text;
      const xlarge = await onPage(type, PHONE, { size: 'xlarge' }, async (page) => ({ text: await textStart(page), header: await headerHeight(page) }));
      const all = [...phone.closed, ...phone.opened];
      const lowest = [...all].sort((a, b) => a.h - b.h)[0]!;
      const narrowest = [...all].sort((a, b) => a.w - b.w)[0]!;
      figures['header at 360 px'] = phone.header;
      figures['header at 360 px, 特大'] = xlarge.header;
      figures['text starts at y (标准)'] = standard;
      figures['text starts at y (特大)'] = xlarge.text;
      figures['lowest target'] = `${lowest.w}×${lowest.h} ${lowest.what}`;
      figures['narrowest target'] = `${narrowest.w}×${narrowest.h} ${narrowest.what}`;

      const sideways: string[] = [];
      for (const [size, prefs] of SIZES) {
        for (const contrast of [false, true]) {
          const p: Prefs = { ...prefs, ...(contrast ? { contrast: 'high' } : {}) };
          const [closed, opened] = await onPage(type, { width: 320, height: 740 }, p, async (page) => {
            const before = await overflow(page);
            await openMenu(page);
            return [before, await overflow(page)];
          });
          figures[`overflow at 320 px, ${size}${contrast ? ', 高对比度' : ''}`] = `${closed} / ${opened} (menu closed / open)`;
          if (closed || opened) sideways.push(`${size}${contrast ? ' 高对比度' : ''}: ${closed} / ${opened} px`);
        }
      }
      console.log(`layout of ${type.name} (/${type.path}):`, figures);

      // The header stays compact at 特大 too: 字号 enlarges the page's text, not the site's name.
      expect(phone.header).toBeLessThanOrEqual(160);
      expect(xlarge.header).toBeLessThanOrEqual(160);
      // The menu is closed on arrival: the page's own text is in the top half of the first screen,
      // at 特大 too (the whole report's text follows its contents: the next test).
      if (type.name !== 'report') {
        expect(standard).toBeLessThan(PHONE.height / 2);
        expect(xlarge.text).toBeLessThan(PHONE.height / 2);
      }
      const small = all.filter((t) => t.w < 44 || t.h < 44).map((t) => `${t.what} ${t.w}×${t.h}`);
      expect(small).toEqual([]);
      expect(sideways).toEqual([]);
    });
  }

  it('report: the text follows title, metadata and contents; the key figures are folded', async () => {
    const report = PAGE_TYPES.find((t) => t.name === 'report')!;
    const at = await onPage(report, PHONE, {}, (page) =>
      page.evaluate(() => {
        const y = (sel: string) => document.querySelector(sel)!.getBoundingClientRect().top + scrollY;
        const bottom = (sel: string) => document.querySelector(sel)!.getBoundingClientRect().bottom + scrollY;
        const figures = document.querySelector<HTMLDetailsElement>('details.figures-panel');
        return {
          title: y('main h1'),
          meta: y('.doc-meta'),
          contents: y('nav.contents'),
          contentsEnd: bottom('nav.contents'),
          text: y('.report-text'),
          figuresOpen: figures?.open,
          figuresHeight: figures ? figures.getBoundingClientRect().height : 0,
        };
      }),
    );
    console.log('report page at 360 × 740:', at);
    expect(at.title).toBeLessThan(at.meta);
    expect(at.meta).toBeLessThan(at.contents);
    expect(at.contents).toBeLessThan(at.text);
    // Between the contents and the text, only the folded 主要数据 line.
    expect(at.figuresOpen).toBe(false);
    expect(at.figuresHeight).toBeLessThan(80);
    expect(at.text - at.contentsEnd).toBeLessThan(140);
  });

  it('report: every section ends with 返回目录, the page with 返回目录 and 返回页首, and they lead there', async () => {
    const report = PAGE_TYPES.find((t) => t.name === 'report')!;
    await onPage(report, PHONE, {}, async (page) => {
      const sections = await page.locator('.report-text section').count();
      expect(await page.locator('.report-text section .section-own-page a[href="#contents"]').count()).toBe(sections);
      const end = page.locator('.back-links').last();
      expect(await end.locator('a').allTextContents()).toEqual(['返回目录', '返回页首']);
      await end.getByRole('link', { name: '返回目录' }).click();
      await expect.poll(() => page.evaluate(() => Math.round(document.getElementById('contents')!.getBoundingClientRect().top))).toBeLessThan(10);
      await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
      await page.locator('.back-links').last().getByRole('link', { name: '返回页首' }).click();
      await expect.poll(() => page.evaluate(() => scrollY)).toBe(0);
    });
  });

  it('wide screens: the header lays the menu out without a toggle; the report keeps its contents beside the text', async () => {
    const report = PAGE_TYPES.find((t) => t.name === 'report')!;
    const wide = await onPage(report, { width: 1280, height: 800 }, {}, async (page) => {
      const summaryShown = await page.locator('summary.header-menu-button').isVisible();
      const searchShown = await page.locator('header form[role=search]').isVisible();
      const navShown = await page.getByRole('navigation', { name: '网站导航' }).isVisible();
      const header = await headerHeight(page);
      const box = async (sel: string) => page.locator(sel).first().evaluate((e) => e.getBoundingClientRect().toJSON() as DOMRect);
      const contents = await box('nav.contents');
      const text = await box('.report-text');
      await page.evaluate(() => scrollTo(0, document.querySelector('.signature')!.getBoundingClientRect().top + scrollY - 300));
      const contentsAfterScroll = await box('nav.contents');
      return { summaryShown, searchShown, navShown, header, contents, text, contentsAfterScroll, small: (await targets(page)).filter((t) => t.w < 44 || t.h < 44) };
    });
    console.log('report page at 1280 px:', {
      header: wide.header,
      contents: `${Math.round(wide.contents.left)}–${Math.round(wide.contents.right)} px`,
      text: `${Math.round(wide.text.left)}–${Math.round(wide.text.right)} px`,
      'contents top after scrolling': Math.round(wide.contentsAfterScroll.top),
    });
    expect(wide).toMatchObject({ summaryShown: false, searchShown: true, navShown: true, small: [] });
    expect(wide.contents.right).toBeLessThanOrEqual(wide.text.left);
    expect(wide.contentsAfterScroll.top).toBeGreaterThanOrEqual(0);
    expect(wide.contentsAfterScroll.top).toBeLessThan(40);
    expect(wide.text.right - wide.contents.left).toBeGreaterThan(900);
  });

  it('the header menu opens and closes from the keyboard, and is labelled 菜单', async () => {
    const section = PAGE_TYPES.find((t) => t.name === 'section')!;
    await onPage(section, PHONE, {}, async (page) => {
      const summary = page.locator('summary.header-menu-button');
      expect(await summary.textContent()).toMatch(/^菜单/);
      expect(await page.getByRole('search', { name: '全站搜索' }).isVisible()).toBe(false);
      await summary.focus();
      await page.keyboard.press('Enter');
      expect(await page.getByRole('search', { name: '全站搜索' }).isVisible()).toBe(true);
      expect(await page.getByRole('navigation', { name: '网站导航' }).isVisible()).toBe(true);
      await page.keyboard.press('Space');
      expect(await page.getByRole('search', { name: '全站搜索' }).isVisible()).toBe(false);
    });
  });

  it('the search page’s header has no second search field', async () => {
    const search = PAGE_TYPES.find((t) => t.name === 'search')!;
    for (const width of [360, 1280]) {
      await onPage(search, { width, height: 740 }, {}, async (page) => {
        await openMenu(page);
        expect(await page.locator('header input').count()).toBe(0);
        expect(await page.locator('main #search-q').isVisible()).toBe(true);
      });
    }
  });

  it('the measurements can fail: a wide fixed box scrolls sideways and a small link is found', async () => {
    const page = await served.browser.newPage({ viewport: { width: 320, height: 740 } });
    await page.setContent('<main><nav><a href="/">短</a></nav><p>句中<a href="/">链接</a>不算。</p><li><a href="/">单独一行</a><p>说明</p></li><div style="width:400px">宽</div></main>');
    expect(await overflow(page)).toBeGreaterThan(0);
    expect((await targets(page)).filter((t) => t.h < 44).map((t) => t.what)).toEqual(['a “短”', 'a “单独一行”']);
    await page.close();
  });
});

describe('without scripts', () => {
  it('the search page keeps its form and says, in Chinese, what works instead', async () => {
    const context = await served.browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await context.newPage();
    const search = PAGE_TYPES.find((t) => t.name === 'search')!;
    await page.goto(served.site.url + search.path);
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/javascript/i);
    const notice = page.locator('.search-noscript');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.innerText()).toContain('查找');
    const links = await notice.locator('a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(links).toEqual(expect.arrayContaining([...served.expected.reports.filter((r) => !r.data.withdrawn).map((r) => `/${r.path}`), '/items/']));
    // The form is there, and the browser keeps what the reader typed (no autocomplete=off).
    expect(await page.locator('#search-q').isVisible()).toBe(true);
    expect(await page.locator('#search-q').getAttribute('autocomplete')).toBeNull();
    await page.locator('#search-q').fill('示例');
    await page.locator('#search-form button[type=submit]').click();
    await page.waitForURL(/\?q=%E7%A4%BA%E4%BE%8B/);
    await page.goBack();
    await expect.poll(() => page.locator('#search-q').inputValue()).toBe('示例');
    await context.close();
  });

  it('打印 is a link to how to print with the browser, shown as the target', async () => {
    const context = await served.browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await context.newPage();
    const section = PAGE_TYPES.find((t) => t.name === 'section')!;
    await page.goto(served.site.url + section.path);
    expect(await page.locator('#print-help').isVisible()).toBe(false);
    await openMenu(page);
    const print = page.getByRole('link', { name: '打印' });
    expect(await print.isVisible()).toBe(true);
    await print.click();
    await page.waitForURL(/#print-help$/);
    const help = page.locator('#print-help');
    expect(await help.isVisible()).toBe(true);
    expect(await help.innerText()).toContain('Ctrl+P');
    expect(await help.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(PHONE.height / 2);
    await context.close();
  });
});
