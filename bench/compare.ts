/**
 * This site side by side with Starlight on the same report: `npm run bench:compare`.
 *
 * bench/starlight/ is a bench-only Starlight site (its own package.json and node_modules,
 * never imported by the site); bench/starlight/sync.ts copies the real 2023 report into
 * it: a whole-report page (preface, seven sections with headings, signature), a page per
 * section, zh-CN as the root locale, Starlight's built-in Pagefind search.
 *
 * Measures, for both: build wall time (an untimed warm-up build each, then 3 builds each with
 * fresh output and cache folders, alternating, median); the
 * whole-report page and a section page loaded in Chromium, counted at the server
 * (tests/helpers/serve.ts, gzip): bytes and requests until the network is idle, JS bytes;
 * the first search for 优待证 (ours: the search page /search/?q=优待证, and the report page's
 * header field; Starlight: its search dialog on the report page) until results show;
 * Lighthouse mobile scores of both whole-report pages. Prints ratios (ours / Starlight) and
 * PASS/FAIL against the targets.
 *
 * Setup once: (cd bench/starlight && npm ci).   BUILD_RUNS=n, LH_RUNS=n change the run counts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { astroEnv, buildSite, ROOT } from '../tests/helpers/build.ts';
import { serve, type Served } from '../tests/helpers/serve.ts';
import { launch } from '../tests/helpers/browser.ts';
import { audit, CATEGORIES, startChrome, type PageScores } from './lighthouse.ts';
import { sync } from './starlight/sync.ts';

const STARLIGHT = join(ROOT, 'bench/starlight');
const BUILD_RUNS = Number(process.env.BUILD_RUNS) || 3;
const LH_RUNS = Number(process.env.LH_RUNS) || 1;
const QUERY = '优待证';

if (!existsSync(join(STARLIGHT, 'node_modules/@astrojs/starlight'))) {
  console.error('bench/starlight 的依赖尚未安装：请先运行 (cd bench/starlight && npm ci)');
  process.exit(1);
}
const version = (dir: string, pkg: string) =>
  (JSON.parse(readFileSync(join(dir, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

// 1. Build both, cold (fresh output and cache folders every time), alternating.
sync('2023');
function buildStarlight() {
  const work = mkdtempSync(join(tmpdir(), 'fznb-starlight-'));
  const outDir = join(work, 'dist');
  const r = spawnSync(process.execPath, [join(STARLIGHT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: STARLIGHT,
    env: astroEnv({ OUT_DIR: outDir, ASTRO_CACHE_DIR: join(work, 'cache') }),
    encoding: 'utf8',
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`, outDir };
}
function timed<T extends { status: number | null; output: string }>(name: string, fn: () => T) {
  const t0 = performance.now();
  const r = fn();
  const ms = performance.now() - t0;
  if (r.status !== 0) {
    console.error(`${name} build failed:\n${r.output}`);
    process.exit(1);
  }
  return { ...r, ms };
}
const times = { ours: [] as number[], starlight: [] as number[] };
let oursOut = '';
let starOut = '';
// One untimed build of each first, so neither pays alone for a cold disk cache or first-run costs.
timed('ours (warm-up)', () => buildSite());
timed('Starlight (warm-up)', buildStarlight);
for (let i = 0; i < BUILD_RUNS; i++) {
  const a = timed('ours', () => buildSite());
  times.ours.push(a.ms);
  oursOut = a.outDir;
  const b = timed('Starlight', buildStarlight);
  times.starlight.push(b.ms);
  starOut = b.outDir;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

// 2. Page loads and first searches, counted at the server; a fresh browser context each.
const ours = await serve(oursOut);
const star = await serve(starOut);
const browser: Browser = await launch();

interface Load {
  bytes: number;
  requests: number;
  jsBytes: number;
  jsFiles: number;
  inlineJs: number;
  paths: string[];
}
/** gzip size of a served file, as serve.ts sends it. */
const servedSize = (outDir: string, path: string) => {
  const file = path.endsWith('/') ? join(outDir, path, 'index.html') : join(outDir, path);
  return existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : 0;
};
function summarise(site: Served, outDir: string, inlineJs: number): Load {
  const { requests, bytes } = site.sent();
  const js = requests.filter((p) => /\.m?js$/.test(p));
  return {
    bytes,
    requests: requests.length,
    jsBytes: js.reduce((n, p) => n + servedSize(outDir, p), 0),
    jsFiles: js.length,
    inlineJs,
    paths: requests,
  };
}
async function withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    return await fn(page);
  } finally {
    await context.close();
  }
}
/** Inline scripts that run: data blocks such as application/ld+json are not JavaScript. */
const inlineScriptBytes = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('script:not([src])')]
      .filter((s) => ['', 'module', 'text/javascript'].includes(s.getAttribute('type') ?? ''))
      .reduce((n, s) => n + new TextEncoder().encode(s.textContent ?? '').length, 0),
  );
