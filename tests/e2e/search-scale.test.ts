/**
 * Search over 100 reports, in Chromium: the multi-year fixture's entries written again for
 * 100 years (years changed, nothing else) into this test's temp folder, accepted by the
 * content check as staff accept a year, built once. A term printed once a year finds 100
 * sections: the page draws a page of them, fetching the text of those only, 更多结果 draws
 * the next page, and the filter counts stay exact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDeployment } from '../helpers/build';
import { FIXTURES_DIR, runScript } from '../helpers/fixtures';
import { serve, type Served } from '../helpers/serve';
import { fileBrowser, type FileBrowser } from '../helpers/browser';
import { PAGE as SHOWN } from '../../src/search/page';
import { expectedSite, sectionsContaining, type ExpectedSite } from '../helpers/expected';

const REPORTS = 100;
/** Years long past, so every date the entries print stays before today (the check refuses future dates). */
const FIRST = 1900;
const SOURCE = join(FIXTURES_DIR, 'multi-year');
/** Printed once in each year's 主要举措和成效 section (the fixture's README). */
const EACH_YEAR = '示例普法';

/** An entry of the source year rewritten for another year: the year and the year after it. */
export function withYear(text: string, from: number, to: number): string {
  return text.replaceAll(String(from + 1), '\u0000').replaceAll(String(from), String(to)).replaceAll('\u0000', String(to + 1));
}

function writeContent(dir: string) {
  const years = readdirSync(join(SOURCE, 'reports')).map((f) => Number(f.slice(0, 4))).sort();
  for (let i = 0; i < REPORTS; i++) {
    const from = years[i % years.length]!;
    const to = FIRST + i;
    mkdirSync(join(dir, 'reports'), { recursive: true });
    writeFileSync(join(dir, 'reports', `${to}.mdx`), withYear(readFileSync(join(SOURCE, 'reports', `${from}.mdx`), 'utf8'), from, to));
    mkdirSync(join(dir, 'sections', String(to)), { recursive: true });
    for (const f of readdirSync(join(SOURCE, 'sections', String(from)))) {
      writeFileSync(join(dir, 'sections', String(to), f), withYear(readFileSync(join(SOURCE, 'sections', String(from), f), 'utf8'), from, to));
    }
  }
  runScript('scripts/check.ts', ['--accept'], dir);
}

let work: string;
let site: Served;
let browser: FileBrowser;
let expected: ExpectedSite;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'fznb-search-scale-'));
  const content = join(work, 'content');
  writeContent(content);
  const r = buildDeployment({ contentDir: content, outDir: join(work, 'dist') });
  if (r.status !== 0) throw new Error(r.output);
  expected = expectedSite(content);
  site = await serve(join(work, 'dist'));
  browser = await fileBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('search over 100 reports', () => {
  it('draws a page of results at a time with 更多结果, reading only their texts, and counts every year exactly', async () => {
    expect(expected.reports).toHaveLength(REPORTS);
    const all = sectionsContaining(expected, EACH_YEAR);
    expect(all).toHaveLength(REPORTS);
    const page = await browser.newPage();
    // The results' texts: one file per unit (src/search/term-index.ts textFile).
    const texts = new Set<string>();
    page.on('request', (r) => {
      if (/\/terms\/[^/]+\/hans\/\d+\.json$/.test(r.url())) texts.add(r.url());
    });
    await page.goto(`${site.url}search/?q=${encodeURIComponent(EACH_YEAR)}`);
    const items = page.locator('#search-results li');
    await expect.poll(() => page.locator('#search-results').getAttribute('data-query')).toBe(EACH_YEAR);
    expect(await items.count()).toBe(SHOWN);
    expect(SHOWN).toBeLessThanOrEqual(20);
    // Ranking and counts come from the term index: only the texts drawn are fetched.
    expect(texts.size).toBeGreaterThan(0);
    expect(texts.size).toBeLessThanOrEqual(SHOWN);
    expect(await page.locator('#search-status').textContent()).toBe(`找到 ${REPORTS} 个包含“${EACH_YEAR}”的部分`);

    const more = page.getByRole('button', { name: '更多结果' });
    await more.click();
    await expect.poll(() => items.count()).toBe(2 * SHOWN);
    expect(texts.size).toBeLessThanOrEqual(2 * SHOWN);
    // Focus moves to the first result drawn, so a keyboard reader goes on from there.
    expect(await page.evaluate((n) => document.activeElement?.closest('li') === document.querySelectorAll('#search-results li')[n], SHOWN)).toBe(true);
    expect(new Set(await page.locator('#search-results li a.result-title').allTextContents()).size).toBe(2 * SHOWN);

    const options = await page.locator('#search-year option').allTextContents();
    expect(options).toEqual(['全部年度', ...expected.reports.map((r) => `${r.year}年（${all.filter((s) => s.year === r.year).length}）`)]);
    const items_ = await page.locator('#search-item option').allTextContents();
    expect(items_).toContain(`主要举措和成效（${REPORTS}）`);
    await page.close();
  });
});
