/**
 * Search cost against the number of reports: `npm run bench:search-scale`.
 *
 * For 1, 10 and 100 reports (BENCH_SIZES to change), two kinds of content, each written into a
 * temp content folder, accepted as staff accept a year (the record check), built and served:
 * - `repeated`: the real 2023 entries written again with the year changed (2023 → Y, 2024 → Y + 1);
 * - `varied`: reports whose texts differ: for each year, each real section's sentences shuffled
 *   and joined with sentences drawn from the other real sections and from the multi-year
 *   fixture's synthetic text (a seeded generator, so every run writes the same texts), the
 *   years changed as above; key figures are left out, since their sentences move.
 * For three common terms (and a 繁體 and a pinyin query) it prints, through the real search page
 * in Chromium from a cold cache: requests, bytes as sent (gzip) and uncompressed (the files'
 * own sizes), and time to the first results; then the median time per query once the index is
 * loaded. At the end, per kind: the largest site against the smallest, and each target.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT, buildSite } from '../tests/helpers/build.ts';
import { serve, type Served } from '../tests/helpers/serve.ts';
import { launch } from '../tests/helpers/browser.ts';
import { checkContentFolder } from '../src/domain/content-folder.ts';
import { errorsOf, formatProblems } from '../src/domain/check.ts';
import { DEFAULT_CONTENT_DIR } from '../src/domain/layout.ts';

const SIZES = (process.env.BENCH_SIZES ?? '1,10,100').split(',').map(Number);
const KINDS = (process.env.BENCH_KINDS ?? 'repeated,varied').split(',') as Kind[];
const TERMS = ['退役军人', '普法', '优待证'];
/** A 繁體 and a pinyin query. */
const ASSISTED = ['退役軍人', 'youdaizheng'];
const SOURCE_YEAR = 2023;
const ROUNDS = 5;
const SRC = join(ROOT, DEFAULT_CONTENT_DIR);
const FIXTURE = join(ROOT, 'tests/fixtures/multi-year/sections');

type Kind = 'repeated' | 'varied';

/** An entry rewritten for another year: the year and the year after it. */
function withYear(text: string, to: number): string {
  return text.replaceAll(String(SOURCE_YEAR + 1), '\u0000').replaceAll(String(SOURCE_YEAR), String(to)).replaceAll('\u0000', String(to + 1));
}

/** A small seeded generator (mulberry32), so the varied texts are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ (t + t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const bodyOf = (mdx: string) => mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
const sentences = (body: string) => body.split('\n').filter((l) => l.trim() && !l.startsWith('#')).flatMap((l) => l.match(/[^。；;]+[。；;]?/g) ?? []);

/** The sentences of the real sections and of the fixture's synthetic ones, to draw from. */
function sentencePool(): string[] {
  const real = readdirSync(join(SRC, 'sections', String(SOURCE_YEAR))).map((f) => readFileSync(join(SRC, 'sections', String(SOURCE_YEAR), f), 'utf8'));
  const fixture = readdirSync(FIXTURE).flatMap((y) => readdirSync(join(FIXTURE, y)).map((f) => readFileSync(join(FIXTURE, y, f), 'utf8')));
  return [...real, ...fixture].flatMap((m) => sentences(bodyOf(m)));
}

/** A section of the varied kind: its own sentences shuffled, with a few drawn from the pool, in paragraphs of four. */
function varied(mdx: string, year: number, order: number, pool: readonly string[]): string {
  const next = random(year * 100 + order);
  const front = /^---\n([\s\S]*?)\n---\n/.exec(mdx)![1]!.replace(/\nfigures:[\s\S]*$/, '');
  const own = sentences(bodyOf(mdx));
  const drawn = Array.from({ length: 2 + Math.floor(next() * 4) }, () => pool[Math.floor(next() * pool.length)]!);
  const all = [...own, ...drawn].map((s) => [next(), s] as const).sort((a, b) => a[0] - b[0]).map(([, s]) => s);
  const paragraphs: string[] = [];
  for (let i = 0; i < all.length; i += 4) paragraphs.push(all.slice(i, i + 4).join(''));
  return `---\n${front}\n---\n\n${paragraphs.join('\n\n')}\n`;
}

function writeContent(dir: string, count: number, kind: Kind) {
  const pool = kind === 'varied' ? sentencePool() : [];
  mkdirSync(join(dir, 'reports'), { recursive: true });
  for (let i = 0; i < count; i++) {
    const year = SOURCE_YEAR - count + 1 + i;
    writeFileSync(join(dir, 'reports', `${year}.mdx`), withYear(readFileSync(join(SRC, 'reports', `${SOURCE_YEAR}.mdx`), 'utf8'), year));
    mkdirSync(join(dir, 'sections', String(year)), { recursive: true });
    for (const f of readdirSync(join(SRC, 'sections', String(SOURCE_YEAR)))) {
      const mdx = readFileSync(join(SRC, 'sections', String(SOURCE_YEAR), f), 'utf8');
      const text = kind === 'repeated' || count === 1 ? mdx : varied(mdx, year, Number.parseInt(f, 10), pool);
      writeFileSync(join(dir, 'sections', String(year), f), withYear(text, year));
    }
  }
  const { problems } = checkContentFolder(dir, { root: ROOT, accept: true });
  if (errorsOf(problems).length) throw new Error(formatProblems(problems));
}

interface First {
  requests: number;
  sent: number;
  raw: number;
  ms: number;
}