async function pageLoad(site: Served, outDir: string, path: string): Promise<Load> {
  return withPage(async (page) => {
    site.resetSent();
    await page.goto(site.url + path, { waitUntil: 'networkidle' });
    return summarise(site, outDir, await inlineScriptBytes(page));
  });
}

const loads = {
  ours: { report: await pageLoad(ours, oursOut, '2023/'), section: await pageLoad(ours, oursOut, '2023/section-2/') },
  starlight: {
    report: await pageLoad(star, starOut, '2023/'),
    section: await pageLoad(star, starOut, '2023/section-2/'),
  },
};

interface Search {
  /** From navigation to the results on screen. */
  total: Load;
  /** Of which after the page had loaded (network idle), before the reader searched. */
  afterLoad: { bytes: number; requests: number };
  hits: number;
}
/** Ours, /search/?q=优待证 opened directly, until its results are rendered. */
const oursSearchPage = await withPage(async (page): Promise<Search> => {
  ours.resetSent();
  await page.goto(`${ours.url}search/?q=${encodeURIComponent(QUERY)}`);
  await page.waitForSelector('#search-results[data-query] li');
  const hits = await page.locator('#search-results li').count();
  return { total: summarise(ours, oursOut, await inlineScriptBytes(page)), afterLoad: { bytes: 0, requests: 0 }, hits };
});
/** A search from a reader's report page: load it, then type into the search field until results show. */
async function searchFromReport(
  site: Served,
  outDir: string,
  open: (page: Page) => Promise<void>,
  input: string,
  result: string,
): Promise<Search> {
  return withPage(async (page) => {
    site.resetSent();
    await page.goto(`${site.url}2023/`, { waitUntil: 'networkidle' });
    const loaded = site.sent();
    await open(page);
    await page.locator(input).pressSequentially(QUERY);
    await page.waitForSelector(result);
    const hits = await page.locator(result).count();
    const total = summarise(site, outDir, await inlineScriptBytes(page));
    return {
      total,
      afterLoad: { bytes: total.bytes - loaded.bytes, requests: total.requests - loaded.requests.length },
      hits,
    };
  });
}
const oursHeader = await searchFromReport(
  ours,
  oursOut,
  (page) => page.focus('#site-search-q'),
  '#site-search-q',
  '#site-search-panel li',
);
const starSearch = await searchFromReport(
  star,
  starOut,
  async (page) => {
    await page.locator('button[data-open-modal]:not([disabled])').first().click();
    await page.waitForSelector('dialog[open] #starlight__search input');
  },
  'dialog[open] #starlight__search input',
  '.pagefind-ui__result',
);
await browser.close();

// 3. Lighthouse (mobile preset) on both whole-report pages.
const chrome = await startChrome();
let lh: { ours: PageScores; starlight: PageScores };
try {
  lh = {
    ours: await audit('ours /2023/', `${ours.url}2023/`, chrome.port, LH_RUNS),
    starlight: await audit('Starlight /2023/', `${star.url}2023/`, chrome.port, LH_RUNS),
  };
} finally {
  await chrome.close();
  await ours.close();
  await star.close();
}

// 4. Report.
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const ratio = (a: number, b: number) => (b ? `${(a / b).toFixed(2)}×` : 'n/a');
/** Pads by terminal columns: a Chinese character takes two. */
const width = (s: string) => [...s].reduce((n, c) => n + (/[\u2e80-\uffef]/.test(c) ? 2 : 1), 0);
const padEnd = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
const padStart = (s: string, n: number) => ' '.repeat(Math.max(0, n - width(s))) + s;
const row = (label: string, a: string, b: string, r: string) =>
  `${padEnd(label, 56)} ${padStart(a, 18)} ${padStart(b, 18)} ${padStart(r, 8)}`;
const loadRows = (name: string, a: Load, b: Load) => [
  row(`${name}: bytes on load (gzip as served)`, kb(a.bytes), kb(b.bytes), ratio(a.bytes, b.bytes)),
  row(`${name}: requests on load`, String(a.requests), String(b.requests), ratio(a.requests, b.requests)),
  row(`${name}: JS files (gzip) / count`, `${kb(a.jsBytes)} / ${a.jsFiles}`, `${kb(b.jsBytes)} / ${b.jsFiles}`, ratio(a.jsBytes, b.jsBytes)),
  row(`${name}: inline JS in the HTML (raw)`, kb(a.inlineJs), kb(b.inlineJs), ratio(a.inlineJs, b.inlineJs)),
];
const bt = { ours: median(times.ours), starlight: median(times.starlight) };
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

