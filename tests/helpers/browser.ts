/**
 * Chromium for browser tests and benchmarks: CHROMIUM_PATH, else Debian's Chromium. Tests
 * and benchmarks that only drive pages use its headless shell where it is installed
 * (chromium-headless-shell: the same Blink, the same version, without the browser around it;
 * the browser tests take about half the time in it). Lighthouse runs the whole browser.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

const FULL = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const SHELL = '/usr/bin/chromium-headless-shell';

function firstOf(candidates: (string | undefined)[]): string {
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error('找不到 Chromium：请安装（Debian：apt-get install -y chromium）或设置 CHROMIUM_PATH。');
  }
  return found;
}

/** The whole browser. */
export const chromiumPath = (): string => firstOf([process.env.CHROMIUM_PATH, ...FULL]);

/** The headless shell where installed, else the whole browser. */
export const headlessPath = (): string => firstOf([process.env.CHROMIUM_PATH, SHELL, ...FULL]);

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: headlessPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** What a test file uses of Chromium: its own pages and contexts, closed together at its end. */
export type FileBrowser = Pick<Browser, 'newPage' | 'newContext' | 'close'>;

/** The one Chromium of a test worker, launched when a file first asks (files run one after another and share modules). */
let shared: Promise<Browser> | undefined;

/**
 * For a test file: the worker's Chromium, as a browser of the file's own. Every page gets a
 * context of its own, closed with it, as Browser.newPage gives it; `close` closes every context
 * the file opened and left open, not the browser, which ends with the worker. Launching
 * Chromium for each file cost about 0.6 s.
 */
export async function fileBrowser(): Promise<FileBrowser> {
  const browser = await (shared ??= launch());
  const opened = new Set<BrowserContext>();
  const newContext: Browser['newContext'] = async (options) => {
    const context = await browser.newContext(options);
    opened.add(context);
    context.once('close', () => opened.delete(context));
    return context;
  };
  return {
    newContext,
    // As Browser.newPage: the page's own context, closed with it.
    newPage: async (options) => {
      const context = await newContext(options);
      const page = await context.newPage();
      page.once('close', () => void context.close());
      return page;
    },
    close: async () => {
      await Promise.all([...opened].map((c) => c.close()));
    },
  };
}
