/**
 * Printing a report: a document laid out as GB/T 9704-2012 lays out official documents (A4,
 * 版心 156 × 225 mm, 22 lines of 28 characters, the title broken only between words, page
 * numbers alternating sides, the signature of a document without seal), with none of the
 * site's chrome, metadata block or contents, whatever the reader chose on screen; and 打印: a
 * link to how to print with the browser's own command, which with JavaScript opens the print
 * dialog at once.
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
  '.back-links',
  '.print-help',
  'details.header-menu',
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
  it('the report prints as a document: title, text, signature and address, without chrome, metadata block or contents', async () => {
    const report = await printView(LATEST.path);
    expect(await printed(report, [...CHROME, '.doc-meta', '.contents', '.figures-panel'])).toEqual([]);
    for (const sel of ['h1', '.report-text', '.signature', '.print-source']) {
      expect(await report.locator(sel).first().isVisible(), sel).toBe(true);
    }
    expect(await report.locator('h1').textContent()).toBe(LATEST.data.title);
    expect(await report.locator('.signature').innerText()).toContain(signatureLines(LATEST.data).at(-1));
    // The address of the page, not of every link: links print as plain text.
    expect(await report.locator('.print-source').innerText()).toMatch(new RegExp(`^本页网址：\\S*/${LATEST.path}$`));
    await report.context().close();
    // A section page prints its report's title, a link on screen, as plain text.
    const page = await printView(SECTION.path);
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

  it('打印, on report and section pages: with JavaScript it opens the print dialog, without it it shows how to print', async () => {
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
      const button = page.getByRole('link', { name: '打印' });
      expect(await button.isVisible()).toBe(true);
      await button.click();
      expect(await page.evaluate(() => (window as unknown as { printed?: number }).printed)).toBe(1);
      await context.close();

      // Without JavaScript: the same link shows the 如何打印 box, which itself never prints.
      const noJs = await served.browser.newContext({ javaScriptEnabled: false });
      const plain = await noJs.newPage();
      await plain.goto(served.site.url + path);
      expect(await plain.locator('#print-help').isVisible()).toBe(false);
      await plain.getByRole('link', { name: '打印' }).click();
      await plain.waitForURL(/#print-help$/);
      expect(await plain.locator('#print-help').isVisible()).toBe(true);
      expect(await plain.locator('#print-help').innerText()).toMatch(/Ctrl\+P/);
      await plain.emulateMedia({ media: 'print' });
      expect(await printed(plain, CHROME)).toEqual([]);
      await noJs.close();
    }
  });
});

describe('print, a year set beside the last (/items/<slug>/)', () => {
  it('stacks the two texts, keeps the key, and marks changes without colour: underlined, struck through', async () => {
    const page = await printView('items/measures/', { contrast: 'high' });
    expect(await printed(page, [...CHROME, '.repeat-share a', '.plans-link', '.visually-hidden'])).toEqual([]);
    expect(await page.locator('.mark-key').isVisible()).toBe(true);
    const look = await page.evaluate(() => {
      const compare = document.querySelector('.compare')!;
      const [first, second] = [...compare.children].map((c) => c.getBoundingClientRect());
      const style = (sel: string) => {
        const cs = getComputedStyle(document.querySelector(sel)!);
        return { line: cs.textDecorationLine, color: cs.color, background: cs.backgroundColor };
      };
      return { stacked: second!.top >= first!.bottom, ins: style('.compare ins'), del: style('.compare del') };
    });
    expect(look.stacked).toBe(true);
    expect(look.ins).toEqual({ line: 'underline', color: 'rgb(0, 0, 0)', background: 'rgba(0, 0, 0, 0)' });
    expect(look.del).toEqual({ line: 'line-through', color: 'rgb(0, 0, 0)', background: 'rgba(0, 0, 0, 0)' });
    await page.context().close();
  });
});

describe('print as GB/T 9704-2012 lays out an official document', () => {
  /**
   * The fixture's newest report made long: its first section given 14 more synthetic paragraphs,
   * put into the built page as the build writes a paragraph (a <p> in the section's text), so
   * the print layout is tried over many pages without building a site for it.
   */
  async function openLong(page: Page): Promise<void> {
    await page.goto(`${served.site.url}${LATEST.path}`);
    const para = '示例局（测试）在这一年里持续开展测试性的普法宣传教育活动，组织干部职工学习法律法规，提升依法行政能力，所有文字均为排版测试用的虚构内容。';
    const added = await page.locator('#section-1 .section-text').evaluate((text, p) => {
      for (let i = 0; i < 14; i++) text.append('\n', Object.assign(document.createElement('p'), { textContent: p }));
      return text.querySelectorAll('p').length;
    }, para.repeat(3));
    expect(added).toBeGreaterThan(14);
  }

  async function pdfText(): Promise<string[]> {
    const context = await served.browser.newContext();
    const page = await context.newPage();
    await openLong(page);
    const file = join(mkdtempSync(join(tmpdir(), 'print-')), 'long.pdf');
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
    await context.close();
    return execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
  }

  it('22 lines of 28 characters on a full page, page numbers “— N —” right on odd pages and left on even ones', async () => {
    const pages = await pdfText();
    expect(pages.length).toBeGreaterThanOrEqual(5);
    const full: number[] = [];
    for (const [i, text] of pages.entries()) {
      const n = i + 1;
      // The page's address (本页网址, small print after the signature) is no line of the text.
      const lines = text.split('\n').filter((l) => l.trim() && !l.trim().startsWith('本页网址'));
      const number = lines.pop()!;
      expect(number.replace(/\s+/g, ''), `page ${n}`).toBe(`—${n}—`);
      // Odd pages: the number near the right edge; even pages: at the left.
      expect(number.search(/\S/) > 20, `page ${n}`).toBe(n % 2 === 1);
      // No page holds more than the 版心's 22 lines, or lines longer than 28 characters.
      expect(lines.length, `page ${n}`).toBeLessThanOrEqual(22);
      expect(Math.max(...lines.map((l) => l.trim().length)), `page ${n}`).toBeLessThanOrEqual(28);
      if (lines.length === 22 && lines.filter((l) => l.trim().length === 28).length > 10) full.push(n);
    }
    // The long section's pages are full: a page short of 22 lines only where a heading or a
    // paragraph's last two lines must move on with what follows.
    expect(full.length).toBeGreaterThanOrEqual(3);
  });

  it('the title is 二号, not bold, on the line grid, and breaks only between words', async () => {
    const context = await served.browser.newContext();
    const page = await context.newPage();
    await openLong(page);
    await page.emulateMedia({ media: 'print' });
    const title = await page.evaluate(() => {
      const h1 = document.querySelector('h1')!;
      const cs = getComputedStyle(h1);
      return { size: cs.fontSize, weight: cs.fontWeight, breaks: h1.querySelectorAll('wbr').length, text: h1.textContent };
    });
    expect(title).toMatchObject({ size: `${(22 * 96) / 72}px`.replace(/(\.\d{4})\d+px/, '$1px'), weight: '400', text: LATEST.data.title });
    expect(title.breaks).toBeGreaterThan(2);
    const body = await page.evaluate(() => getComputedStyle(document.querySelector('.report-text p')!).lineHeight);
    expect(parseFloat(body)).toBeCloseTo((28.95 * 96) / 72, 1);
    await context.close();
  });

  it('the signature: the agency two characters in from the right, the date starting two characters right of it', async () => {
    const context = await served.browser.newContext();
    const page = await context.newPage();
    await openLong(page);
    await page.emulateMedia({ media: 'print' });
    const [agency, date] = await page.locator('.signature p').evaluateAll((ps) =>
      ps.map((p) => {
        const range = document.createRange();
        range.selectNodeContents(p);
        const r = range.getBoundingClientRect();
        return { left: r.left, right: r.right, em: parseFloat(getComputedStyle(p).fontSize) };
      }),
    );
    const textRight = await page.locator('.report-text').evaluate((el) => el.getBoundingClientRect().right);
    const em = agency!.em;
    // The longer of the two lines ends two characters in from the right of the text block.
    expect(Math.max(agency!.right, date!.right)).toBeCloseTo(textRight - 2 * em, -1);
    expect(date!.left - agency!.left).toBeCloseTo(2 * em, -1);
    await context.close();
  });
});