console.log(`Versions: ours astro ${version(ROOT, 'astro')}, pagefind ${version(ROOT, 'pagefind')}; ` +
  `Starlight ${version(STARLIGHT, '@astrojs/starlight')} on astro ${version(STARLIGHT, 'astro')}, pagefind ${version(STARLIGHT, 'pagefind')}; ` +
  `Lighthouse ${lh.ours.lighthouseVersion}; Node ${process.version}\n`);
console.log(row('', 'ours', 'Starlight', 'ours/SL'));
console.log(
  [
    row(`build wall time (median of ${BUILD_RUNS}, after a warm-up)`, sec(bt.ours), sec(bt.starlight), ratio(bt.ours, bt.starlight)),
    row('  all runs', times.ours.map((t) => (t / 1000).toFixed(1)).join(' '), times.starlight.map((t) => (t / 1000).toFixed(1)).join(' '), ''),
    ...loadRows('whole report /2023/', loads.ours.report, loads.starlight.report),
    ...loadRows('section /2023/section-2/', loads.ours.section, loads.starlight.section),
    row(`first search ${QUERY}, from the report page`, `${kb(oursHeader.total.bytes)} / ${oursHeader.total.requests} req`, `${kb(starSearch.total.bytes)} / ${starSearch.total.requests} req`, ratio(oursHeader.total.bytes, starSearch.total.bytes)),
    row('  of which after the page loaded', `${kb(oursHeader.afterLoad.bytes)} / ${oursHeader.afterLoad.requests} req`, `${kb(starSearch.afterLoad.bytes)} / ${starSearch.afterLoad.requests} req`, ratio(oursHeader.afterLoad.bytes, starSearch.afterLoad.bytes)),
    row('  results listed when the first one showed', String(oursHeader.hits), String(starSearch.hits), ''),
    row(`ours: /search/?q=${QUERY} opened directly`, `${kb(oursSearchPage.total.bytes)} / ${oursSearchPage.total.requests} req`, '—', ratio(oursSearchPage.total.bytes, starSearch.total.bytes)),
    ...CATEGORIES.map((c) => row(`Lighthouse mobile /2023/: ${c}`, String(lh.ours.scores[c]), String(lh.starlight.scores[c]), '')),
    row('  Lighthouse CPU index (benchmarkIndex)', String(lh.ours.benchmarkIndex), String(lh.starlight.benchmarkIndex), ''),
  ].join('\n'),
);
for (const p of [lh.ours, lh.starlight]) {
  for (const c of CATEGORIES) {
    const list = p.failing[c];
    if (!list?.length) continue;
    console.log(`\n${p.name} — ${c} ${p.scores[c]}: audits that cost points`);
    for (const f of list) {
      console.log(`  ${f.id} — ${f.title}${f.displayValue ? ` (${f.displayValue})` : ''}${f.score === null ? '' : ` score ${f.score.toFixed(2)}`}${f.weight ? ` weight ${f.weight}` : ' (not weighted)'}`);
    }
  }
}
if (process.env.BENCH_VERBOSE) {
  for (const [name, l] of Object.entries({ ...loads.ours, search: oursHeader.total, searchPage: oursSearchPage.total })) console.log(`\nours ${name}:\n  ${l.paths.join('\n  ')}`);
  for (const [name, l] of Object.entries({ ...loads.starlight, search: starSearch.total })) console.log(`\nStarlight ${name}:\n  ${l.paths.join('\n  ')}`);
}

const targets = [
  [`build time ≤ 1.0× Starlight's (${ratio(bt.ours, bt.starlight)})`, bt.ours <= bt.starlight],
  [`whole-report page weight ≤ 0.3× (${ratio(loads.ours.report.bytes, loads.starlight.report.bytes)})`, loads.ours.report.bytes <= 0.3 * loads.starlight.report.bytes],
  [`section page weight ≤ 0.3× (${ratio(loads.ours.section.bytes, loads.starlight.section.bytes)})`, loads.ours.section.bytes <= 0.3 * loads.starlight.section.bytes],
  ['Lighthouse no lower than Starlight in any category', CATEGORIES.every((c) => lh.ours.scores[c] >= lh.starlight.scores[c])],
  ['Lighthouse 100 in all four categories', CATEGORIES.every((c) => lh.ours.scores[c] === 100)],
] as const;
console.log(`\n${targets.map(([name, ok]) => `${ok ? 'PASS' : 'FAIL'}  ${name}`).join('\n')}`);
process.exitCode = targets.every(([, ok]) => ok) ? 0 : 1;
