/**
 * Printing a report: a clean official-looking document (title, metadata, contents, text,
 * signature, the page's address) with none of the site's chrome, whatever the reader chose
 * on screen; and the 打印 button, shown only where JavaScript can open the print dialog.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { servedSite } from '../helpers/served';
import { LATEST, SECTION, withPrefs, type Prefs } from './pages';
import { signatureLines } from '../../src/domain/report.ts';

const served = servedSite();

/** Site chrome that must not print: header (search, navigation, reading aids), footer, and the rest. */
const CHROME = [
  '.skip-link',
  'header.site-header',
  'form[role=search]',
  '.reading-aids',
  '[data-print]',
  'footer.site-footer',
  '.breadcrumbs',
  '.pager',
  '.section-own-page',
  '[data-chrome]',
];

async function printView(path: string, prefs: Prefs = {}): Promise<Page> {
  const context = await served.browser.newContext();
  await withPrefs(context, prefs);
  const page = await context.newPage();
  await page.goto(served.site.url + path);
  await page.emulateMedia({ media: 'print' });
  return page;
}

/** Elements matching a selector that would print (are rendered), as short descriptions. */
function printed(page: Page, selectors: string[]): Promise<string[]> {
  return page.evaluate(
    (sels) =>
      sels.flatMap((sel) =>
        [...document.querySelectorAll<HTMLElement>(sel)]
          .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
          .map((el) => `${sel}: ${el.textContent?.trim().slice(0, 20)}`),
      ),
    selectors,
  );
}

describe('print', () => {
  it('the report prints without chrome, with title, metadata, contents, text, signature and address', async () => {
    const page = await printView(LATEST.path);
    expect(await printed(page, CHROME)).toEqual([]);
    for (const sel of ['h1', '.doc-meta', '.contents', '.report-text', '.signature', '.print-source']) {
      expect(await page.locator(sel).first().isVisible(), sel).toBe(true);
    }
    expect(await page.locator('h1').textContent()).toBe(LATEST.data.title);
    expect(await page.locator('.signature').innerText()).toContain(signatureLines(LATEST.data).at(-1));
    // The address of the page, not of every link: links print as plain text.
    expect(await page.locator('.print-source').innerText()).toMatch(new RegExp(`^本页网址：\\S*/${LATEST.path}$`));
    const links = await page.locator('main a').evaluateAll((as) =>
      as
        .filter((a) => a.getClientRects().length > 0)
        .map((a) => {
          const cs = getComputedStyle(a);
          const after = getComputedStyle(a, '::after').content;
          return `${cs.color} ${cs.textDecorationLine} ${after === 'none' || after === 'normal' ? '' : after}`.trim();
        }),
    );
    expect(new Set(links)).toEqual(new Set(['rgb(0, 0, 0) none']));
    await page.context().close();
  });

  it('sets text in a serif CJK face, keeps headings with what follows, avoids orphans and widows', async () => {
    const page = await printView(LATEST.path);
    const style = await page.evaluate(() => {
      const cs = (sel: string) => getComputedStyle(document.querySelector(sel)!);
      return {
        body: cs('.report-text p').fontFamily,
        title: cs('h1').fontFamily,
        headings: [...document.querySelectorAll('main h1, main h2, main h3')].map((h) => getComputedStyle(h).breakAfter),
        orphans: cs('.report-text p').orphans,
        widows: cs('.report-text p').widows,
        signature: cs('.signature').breakInside,
      };
    });
    expect(style.body).toMatch(/^"?FangSong_GB2312"?, "?FangSong"?, "?仿宋_GB2312"?, "?仿宋"?/);
    expect(style.body).toMatch(/"?宋体"?.*serif$/);
    expect(style.title).toMatch(/小标宋.*serif$/);
    expect(new Set(style.headings)).toEqual(new Set(['avoid']));
    expect(Number(style.orphans)).toBeGreaterThanOrEqual(2);
    expect(Number(style.widows)).toBeGreaterThanOrEqual(2);
    expect(style.signature).toBe('avoid');
    await page.context().close();
  });

  it('prints black on white at the standard size even when the reader chose 特大 and high contrast', async () => {
    const page = await printView(SECTION.path, { size: 'xlarge', contrast: 'high' });
    const look = await page.evaluate(() => ({
      root: parseFloat(getComputedStyle(document.documentElement).fontSize),
      bg: getComputedStyle(document.documentElement).backgroundColor,
      text: getComputedStyle(document.querySelector('.report-text p')!).color,
    }));
    // 16pt (三号), the size of official document text, is 21⅓ CSS px.
    expect(look.root).toBeCloseTo((16 * 96) / 72, 2);
    expect(look).toMatchObject({ bg: 'rgb(255, 255, 255)', text: 'rgb(0, 0, 0)' });
    expect(await printed(page, CHROME)).toEqual([]);
    // A section printed alone is headed by its report's title.
    expect(await page.locator('.eyebrow').isVisible()).toBe(true);
    await page.context().close();
  });

  it('page.pdf() gives an A4 document, a report longer than a page on several pages', async () => {
    const context = await served.browser.newContext();
    const page = await context.newPage();
    await page.goto(served.site.url + LATEST.path);
    await page.emulateMedia({ media: 'print' });
    expect(await printed(page, CHROME)).toEqual([]);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(2);
    // A4 is 595 × 842 points.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
    await context.close();
  });

  // pdftotext comes from Debian's poppler-utils, which .ci/run installs.
  it('the PDF’s text has the report and its signature and none of the site chrome', async () => {
    const context = await served.browser.newContext();
    const page = await context.newPage();
    await page.goto(served.site.url + LATEST.path);
    const file = join(mkdtempSync(join(tmpdir(), 'print-')), 'report.pdf');
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
    await context.close();
    const text = execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
    expect(text).toContain(LATEST.data.title.slice(0, 12));
    expect(text).toContain(signatureLines(LATEST.data).at(-1));
    expect(text).toContain('本页网址');
    expect(text).toMatch(/—\s*1\s*—/); // page numbers as in official documents
    for (const chrome of ['跳到正文', '字号', '高对比度', '搜索报告', '主办单位', '单独阅读本部分', '返回报告全文']) {
      expect(text, chrome).not.toContain(chrome);
    }
  });

  it('the 打印 button, on report and section pages, shows only with JavaScript and opens the print dialog', async () => {
    const probe = await served.browser.newPage();
    const wired: string[] = [];
    for (const path of [LATEST.path, SECTION.path]) {
      await probe.goto(served.site.url + path);
      if ((await probe.locator('[data-print]').count()) > 0) wired.push(path);
    }
    await probe.close();
    // Page.astro shows it with `printable`; the report and section pages pass it.
    expect(wired).toEqual([LATEST.path, SECTION.path]);

    for (const path of wired) {
      const context = await served.browser.newContext();
      await context.addInitScript(() => {
        window.print = () => {
          (window as unknown as { printed: number }).printed = ((window as unknown as { printed?: number }).printed ?? 0) + 1;
        };
      });
      const page = await context.newPage();
      await page.goto(served.site.url + path);
      const button = page.getByRole('button', { name: '打印' });
      expect(await button.isVisible()).toBe(true);
      await button.click();
      expect(await page.evaluate(() => (window as unknown as { printed?: number }).printed)).toBe(1);
      await context.close();

      const noJs = await served.browser.newContext({ javaScriptEnabled: false });
      const plain = await noJs.newPage();
      await plain.goto(served.site.url + path);
      expect(await plain.locator('[data-print]').isVisible()).toBe(false);
      await noJs.close();
    }
  });
});
