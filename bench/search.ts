/**
 * Search quality and cost, measured in real Chromium: `npm run bench:search`.
 *
 * Builds the site, serves it with gzip as a web server would, runs every query of
 * bench/search-queries.json through the search page (Pagefind's JavaScript API underneath)
 * and prints recall@5, precision@1, absent terms, whole-term highlighting, time per query
 * once the index is loaded, and bytes fetched from page load to the first results.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildSite, ROOT } from '../tests/helpers/build.ts';
import { serve } from '../tests/helpers/serve.ts';
import { launch } from '../tests/helpers/browser.ts';
import { fold } from '../src/search/engine.ts';

interface Query {
  q: string;
  kind: string;
  expected: string[];
  primary?: string;
}

const { queries } = JSON.parse(readFileSync(join(ROOT, 'bench/search-queries.json'), 'utf8')) as { queries: Query[] };
const ROUNDS = 3;

const built = buildSite();
if (built.status !== 0) {
  console.error(built.output);
  process.exit(1);
}
const site = await serve(built.outDir);
const browser = await launch();

/** Submits a query on the search page and resolves when its results are on screen. */
function runQuery(page: Page, q: string) {
  return page.evaluate(async (q) => {
    const form = document.getElementById('search-form') as HTMLFormElement;
    const input = form.elements.namedItem('q') as HTMLInputElement;
    const list = document.getElementById('search-results') as HTMLOListElement;
    delete list.dataset.query;
    const done = () => list.dataset.query === q && !list.hasAttribute('aria-busy');
    const t0 = performance.now();
    input.value = q;
    form.requestSubmit();
    await new Promise<void>((resolve) => {
      if (done()) return resolve();
      const mo = new MutationObserver(() => done() && (mo.disconnect(), resolve()));
      mo.observe(list, { attributes: true, childList: true });
    });
    const ms = performance.now() - t0;
    const items = [...list.querySelectorAll('li')];
    return {
      ms,
      hrefs: items.map((li) => li.querySelector('a')!.getAttribute('href')!),
      marks: items.slice(0, 5).map((li) => [...li.querySelectorAll('mark')].map((m) => m.textContent!)),
    };
  }, q);
}

const sectionKey = (href: string) => new URL(href, site.url).pathname.replace(/^\/|\/$/g, '');

// 1. Bytes from page load to the first results, two ways a reader gets there.
// Counted at the server, so requests made by Pagefind's worker count too; each page
// has a browser context of its own, so nothing comes from cache.
const cold = await browser.newPage();
site.resetSent();
await cold.goto(`${site.url}search/?q=${encodeURIComponent('优待证')}`);
await cold.waitForSelector('#search-results[data-query] li');
const viaSearchPage = site.sent();
await cold.close();

const header = await browser.newPage();
site.resetSent();
await header.goto(site.url);
await header.waitForLoadState('networkidle');
const beforeInteraction = site.sent();
await header.focus('#site-search-q');
await header.keyboard.type('优待证');
await header.waitForSelector('#site-search-panel li');
const viaHeader = site.sent();
await header.close();

