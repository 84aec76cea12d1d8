/**
 * The reading aids beyond text size and contrast, in Chromium on the multi-year fixture:
 * 大鼠标 and 阅读辅助线 are toggles operated from the keyboard and remembered across pages;
 * 朗读 reads the page's text in zh-CN sentence by sentence with 暂停 / 继续 / 停止, and is
 * offered only where the browser has a Chinese voice. The aids' code (guide, speak) is not
 * fetched before use. speechSynthesis is replaced in the page by a stub that records what it
 * is asked to say and offers the voices a test chooses (headless Chromium has none).
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { runAxe, violationLines } from '../helpers/axe';
import { servedSite } from '../helpers/served';
import { builtFixture, PORTAL } from '../helpers/fixtures';
import { bodyLines, reportLines } from '../helpers/expected';
import { printedHeading } from '../../src/domain/report.ts';
import { LATEST, openMenu, SECTION, withPrefs } from '../a11y/pages';

const served = servedSite();
/** The same site built for a portal's sub-path and served only under it. */
const portal = servedSite(() => builtFixture('multi-year', PORTAL), { base: PORTAL.base });

interface Voice {
  lang: string;
  name: string;
}
interface StubOptions {
  /** The voices the browser offers; null: no speechSynthesis at all. */
  voices: Voice[] | null;
  /** Offer the voices only after this many ms, with voiceschanged (as Chrome does). */
  lateMs?: number;
}
interface Spoken {
  text: string;
  lang: string;
  voice: string | null;
}
interface SpeechLog {
  spoken: Spoken[];
  cancelled: number;
  /** How many 'interrupted' errors a cancel has delivered to the page's handler (a browser delivers them later). */
  interrupted: number;
  /** Ends the utterance being spoken (the next one starts at once). */
  end(): void;
  /** Ends utterances until nothing is left to say. */
  finish(): void;
}

/** Put in the page before its scripts: a speechSynthesis that records and never speaks by itself. */
function stubSpeech({ voices, lateMs = 0 }: StubOptions) {
  const w = window as unknown as Record<string, unknown>;
  if (voices === null) {
    Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
    return;
  }
  type U = { text: string; lang: string; voice: Voice | null; onend?: (e: unknown) => void; onerror?: (e: unknown) => void };
  let offered: Voice[] = lateMs ? [] : voices;
  let current: U | null = null;
  const log = {
    spoken: [] as { text: string; lang: string; voice: string | null }[],
    cancelled: 0,
    interrupted: 0,
    end() {
      const u = current;
      current = null;
      u?.onend?.({ type: 'end' });
    },
    finish() {
      for (let i = 0; current && i < 10000; i++) log.end();
    },
  };
  const synth = new EventTarget() as EventTarget & Record<string, unknown>;
  Object.assign(synth, {
    speaking: false,
    pending: false,
    paused: false,
    onvoiceschanged: null,
    getVoices: () => offered.map((v) => ({ ...v, voiceURI: v.name, localService: true, default: false })),
    speak(u: U) {
      log.spoken.push({ text: u.text, lang: u.lang, voice: u.voice ? u.voice.lang : null });
      current = u;
    },
    cancel() {
      log.cancelled++;
      const u = current;
      current = null;
      if (u) {
        setTimeout(() => {
          u.onerror?.({ type: 'error', error: 'interrupted' });
          log.interrupted++;
        });
      }
    },
    pause() {},
    resume() {},
  });
  if (lateMs) {
    setTimeout(() => {
      offered = voices;
      const event = new Event('voiceschanged');
      (synth.onvoiceschanged as ((e: Event) => void) | null)?.(event);
      synth.dispatchEvent(event);
    }, lateMs);
  }
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  w.SpeechSynthesisUtterance = class {
    text: string;
    lang = '';
    voice = null;
    rate = 1;
    onend = null;
    onerror = null;
    constructor(text: string) {
      this.text = text;
    }
  };
  w.__speech = log;
}

