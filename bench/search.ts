/**
 * Search quality and cost, measured in real Chromium: `npm run bench:search [set.json …]`.
 *
 * Builds the site, serves it with gzip as a web server would, and runs through the search page
 * every query of bench/search-queries.json (terms the report prints), bench/search-queries-citizen.json
 * (queries as citizens type them), every set of bench/search-sets/ and any set named on the
 * command line: P@1 and R@5 per kind, absent topics answered with nothing or under a notice
 * naming the missing word, answerable queries with no result at all, beside Pagefind on its own
 * over the same pages (a stock index written for this run only). Then the time per query once
 * the index is loaded, whole-term highlighting, and the bytes fetched from page load to the
 * first results. Sets and scoring: bench/search-lib.ts. BENCH_VERBOSE=1 prints each query.
 */
import { fold } from '../src/search/query.ts';
import { builtAndServed, firstSearch } from './site.ts';
import { launch } from '../tests/helpers/browser.ts';
import { allSets, measureSets, runQuery, stockIndex, type Score } from './search-lib.ts';

const ROUNDS = 3;
const verbose = Boolean(process.env.BENCH_VERBOSE);
const sets = allSets(process.argv.slice(2));

const { outDir, site } = await builtAndServed();
await stockIndex(outDir);
const browser = await launch();

// 1. Bytes from page load to the first results, two ways a reader gets there.
const viaSearchPage = await firstSearch(browser, site);
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
const traditionalFirst = await firstSearch(browser, site, '優待證');
const pinyinFirst = await firstSearch(browser, site, 'youdaizheng');

// 2. Quality: every set, through this site and through Pagefind alone.
console.log(`Queries: ${sets.length} sets (${sets.map((s) => `${s.name} ${s.queries.length}`).join(', ')})`);
const results = await measureSets(browser, site.url, sets, verbose);

// 3. Time per query with the index loaded, and whole-term marks, on the literal set.
const page = await browser.newPage();
await page.goto(`${site.url}search/`);
await runQuery(page, '退役');
const literal = sets.find((s) => s.name === 'search-queries')!;
const times: number[] = [];
let marks = 0;
let whole = 0;
for (let round = 0; round < ROUNDS; round++) {
  for (const q of literal.queries) {
    const a = await runQuery(page, q.q);
    times.push(a.ms!);
    if (round === 0 && !q.absent) {
      marks += a.marks!.length;
      whole += a.marks!.filter((m) => fold(m).folded === fold(q.q).folded).length;
    }
  }
}
await browser.close();
await site.close();

times.sort((a, b) => a - b);
const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
console.log(`
time per query (index loaded): median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms (${times.length} runs of the literal set)
whole-term highlights (literal set): ${whole}/${marks} marks in the first five excerpts
bytes to first results, cold cache, compressed as served:
  /search/?q=优待证 opened directly: ${kb(viaSearchPage.bytes)} in ${viaSearchPage.requests.length} requests
  home page, then typing in the header field: ${kb(viaHeader.bytes)} in ${viaHeader.requests.length} requests
    (of which before the reader touched the field: ${kb(beforeInteraction.bytes)} in ${beforeInteraction.requests.length} requests)
  繁體 /search/?q=優待證 ${kb(traditionalFirst.bytes)} in ${traditionalFirst.requests.length} requests; pinyin /search/?q=youdaizheng ${kb(pinyinFirst.bytes)} in ${pinyinFirst.requests.length} requests`);

const of = (name: string) => results.find((r) => r.set.name === name)!.ours;
const rate = (s: Score) => (s.n ? s.p1 / s.n : 1);
const own = results.filter((r) => !['search-queries', 'search-queries-citizen', 'dev'].includes(r.set.name));
const everything = results.map((r) => r.ours);
const targets = [
  ['literal set: P@1 and R@5 = 100%', of('search-queries').all.p1 === of('search-queries').all.n && of('search-queries').all.r5 === of('search-queries').all.n],
  ['citizen set: P@1 >= 90%, >= 75% for each kind', rate(of('search-queries-citizen').all) >= 0.9 && [...of('search-queries-citizen').groups.values()].every((g) => rate(g) >= 0.75)],
  ['development set (dev.json): P@1 >= 95%', rate(of('dev').all) >= 0.95],
  [`own sets (${own.map((r) => r.set.name).join(', ') || 'none'}): P@1 >= 85% overall, >= 70% in every group`, own.every((r) => rate(r.ours.all) >= 0.85 && [...r.ours.groups.values()].every((g) => rate(g) >= 0.7))],
  ['no answerable query without a result, in any set', everything.every((s) => s.all.empty === 0)],
  ['every absent topic empty or flagged, in every set', everything.every((s) => s.all.absentOk === s.all.absent)],
  ['first results within 130 KB', Math.max(viaSearchPage.bytes, viaHeader.bytes) <= 130 * 1024],
  ['繁體 and pinyin first results within 160 KB', Math.max(traditionalFirst.bytes, pinyinFirst.bytes) <= 160 * 1024],
  ['median time per query <= 30 ms', at(0.5) <= 30],
] as const;
console.log(targets.map(([name, ok]) => `${ok ? 'PASS' : 'FAIL'}  ${name}`).join('\n'));
if (verbose) console.log([...viaSearchPage.requests, '', ...viaHeader.requests].join('\n'));
process.exitCode = targets.every(([, ok]) => ok) ? 0 : 1;