// 2. Quality and time, with the index loaded.
const page = await browser.newPage();
await page.goto(`${site.url}search/`);
await runQuery(page, '退役'); // load the index once
const times: number[] = [];
const rows: string[] = [];
let presentN = 0;
let recallSum = 0;
let fullRecall = 0;
let p1 = 0;
let absentN = 0;
let absentEmpty = 0;
let marksChecked = 0;
let marksWhole = 0;
/** Sections listed that do not contain the query. */
let extra = 0;
for (let round = 0; round < ROUNDS; round++) {
  for (const query of queries) {
    const r = await runQuery(page, query.q);
    times.push(r.ms);
    if (round > 0) continue;
    const got = r.hrefs.map(sectionKey);
    extra += got.filter((g) => !query.expected.includes(g)).length;
    if (!query.expected.length) {
      absentN++;
      if (!got.length) absentEmpty++;
      rows.push(`${query.kind.padEnd(8)} ${query.q.padEnd(14)} absent  got=${got.length}`);
      continue;
    }
    presentN++;
    const top5 = got.slice(0, 5);
    const found = query.expected.filter((e) => top5.includes(e)).length;
    const recall = found / Math.min(5, query.expected.length);
    recallSum += recall;
    if (query.expected.every((e) => got.includes(e)) && got.length === query.expected.length) fullRecall++;
    if (got[0] === query.primary) p1++;
    const term = fold(query.q).folded;
    for (const m of r.marks.flat()) {
      marksChecked++;
      if (fold(m).folded === term) marksWhole++;
    }
    rows.push(
      `${query.kind.padEnd(8)} ${query.q.padEnd(14)} r@5=${recall.toFixed(2)} p@1=${got[0] === query.primary ? 1 : 0} ` +
        `hits=${got.length}/${query.expected.length} top=${got[0] ?? '-'} want=${query.primary}`,
    );
  }
}
// 3. The same queries through Pagefind alone (its ranking, its excerpts), for comparison.
const stock = await page.evaluate(async (qs) => {
  const pf = await import(`${location.origin}/pagefind/pagefind.js`);
  await pf.init();
  const out: { urls: string[]; marks: string[] }[] = [];
  for (const q of qs) {
    const { results } = await pf.search(q);
    const data = await Promise.all(results.map((r: { data(): Promise<{ url: string; excerpt: string }> }) => r.data()));
    out.push({
      urls: data.map((d) => d.url),
      marks: data.slice(0, 5).flatMap((d) => [...d.excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]!)),
    });
  }
  return out;
}, queries.map((q) => q.q));
let stockRecall = 0;
let stockP1 = 0;
let stockAbsent = 0;
let stockExtra = 0;
let stockMarks = 0;
let stockWhole = 0;
queries.forEach((query, i) => {
  const got = stock[i]!.urls.map(sectionKey);
  stockExtra += got.filter((g) => !query.expected.includes(g)).length;
  if (!query.expected.length) {
    if (!got.length) stockAbsent++;
    return;
  }
  stockRecall += query.expected.filter((e) => got.slice(0, 5).includes(e)).length / Math.min(5, query.expected.length);
  if (got[0] === query.primary) stockP1++;
  const term = fold(query.q).folded;
  for (const m of stock[i]!.marks) {
    stockMarks++;
    if (fold(m).folded === term) stockWhole++;
  }
});

await browser.close();
await site.close();

times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const recallAt5 = recallSum / presentN;
const precisionAt1 = p1 / presentN;

console.log(rows.join('\n'));
console.log(`
Queries: ${queries.length} (${presentN} present, ${absentN} absent), ${ROUNDS} rounds for timing
recall@5 (present terms):      ${(recallAt5 * 100).toFixed(1)}%   (all hits exactly the expected sections: ${fullRecall}/${presentN})
precision@1:                   ${(precisionAt1 * 100).toFixed(1)}%   (${p1}/${presentN})
absent terms with no result:   ${absentEmpty}/${absentN}
whole-term highlights:         ${marksWhole}/${marksChecked} marks in the first five excerpts
time per query (index loaded): median ${pct(0.5).toFixed(1)} ms, p95 ${pct(0.95).toFixed(1)} ms (${times.length} runs)
bytes to first results, cold cache, compressed as served:
  /search/?q=优待证 opened directly: ${kb(viaSearchPage.bytes)} in ${viaSearchPage.requests.length} requests
  home page, then typing in the header field: ${kb(viaHeader.bytes)} in ${viaHeader.requests.length} requests
    (of which before the reader touched the field: ${kb(beforeInteraction.bytes)} in ${beforeInteraction.requests.length} requests)`);

console.log(`
Pagefind alone on the same index, for comparison:
recall@5 ${((stockRecall / presentN) * 100).toFixed(1)}%, precision@1 ${((stockP1 / presentN) * 100).toFixed(1)}% (${stockP1}/${presentN}), ` +
  `absent terms with no result ${stockAbsent}/${absentN}, sections listed that lack the term ${stockExtra} (this site: ${extra}), ` +
  `whole-term highlights ${stockWhole}/${stockMarks}`);

const targets = [
  ['recall@5 = 100%', recallAt5 === 1],
  ['precision@1 >= 95%', precisionAt1 >= 0.95],
  ['absent terms return nothing', absentEmpty === absentN],
  ['first results within 130 KB', Math.max(viaSearchPage.bytes, viaHeader.bytes) <= 130 * 1024],
] as const;
console.log(targets.map(([name, ok]) => `${ok ? 'PASS' : 'FAIL'}  ${name}`).join('\n'));
if (process.env.BENCH_VERBOSE) console.log([...viaSearchPage.requests, '', ...viaHeader.requests].join('\n'));
process.exitCode = targets.every(([, ok]) => ok) ? 0 : 1;