const ZH: Voice[] = [
  { lang: 'en-US', name: 'English (test)' },
  { lang: 'zh-CN', name: '中文（测试）' },
];

async function newPage(options: StubOptions = { voices: ZH }, width = 1280, on = served): Promise<{ context: BrowserContext; page: Page; fetched: string[] }> {
  const context = await on.browser.newContext({ viewport: { width, height: 800 } });
  await context.addInitScript(stubSpeech, options);
  const page = await context.newPage();
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  return { context, page, fetched };
}

const log = (page: Page) => page.evaluate(() => (window as unknown as { __speech: SpeechLog }).__speech.spoken);
const interruptions = (page: Page) => page.evaluate(() => (window as unknown as { __speech: SpeechLog }).__speech.interrupted);
const speech = (page: Page, action: 'end' | 'finish') =>
  page.evaluate((a) => (window as unknown as { __speech: SpeechLog }).__speech[a](), action);
/** An aid's button, also while the phone's 菜单 holding it is closed (its state is still read). */
const button = (page: Page, name: string) => page.locator('.reading-aids').getByRole('button', { name, exact: true, includeHidden: true });
const html = (page: Page, name: string) => page.locator('html').getAttribute(name);
const squash = (s: string) => s.replace(/\s+/g, '');
const fetchedModule = (fetched: string[], name: string) => fetched.some((p) => new RegExp(`/${name}\\.[\\w-]+\\.js$`).test(p));

/** Focus a control by Tab, as a keyboard user reaches it (never more than 80 presses). */
/** Tabs to a control as a keyboard reader does: on a phone, Enter on the closed 菜单 opens it on the way. */
async function tabTo(page: Page, name: string) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (label === name) return;
    const closedMenu = await page.evaluate(() => {
      const a = document.activeElement;
      return !!a && a.matches('summary') && !a.parentElement?.hasAttribute('open');
    });
    if (closedMenu) await page.keyboard.press('Enter');
  }
  throw new Error(`Tab never reached ${name}`);
}

describe('the aids in the header', () => {
  it('are buttons of at least 44 × 44 px; 大鼠标 and 阅读辅助线 are toggles, 朗读 is not', async () => {
    const { context, page } = await newPage();
    await page.goto(served.site.url + SECTION.path);
    for (const name of ['大鼠标', '阅读辅助线', '朗读']) {
      const box = await button(page, name).boundingBox();
      expect(box, name).not.toBeNull();
      expect(box!.width, name).toBeGreaterThanOrEqual(44);
      expect(box!.height, name).toBeGreaterThanOrEqual(44);
    }
    expect(await button(page, '大鼠标').getAttribute('aria-pressed')).toBe('false');
    expect(await button(page, '阅读辅助线').getAttribute('aria-pressed')).toBe('false');
    expect(await button(page, '朗读').getAttribute('aria-pressed')).toBeNull();
    // 暂停 and 停止 only while reading.
    expect(await button(page, '暂停').isVisible()).toBe(false);
    expect(await button(page, '停止').isVisible()).toBe(false);
    await context.close();
  });

  it('fetch no aid code before use, and only the aid used', async () => {
    const { context, page, fetched } = await newPage();
    await page.goto(served.site.url + SECTION.path);
    await page.waitForLoadState('networkidle');
    expect(fetchedModule(fetched, 'prefs')).toBe(true);
    expect(fetchedModule(fetched, 'speak')).toBe(false);
    expect(fetchedModule(fetched, 'guide')).toBe(false);
    await button(page, '大鼠标').click();
    await page.waitForLoadState('networkidle');
    expect(fetchedModule(fetched, 'speak') || fetchedModule(fetched, 'guide')).toBe(false);
    await button(page, '朗读').click();
    await expect.poll(() => fetchedModule(fetched, 'speak')).toBe(true);
    expect(fetchedModule(fetched, 'guide')).toBe(false);
    await button(page, '阅读辅助线').click();
    await expect.poll(() => fetchedModule(fetched, 'guide')).toBe(true);
    await context.close();
  });
});

