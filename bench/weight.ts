/**
 * Page weight, measured in real Chromium: `npm run bench:weight`.
 *
 * Builds the real site, serves it with gzip as a web server would (tests/helpers/serve.ts),
 * and loads each page type in a browser context of its own (cold cache) until the network is
 * idle, without touching the page. Every request the server answered is counted: bytes as sent
 * (gzip for text, as the server compresses it) and raw bytes from the built files, by kind
 * (HTML, CSS, JS, fonts, other). The per-kind compressed sizes are recomputed the way the
 * server compresses, and their sum is checked against the server's own byte counter.
 *
 * The script before interaction is checked on every page but /search/ (at most 2 KB
 * compressed), with its files named; the reading aids' code fetched on use is listed apart.
 *
 * Also: the report text alone (the .report-text element's text, without the links the site
 * adds) compressed with brotli, for reference; the report read with JavaScript off; and the
 * bytes from opening /search/?q=优待证 until its results are on screen.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { ROOT } from '../tests/helpers/build.ts';
import { builtAndServed, firstSearch } from './site.ts';
import { launch } from '../tests/helpers/browser.ts';

const KINDS = ['HTML', 'CSS', 'JS', 'fonts', 'other'] as const;
type Kind = (typeof KINDS)[number];
/** The types tests/helpers/serve.ts gzips. */
const TEXT = new Set(['.html', '.css', '.js', '.json', '.svg', '.xml', '.txt']);

const { outDir: dist, site } = await builtAndServed();

/** The file the server answers a path with (same rules as tests/helpers/serve.ts, base /). */
function fileFor(path: string): string {
  const rel = path.replace(/^\/+/, '');
  for (const candidate of [rel, join(rel, 'index.html')]) {
    const f = join(dist, candidate);
    if (existsSync(f) && statSync(f).isFile()) return f;
  }
  return join(dist, '404.html');
}

function kindOf(file: string): Kind {
  const ext = extname(file);
  if (ext === '.html') return 'HTML';
  if (ext === '.css') return 'CSS';
  if (ext === '.js' || ext === '.mjs') return 'JS';
  if (['.woff2', '.woff', '.ttf', '.otf'].includes(ext)) return 'fonts';
  return 'other';
}

type Tally = Record<Kind, { raw: number; sent: number; requests: number }>;
const emptyTally = (): Tally =>
  Object.fromEntries(KINDS.map((k) => [k, { raw: 0, sent: 0, requests: 0 }])) as Tally;

function tally(requests: string[]): Tally {
  const t = emptyTally();
  for (const path of requests) {
    const file = fileFor(path);
    const body = readFileSync(file);
    const k = t[kindOf(file)];
    k.requests++;
    k.raw += body.length;
    k.sent += TEXT.has(extname(file)) ? gzipSync(body, { level: 9 }).length : body.length;
  }
  return t;
}

const total = (t: Tally, key: 'raw' | 'sent' | 'requests') => KINDS.reduce((n, k) => n + t[k][key], 0);

const PAGES: [string, string][] = [
  ['home', '/'],
  ['report', '/2023/'],
  ['section', '/2023/section-2/'],
  ['search', '/search/'],
  ['404', '/no-such-page/'],
];
for (const [name, path] of [
  ['figures', '/figures/'],
  ['item', '/items/measures/'],
] as const) {
  if (existsSync(join(dist, path, 'index.html'))) PAGES.push([name, path]);
}

const browser = await launch();

interface Measured {
  name: string;
  path: string;
  t: Tally;
  serverBytes: number;
  requests: string[];
}
const measured: Measured[] = [];
for (const [name, path] of PAGES) {
  const context = await browser.newContext();
  const page = await context.newPage();
  site.resetSent();
  await page.goto(new URL(path.slice(1), site.url).href);
  await page.waitForLoadState('networkidle');
  const sent = site.sent();
  measured.push({ name, path, t: tally(sent.requests), serverBytes: sent.bytes, requests: sent.requests });
  await context.close();
}

/** Text of .report-text without the links the site adds ([data-chrome]). */
const reportText = () =>
  (document.querySelector('.report-text') as HTMLElement | null)
    ? (() => {
        const copy = document.querySelector('.report-text')!.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('[data-chrome]').forEach((e) => e.remove());
        return copy.textContent ?? '';
      })()
    : '';

// The report's own text, compressed with brotli: what the words alone would cost.
const withJs = await browser.newContext();
const jsPage = await withJs.newPage();
await jsPage.goto(`${site.url}2023/`);
const text = (await jsPage.evaluate(reportText)).replace(/\s+/g, ' ').trim();
await withJs.close();
const textRaw = Buffer.byteLength(text);
const textBrotli = brotliCompressSync(Buffer.from(text)).length;

// The report with JavaScript off: every line of the source text must be on the page.
const noJs = await browser.newContext({ javaScriptEnabled: false });
const noJsPage = await noJs.newPage();
await noJsPage.goto(`${site.url}2023/`);
const noJsText = (await noJsPage.evaluate(reportText)).replace(/\s+/g, '');
await noJs.close();
const sourceLines = readFileSync(join(ROOT, 'sources/2023.txt'), 'utf8')
  .split(/\r?\n/)
  .map((l) => l.replace(/\s+/g, ''))
  .filter(Boolean);