/** The uncompressed size of what was requested: each path's file (or its index.html) in the built folder. */
function rawBytes(dist: string, paths: readonly string[], base: string): number {
  return paths.reduce((sum, p) => {
    const rel = decodeURIComponent(p).slice(base.length);
    for (const f of [join(dist, rel), join(dist, rel, 'index.html')]) {
      try {
        const s = statSync(f);
        if (s.isFile()) return sum + s.size;
      } catch {
        // not this one
      }
    }
    return sum;
  }, 0);
}

/** One first search from a cold cache, and (for the first term) the median time per query with the index loaded. */
async function firstSearch(browser: Browser, site: Served, dist: string, term: string, timed: boolean): Promise<First & { median?: number; status: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  site.resetSent();
  const t0 = performance.now();
  await page.goto(`${site.url}search/?q=${encodeURIComponent(term)}`);
  await page.waitForSelector('#search-results[data-query] li');
  const ms = performance.now() - t0;
  const sent = site.sent();
  const status = (await page.locator('#search-status').textContent()) ?? '';
  const times: number[] = [];
  for (let r = 0; timed && r < ROUNDS; r++) for (const t of TERMS) times.push(await timedQuery(page, t));
  await context.close();
  times.sort((a, b) => a - b);
  return { requests: sent.requests.length, sent: sent.bytes, raw: rawBytes(dist, sent.requests, new URL(site.url).pathname), ms, status, median: times[Math.floor(times.length / 2)] };
}

function timedQuery(page: import('playwright-core').Page, q: string): Promise<number> {
  return page.evaluate(async (q) => {
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
  }, q);
}

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const browser = await launch();
const rows: string[] = [];
/** Per kind and size: the largest first search of the common terms (bytes, raw bytes, requests). */
const worst = new Map<string, { sent: number; raw: number; requests: number }>();
let maxSent = 0;
let maxAssisted = 0;
let maxMedian = 0;
for (const kind of KINDS) {
  for (const n of SIZES) {
    const work = mkdtempSync(join(tmpdir(), 'fznb-search-scale-'));
    try {
      writeContent(join(work, 'content'), n, kind);
      const built = buildSite({ CONTENT_DIR: join(work, 'content'), OUT_DIR: join(work, 'dist') });
      if (built.status !== 0) throw new Error(built.output);
      const site = await serve(join(work, 'dist'));
      const w = { sent: 0, raw: 0, requests: 0 };
      for (const term of [...TERMS, ...ASSISTED]) {
        const f = await firstSearch(browser, site, join(work, 'dist'), term, term === TERMS[0]);
        if (TERMS.includes(term)) {
          w.sent = Math.max(w.sent, f.sent);
          w.raw = Math.max(w.raw, f.raw);
          w.requests = Math.max(w.requests, f.requests);
          maxSent = Math.max(maxSent, f.sent);
        } else maxAssisted = Math.max(maxAssisted, f.sent);
        rows.push(
          `${kind.padEnd(8)} ${String(n).padStart(4)} reports  ${term.padEnd(5, '　')} ${String(f.requests).padStart(3)} requests ` +
            `${kb(f.sent).padStart(9)} sent ${kb(f.raw).padStart(9)} raw  first results ${f.ms.toFixed(0).padStart(5)} ms  (${f.status})`,
        );
        if (f.median !== undefined) {
          maxMedian = Math.max(maxMedian, f.median);
          rows.push(`${kind.padEnd(8)} ${String(n).padStart(4)} reports  median time per query, index loaded: ${f.median.toFixed(1)} ms`);
        }
      }
      worst.set(`${kind} ${n}`, w);
      await site.close();
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
}
await browser.close();
console.log(rows.join('\n'));
const targets: [string, boolean][] = [];
for (const kind of KINDS) {
  const one = worst.get(`${kind} ${SIZES[0]}`)!;
  const last = worst.get(`${kind} ${SIZES.at(-1)}`)!;
  const raw = last.raw / one.raw;
  const req = last.requests / one.requests;
  console.log(
    `\n${kind}: ${SIZES.at(-1)} reports against ${SIZES[0]}: ${raw.toFixed(2)}× the uncompressed bytes (${kb(one.raw)} → ${kb(last.raw)}), ` +
      `${(last.sent / one.sent).toFixed(2)}× as sent, ${req.toFixed(2)}× the requests (${one.requests} → ${last.requests})`,
  );
  targets.push([`${kind}: uncompressed bytes ≤ 2× and requests ≤ 1.5× of ${SIZES[0]} report(s)`, raw <= 2 && req <= 1.5]);
}
console.log(`first search, simplified: at most ${kb(maxSent)} as sent (target ≤ 130 KB)`);
console.log(`first search, 繁體 or pinyin: at most ${kb(maxAssisted)} as sent (target ≤ 160 KB)`);
console.log(`median query time, index loaded: at most ${maxMedian.toFixed(1)} ms (target ≤ 30 ms)`);
targets.push(['first search ≤ 130 KB compressed', maxSent <= 130 * 1024], ['繁體 or pinyin first search ≤ 160 KB compressed', maxAssisted <= 160 * 1024], ['median query ≤ 30 ms', maxMedian <= 30]);
console.log(targets.map(([name, ok]) => `${ok ? 'PASS' : 'FAIL'}  ${name}`).join('\n'));
process.exitCode = targets.every(([, ok]) => ok) ? 0 : 1;