describe('大鼠标', () => {
  it('turns on and off from the keyboard, shows a large arrow and a hand on links, and is remembered', async () => {
    const { context, page } = await newPage();
    await page.goto(served.site.url);
    const cursor = (selector: string) => page.locator(selector).first().evaluate((e) => getComputedStyle(e).cursor);
    expect(await cursor('main p')).toBe('auto');

    await tabTo(page, '大鼠标');
    await page.keyboard.press('Enter');
    expect(await html(page, 'data-cursor')).toBe('large');
    expect(await button(page, '大鼠标').getAttribute('aria-pressed')).toBe('true');
    expect(await cursor('main p')).toMatch(/url\(".*\/arrow\.[\w-]+\.svg"\) 6 4, default/);
    expect(await cursor('main a[href]')).toMatch(/url\(".*\/hand\.[\w-]+\.svg"\) 17 4, pointer/);
    expect(await cursor('.reading-aids button')).toMatch(/hand\./);
    // The cursor images are files of the site ('self' in the CSP), 48 px.
    const arrow = (await cursor('main p')).match(/url\("([^"]+)"\)/)![1]!;
    const svg = await (await page.request.get(new URL(arrow, page.url()).href)).text();
    expect(svg).toMatch(/width="48" height="48"/);

    await page.locator(`main a[href$="/${LATEST.path}"]`).first().click();
    await page.waitForURL(new RegExp(`/${LATEST.path}$`));
    expect(await html(page, 'data-cursor')).toBe('large');
    expect(await button(page, '大鼠标').getAttribute('aria-pressed')).toBe('true');
    expect(await cursor('main p')).toMatch(/arrow\./);

    await button(page, '大鼠标').focus();
    await page.keyboard.press('Space');
    expect(await html(page, 'data-cursor')).toBeNull();
    expect(await button(page, '大鼠标').getAttribute('aria-pressed')).toBe('false');
    await page.reload();
    expect(await html(page, 'data-cursor')).toBeNull();
    expect(await cursor('main p')).toBe('auto');
    await context.close();
  });
});

describe('阅读辅助线', () => {
  const band = (page: Page) =>
    page.evaluate(() => {
      const b = document.querySelector('.reading-guide');
      if (!b) return null;
      const r = b.getBoundingClientRect();
      const cs = getComputedStyle(b);
      return { shown: cs.display !== 'none', top: r.top, bottom: r.bottom, width: r.width, events: cs.pointerEvents, hidden: b.getAttribute('aria-hidden') };
    });

  it('follows the pointer and the keyboard focus, is remembered across pages, and turns off', async () => {
    const { context, page, fetched } = await newPage({ voices: ZH }, 360);
    await page.goto(served.site.url + SECTION.path);
    await tabTo(page, '阅读辅助线');
    await page.keyboard.press('Space');
    expect(await html(page, 'data-guide')).toBe('on');
    expect(await button(page, '阅读辅助线').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => band(page).then((b) => b !== null)).toBe(true);

    await page.mouse.move(100, 400);
    await expect.poll(() => band(page).then((b) => b!.shown && b!.top < 400 && b!.bottom > 400)).toBe(true);
    const b = (await band(page))!;
    expect(b.width).toBe(360);
    expect(b.events).toBe('none');
    expect(b.hidden).toBe('true');

    // Keyboard focus moves it to the focused control.
    await page.locator('main a[href]').last().focus();
    const target = await page.locator('main a[href]').last().boundingBox();
    await expect.poll(() => band(page).then((g) => g!.top <= target!.y + 2 && g!.bottom >= target!.y)).toBe(true);

    // Remembered: the next page loads the guide's code itself and shows the band.
    const before = fetched.length;
    await page.goto(served.site.url + LATEST.path);
    expect(await html(page, 'data-guide')).toBe('on');
    expect(await button(page, '阅读辅助线').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => fetchedModule(fetched.slice(before), 'guide')).toBe(true);
    await page.mouse.move(50, 300);
    await expect.poll(() => band(page).then((g) => g?.shown && g.top < 300 && g.bottom > 300)).toBe(true);

    await openMenu(page);
    await button(page, '阅读辅助线').focus();
    await page.keyboard.press('Enter');
    expect(await html(page, 'data-guide')).toBeNull();
    expect(await button(page, '阅读辅助线').getAttribute('aria-pressed')).toBe('false');
    await page.mouse.move(50, 500);
    expect((await band(page))!.shown).toBe(false);
    await page.reload();
    expect(await html(page, 'data-guide')).toBeNull();
    await context.close();
  });
});

