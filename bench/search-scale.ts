/**
 * Search cost against the number of reports: `node bench/search-scale.ts`.
 *
 * For 1, 10 and 100 reports (BENCH_SIZES to change), writes the real 2023 entries again
 * with the year changed (2023 → Y, 2024 → Y + 1) into a temp content folder, accepts it as
 * staff accept a year (the record check), builds it and serves it with gzip. For three common
 * terms (and a 繁體 and a pinyin query) it prints, through the real search page in Chromium
 * from a cold cache: requests, bytes (compressed, counted at the server) and time to the
 * first results; then the median time per query once the index is loaded. At the end: the
 * largest site against the smallest, and each figure against its target.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, buildSite } from '../tests/helpers/build.ts';
import { serve } from '../tests/helpers/serve.ts';
import { launch } from '../tests/helpers/browser.ts';
import { checkContentFolder } from '../src/domain/content-folder.ts';
import { errorsOf, formatProblems } from '../src/domain/check.ts';
import { DEFAULT_CONTENT_DIR } from '../src/domain/layout.ts';

const SIZES = (process.env.BENCH_SIZES ?? '1,10,100').split(',').map(Number);
const TERMS = ['退役军人', '普法', '优待证'];
/** A 繁體 and a pinyin query: their first search may also fetch the 繁體 map or a pinyin file. */
const ASSISTED = ['退役軍人', 'youdaizheng'];
const SOURCE_YEAR = 2023;
const ROUNDS = 5;

/** An entry rewritten for another year: the year and the year after it. */
function withYear(text: string, to: number): string {
  return text
    .replaceAll(String(SOURCE_YEAR + 1), '\u0000')
    .replaceAll(String(SOURCE_YEAR), String(to))
    .replaceAll('\u0000', String(to + 1));
}

function writeContent(dir: string, count: number) {
  const src = join(ROOT, DEFAULT_CONTENT_DIR);
  mkdirSync(join(dir, 'reports'), { recursive: true });
  for (let i = 0; i < count; i++) {
    const year = SOURCE_YEAR - count + 1 + i;
    writeFileSync(join(dir, 'reports', `${year}.mdx`), withYear(readFileSync(join(src, 'reports', `${SOURCE_YEAR}.mdx`), 'utf8'), year));
    mkdirSync(join(dir, 'sections', String(year)), { recursive: true });
    for (const f of readdirSync(join(src, 'sections', String(SOURCE_YEAR)))) {
      writeFileSync(join(dir, 'sections', String(year), f), withYear(readFileSync(join(src, 'sections', String(SOURCE_YEAR), f), 'utf8'), year));
    }
  }
  const { problems } = checkContentFolder(dir, { root: ROOT, accept: true });
  if (errorsOf(problems).length) throw new Error(formatProblems(problems));
}

const browser = await launch();
const rows: string[] = [];
const firstBytes = new Map<number, { bytes: number; requests: number }>();
let maxPlain = 0;
let maxAssisted = 0;
let maxMedian = 0;
for (const n of SIZES) {
  const work = mkdtempSync(join(tmpdir(), 'fznb-search-scale-'));
  try {
    writeContent(join(work, 'content'), n);
    const built = buildSite({ CONTENT_DIR: join(work, 'content'), OUT_DIR: join(work, 'dist') });
    if (built.status !== 0) throw new Error(built.output);
    const site = await serve(join(work, 'dist'));
    let maxBytes = 0;
    let maxRequests = 0;
    for (const term of [...TERMS, ...ASSISTED]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      site.resetSent();
      const t0 = performance.now();
      await page.goto(`${site.url}search/?q=${encodeURIComponent(term)}`);
      await page.waitForSelector('#search-results[data-query] li');
      const ms = performance.now() - t0;
      const sent = site.sent();
      const shown = await page.locator('#search-results li').count();
      const status = await page.locator('#search-status').textContent();
      if (TERMS.includes(term)) {
        maxBytes = Math.max(maxBytes, sent.bytes);
        maxRequests = Math.max(maxRequests, sent.requests.length);
        maxPlain = Math.max(maxPlain, sent.bytes);
      } else maxAssisted = Math.max(maxAssisted, sent.bytes);
      rows.push(
        `${String(n).padStart(4)} reports  ${term.padEnd(5, '　')} ${String(sent.requests.length).padStart(4)} requests ` +
          `${(sent.bytes / 1024).toFixed(1).padStart(7)} KB  first results ${ms.toFixed(0).padStart(5)} ms  drawn ${shown}  (${status})`,
      );
      // With the index loaded: the same page, each term again.
      const times: number[] = [];
      for (let r = 0; r < (term === TERMS[0] ? ROUNDS : 0); r++) {
        for (const t of TERMS) {
          times.push(
            await page.evaluate(async (q) => {
              const form = document.getElementById('search-form') as HTMLFormElement;
              const list = document.getElementById('search-results')!;
              delete list.dataset.query;
              const t0 = performance.now();
              (form.elements.namedItem('q') as HTMLInputElement).value = q;
              form.requestSubmit();
              await new Promise<void>((resolve) => {
                const done = () => list.dataset.query === q && !list.hasAttribute('aria-busy');
                if (done()) return resolve();
                const mo = new MutationObserver(() => done() && (mo.disconnect(), resolve()));
                mo.observe(list, { attributes: true, childList: true });
              });
              return performance.now() - t0;
            }, t),
          );
        }
      }
      times.sort((a, b) => a - b);
      if (term === TERMS[0]) {
        const median = times[Math.floor(times.length / 2)]!;
        maxMedian = Math.max(maxMedian, median);
        rows.push(`${String(n).padStart(4)} reports  median time per query, index loaded: ${median.toFixed(1)} ms`);
      }
      await context.close();
    }
    firstBytes.set(n, { bytes: maxBytes, requests: maxRequests });
    await site.close();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
await browser.close();
console.log(rows.join('\n'));
const one = firstBytes.get(SIZES[0]!)!;
const last = firstBytes.get(SIZES.at(-1)!)!;
console.log(
  `\n${SIZES.at(-1)} reports against ${SIZES[0]}: ${(last.bytes / one.bytes).toFixed(2)}× the bytes, ${(last.requests / one.requests).toFixed(2)}× the requests (target ≤ 1.5×)`,
);
console.log(`first search, simplified: at most ${(maxPlain / 1024).toFixed(1)} KB (target ≤ 130 KB)`);
console.log(`first search, 繁體 or pinyin: at most ${(maxAssisted / 1024).toFixed(1)} KB (target ≤ 160 KB)`);
console.log(`median query time, index loaded: at most ${maxMedian.toFixed(1)} ms (target ≤ 30 ms)`);