const missingLines = sourceLines.filter((l) => !noJsText.includes(l));

// First search: /search/?q=优待证 opened directly, cold cache, until the results are on screen.
const searchBytes = await firstSearch(browser, site);

await browser.close();
await site.close();

const kb = (b: number) => (b / 1024).toFixed(1);
console.log(`Each page loaded in a fresh browser context (cold cache) until the network was idle, without interaction.
Cells: compressed as sent (gzip) / raw KB, and requests. "JS before interaction" is all JS fetched in that load.

| Page | HTML | CSS | JS | Fonts | Other | Total | JS before interaction |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
const cell = (x: { raw: number; sent: number; requests: number }) =>
  x.requests ? `${kb(x.sent)} / ${kb(x.raw)} KB (${x.requests})` : '–';
for (const m of measured) {
  const t = m.t;
  console.log(
    `| ${m.name} \`${m.path}\` | ${KINDS.map((k) => cell(t[k])).join(' | ')} | ` +
      `**${kb(total(t, 'sent'))}** / ${kb(total(t, 'raw'))} KB (${total(t, 'requests')}) | ${kb(t.JS.sent)} KB (${t.JS.requests}) |`,
  );
}
const mismatch = measured.filter((m) => total(m.t, 'sent') !== m.serverBytes);
if (mismatch.length) {
  console.log(`\nNote: server byte counter differs from the per-file sum for ${mismatch.map((m) => `${m.name} (${m.serverBytes} vs ${total(m.t, 'sent')})`).join(', ')}.`);
}

const report = measured.find((m) => m.name === 'report')!;
// The script before interaction: what every reading page (all but /search/, whose search code
// is the page itself) loads without being touched: the head script, the header search's stub,
// a page's own stub. The reading aids' code (朗读, 阅读辅助线) is fetched only when used.
const reading = measured.filter((m) => m.name !== 'search');
const worst = reading.reduce((a, b) => (b.t.JS.sent > a.t.JS.sent ? b : a));
const jsFiles = (m: Measured) =>
  m.requests
    .filter((p) => kindOf(fileFor(p)) === 'JS')
    .map((p) => `${p.split('/').pop()!.replace(/\.[\w-]+\.js$/, '')} ${gzipSync(readFileSync(fileFor(p)), { level: 9 }).length} B`)
    .join(', ');
const onUse = ['speak', 'guide'].map((name) => {
  const file = readdirSync(join(dist, '_astro')).find((f) => new RegExp(`^${name}\\.[\\w-]+\\.js$`).test(f));
  return `${name}.js ${file ? `${gzipSync(readFileSync(join(dist, '_astro', file)), { level: 9 }).length} B` : 'not built'}`;
});
const fsT = tally(searchBytes.requests);
console.log(`
Report text alone (.report-text, ${text.length} characters): ${kb(textRaw)} KB UTF-8, ${kb(textBrotli)} KB brotli (node:zlib, default quality).
Whole-report page /2023/ as sent: ${kb(total(report.t, 'sent'))} KB in ${total(report.t, 'requests')} requests (${report.requests.join(', ')}).
Script before interaction (gzip -9), most on the ${worst.name} page: ${worst.t.JS.sent} B = ${jsFiles(worst)}; report page ${report.t.JS.sent} B = ${jsFiles(report)}.
Reading aids' code loaded only on use (gzip -9): ${onUse.join(', ')}.
JavaScript off: ${sourceLines.length - missingLines.length}/${sourceLines.length} lines of sources/2023.txt found in the report text.
First search (/search/?q=优待证, cold cache, until results render): ${kb(searchBytes.bytes)} KB in ${searchBytes.requests.length} requests ` +
  `(${KINDS.filter((k) => fsT[k].requests).map((k) => `${k} ${cell(fsT[k])}`).join(', ')}).`);

const targets = [
  // The budget issue 6 set. The phone menu, the reading aids, the 简/繁 switch and the print help
  // added about 1.3 KB; Vite's preloading helper (880 B, src/integrations/vite-plain-dynamic-import.ts)
  // went, so the page is back within it.
  ['whole-report page ≤ 15 KB compressed in all', total(report.t, 'sent') <= 15 * 1024],
  ['≤ 2 KB script before interaction (every page but /search/)', worst.t.JS.sent <= 2 * 1024],
  ['report readable with JavaScript off', missingLines.length === 0],
  ['first search ≤ 130 KB', searchBytes.bytes <= 130 * 1024],
] as const;
console.log('\n' + targets.map(([name, ok]) => `${ok ? 'PASS' : 'FAIL'}  ${name}`).join('\n'));
if (missingLines.length) console.log(`Missing with JavaScript off:\n${missingLines.map((l) => `  ${l.slice(0, 40)}…`).join('\n')}`);
if (process.env.BENCH_VERBOSE) for (const m of measured) console.log(`${m.path}: ${m.requests.join(' ')}`);
process.exitCode = targets.every(([, ok]) => ok) ? 0 : 1;