describe('朗读', () => {
  it('reads the section page’s heading and text in zh-CN, sentence by sentence, and nothing else', async () => {
    const { context, page } = await newPage();
    await page.goto(served.site.url + SECTION.path);
    await tabTo(page, '朗读');
    await page.keyboard.press('Enter');
    await expect.poll(() => log(page).then((l) => l.length)).toBe(1);
    expect(await button(page, '暂停').isVisible()).toBe(true);
    await speech(page, 'finish');
    const spoken = await log(page);
    expect(spoken.every((s) => s.lang === 'zh-CN' && s.voice === 'zh-CN')).toBe(true);
    expect(spoken[0]!.text).toBe(printedHeading(SECTION.data));
    const all = squash(spoken.map((s) => s.text).join(''));
    for (const line of bodyLines(SECTION.entry.body)) expect(all, line).toContain(squash(line));
    // Nothing but the heading and the body: their characters, in that order.
    expect(all).toBe(squash(printedHeading(SECTION.data) + (await page.locator('.report-text').evaluate((e) => e.textContent ?? ''))));
    // Sentence by sentence: no utterance runs past a sentence's end, none is long.
    for (const s of spoken) {
      expect(s.text.replace(/[。！？；]+[”’」』）)]*$/, ''), s.text).not.toMatch(/[。！？；]/);
      expect(s.text.length).toBeLessThanOrEqual(100);
    }
    expect(spoken.length).toBeGreaterThan(bodyLines(SECTION.entry.body).length / 2);
    // Done: the controls go away.
    await expect.poll(() => button(page, '暂停').isVisible()).toBe(false);
    await context.close();
  });

  it('reads the whole report on the report page, without the links the site adds', async () => {
    const { context, page } = await newPage();
    await page.goto(served.site.url + LATEST.path);
    await button(page, '朗读').click();
    await expect.poll(() => log(page).then((l) => l.length)).toBe(1);
    await speech(page, 'finish');
    const all = squash((await log(page)).map((s) => s.text).join(''));
    expect(all.startsWith(squash(LATEST.data.title))).toBe(true);
    for (const line of reportLines(LATEST)) expect(all, line).toContain(squash(line));
    expect(all).not.toContain('打开');
    await context.close();
  });

  it('暂停 stops, 继续 goes on from the same sentence, 停止 ends and gives focus back to 朗读', async () => {
    const { context, page } = await newPage();
    await page.goto(served.site.url + SECTION.path);
    await button(page, '朗读').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => log(page).then((l) => l.length)).toBe(1);
    await speech(page, 'end');
    await speech(page, 'end');
    expect((await log(page)).length).toBe(3);
    const third = (await log(page))[2]!.text;

    await tabTo(page, '暂停');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (window as unknown as { __speech: SpeechLog }).__speech.cancelled)).toBeGreaterThan(1);
    // The same button now says 继续, and keeps the focus.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('继续');
    // Once the cancelled sentence's 'interrupted' error has reached the page, nothing more is said.
    await expect.poll(() => interruptions(page)).toBeGreaterThan(0);
    expect((await log(page)).length).toBe(3);
    await page.keyboard.press('Enter');
    await expect.poll(() => log(page).then((l) => l.length)).toBe(4);
    expect((await log(page))[3]!.text).toBe(third);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('暂停');

    const before = await interruptions(page);
    await tabTo(page, '停止');
    await page.keyboard.press('Enter');
    await expect.poll(() => button(page, '停止').isVisible()).toBe(false);
    await expect.poll(() => interruptions(page)).toBeGreaterThan(before);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('朗读');
    expect((await log(page)).length).toBe(4);
    await context.close();
  });

  it('is hidden where the browser has no Chinese voice or no speech at all, and shown when a voice arrives late', async () => {
    for (const voices of [[{ lang: 'en-US', name: 'English (test)' }], [], null]) {
      const { context, page } = await newPage({ voices });
      await page.goto(served.site.url + SECTION.path);
      await page.waitForLoadState('networkidle');
      expect(await button(page, '朗读').isVisible(), JSON.stringify(voices)).toBe(false);
      expect(await html(page, 'data-speech')).toBeNull();
      // The other aids are there.
      expect(await button(page, '阅读辅助线').isVisible()).toBe(true);
      await context.close();
    }
    const { context, page } = await newPage({ voices: [{ lang: 'zh-HK', name: '粵語（測試）' }], lateMs: 300 });
    await page.goto(served.site.url + SECTION.path);
    await expect.poll(() => button(page, '朗读').isVisible()).toBe(true);
    await button(page, '朗读').click();
    await expect.poll(() => log(page).then((l) => l.length)).toBe(1);
    expect((await log(page))[0]).toMatchObject({ lang: 'zh-CN', voice: 'zh-HK' });
    await context.close();
  });
});

describe('with every aid on', () => {
  for (const width of [360, 1280]) {
    for (const size of [undefined, 'large', 'xlarge'] as const) {
      it(`axe finds no violations on a section page at ${width}px, text size ${size ?? 'standard'}`, async () => {
        const { context, page } = await newPage({ voices: ZH }, width);
        await withPrefs(context, { size });
        await context.addInitScript(() => {
          localStorage.setItem('fznb-cursor', 'large');
          localStorage.setItem('fznb-guide', 'on');
        });
        await page.goto(served.site.url + SECTION.path);
        await page.mouse.move(10, 300);
        await expect.poll(() => page.locator('.reading-guide').count()).toBe(1);
        await openMenu(page);
        expect(await button(page, '朗读').isVisible()).toBe(true);
        const results = await runAxe(page, { tags: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
        expect(violationLines(results.violations)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await context.close();
      });
    }
  }
});

describe('under a base path', () => {
  it('the aids’ code and the cursor images load from inside it', async () => {
    const { context, page } = await newPage({ voices: ZH }, 1280, portal);
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(r.url());
    });
    await page.goto(portal.site.url + SECTION.path);
    const base = new URL(portal.site.url).pathname;
    expect(base).toBe(PORTAL.base);
    for (const name of ['阅读辅助线', '朗读']) {
      expect(await button(page, name).getAttribute('data-module'), name).toMatch(new RegExp(`^${base}_astro/`));
    }
    await button(page, '大鼠标').click();
    await button(page, '阅读辅助线').click();
    await button(page, '朗读').click();
    await expect.poll(() => log(page).then((l) => l.length)).toBe(1);
    await expect.poll(() => page.locator('.reading-guide').count()).toBe(1);
    const arrow = (await page.locator('main p').first().evaluate((e) => getComputedStyle(e).cursor)).match(/url\("([^"]+)"\)/)![1]!;
    expect(new URL(arrow, page.url()).pathname.startsWith(base)).toBe(true);
    expect((await page.request.get(new URL(arrow, page.url()).href)).status()).toBe(200);
    expect(failed).toEqual([]);
    await context.close();
  });
});
