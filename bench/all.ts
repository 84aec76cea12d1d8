/**
 * All measured-performance benchmarks in sequence: `npm run bench`.
 *
 * Runs bench/scaling.ts, bench/weight.ts, bench/search.ts, bench/lighthouse.ts and
 * bench/compare.ts one after the other (each builds what it measures itself), shows their
 * output as it comes, and writes the results into docs/benchmarks.md between the markers
 * <!-- bench:start --> and <!-- bench:end -->; text outside them is kept. The Starlight
 * workspace's dependencies (bench/starlight) are installed first when missing.
 * Exits non-zero when any benchmark misses a target.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../tests/helpers/build.ts';

const DOC = join(ROOT, 'docs/benchmarks.md');
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/** Runs one benchmark script, passing its output through, and returns its stdout. */
async function run(script: string): Promise<{ out: string; status: number | null; seconds: number }> {
  console.log(`\n=== node ${script} ===`);
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(ROOT, script)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d;
    process.stdout.write(d);
  });
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { out, status, seconds: (performance.now() - t0) / 1000 };
}

if (!existsSync(join(ROOT, 'bench/starlight/node_modules/@astrojs/starlight'))) {
  console.log('\n=== (cd bench/starlight && npm ci) ===');
  const ci = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: join(ROOT, 'bench/starlight'),
    stdio: 'inherit',
  });
  if (ci.status !== 0) throw new Error('npm ci in bench/starlight failed; the Starlight comparison needs it');
}

const loadBefore = loadavg().map((l) => l.toFixed(1)).join(' / ');
const scaling = await run('bench/scaling.ts');
const weight = await run('bench/weight.ts');
const search = await run('bench/search.ts');
const lighthouse = await run('bench/lighthouse.ts');
const compare = await run('bench/compare.ts');
const all = [scaling, weight, search, lighthouse, compare];

const version = (pkg: string) =>
  (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
const cpuModel =
  /^model name\s*:\s*(.+)$/m.exec(existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '')?.[1] ??
  cpus()[0]?.model ??
  'unknown';
const status = (r: { status: number | null }) => (r.status === 0 ? 'all targets met' : `exit ${r.status}: a target was missed`);
// bench/search.ts prints a line per query first; the summary starts at "Queries:".
const searchSummary = search.out.slice(Math.max(0, search.out.indexOf('Queries:'))).trim();

const body = `${START}
<!-- Written by \`npm run bench\` (bench/all.ts); it rewrites only what is between these markers. -->

## 测量环境 / Machine

- 日期 / Date: ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC
- 机器 / Machine: ${cpus().length} CPUs (nproc), ${(totalmem() / 1024 ** 3).toFixed(1)} GiB memory, ${cpuModel}
- 负载 / Load average (1/5/15 min) when the run started: ${loadBefore}, at the end: ${loadavg().map((l) => l.toFixed(1)).join(' / ')}.
  This machine is shared with other engineers' builds and browser tests, so wall times carry their noise; the
  byte counts do not depend on load.
- 版本 / Versions: Node ${process.version}, Astro ${version('astro')}, Pagefind ${version('pagefind')}, Chromium from tests/helpers/browser.ts
- 命令 / Command: \`npm run bench\` (= \`npm run bench:scaling\`, \`bench:weight\`, \`bench:search\`, \`bench:lighthouse\` and
  \`bench:compare\` in sequence; ${all.reduce((t, r) => t + r.seconds, 0).toFixed(0)} s in all). Not part of \`npm test\`.

## 构建规模 / Build scaling

\`npm run bench:scaling\` (bench/scaling.ts, ${status(scaling)}). Synthetic reports from bench/fixtures.ts (clearly
fake 示例/测试 text, 8 sections each covering the four mandatory items, every section 1,200–1,600 Chinese characters
in several paragraphs), built with the real \`astro build\` into fresh CONTENT_DIR, OUT_DIR and ASTRO_CACHE_DIR folders.

${scaling.out.trim()}

Years run 1990–2989 at 1,000 reports: a report year is any four-digit year (\`REPORT_YEARS\` in src/domain/schema.ts;
a mistyped year is caught by comparing it with the signing date in src/domain/check.ts).

The PASS/FAIL line compares ms per page (wall time ÷ pages), which still carries each build's fixed start-up cost, so it
falls as sites grow; the marginal column (cost per extra page) is the better sign of how the build scales. The tree sum
of peak memory counts memory shared between processes (astro and Pagefind's indexing service) more than once, so it is
an upper bound and the single-process figure a lower one.

Note on length: the real 2023 sections are shorter (about 400–600 characters each, 3,400 in the whole report), so these
fixtures are about three times heavier per report than the real one.

## 页面大小 / Page weight

\`npm run bench:weight\` (bench/weight.ts, ${status(weight)}): the real site, served by tests/helpers/serve.ts with gzip,
each page loaded in Chromium with a cold cache; bytes counted at the server.

${weight.out.trim()}

### 首次搜索与搜索质量 / First search and search quality

\`npm run bench:search\` (bench/search.ts, ${status(search)}):

\`\`\`
${searchSummary}
\`\`\`

## Lighthouse

\`npm run bench:lighthouse\` (bench/lighthouse.ts, ${status(lighthouse)}): the real site served with gzip, Lighthouse's
Node API with its default configuration, which is the mobile preset (an emulated mid-range phone, simulated slow 4G,
4× CPU slowdown), in the same Chromium as the browser tests. The performance score depends on the machine's speed at the
time ("CPU index", Lighthouse's benchmarkIndex: higher is faster); compare it only between runs with similar indexes.
\`LH_RUNS=3\` keeps the median of three runs per page; \`LH_JSON=dir\` saves the full results.

\`\`\`
${lighthouse.out.trim()}
\`\`\`

## 与 Starlight 对比 / Side by side with Starlight

\`npm run bench:compare\` (bench/compare.ts, ${status(compare)}). bench/starlight/ is a bench-only Starlight site (its
own package.json, never imported by the site); bench/starlight/sync.ts copies the real 2023 report into it: a
whole-report page and a page per section, zh-CN, Starlight's own Pagefind search. Both sites are served by
tests/helpers/serve.ts with gzip and loaded in fresh browser contexts; bytes are counted at the server. Build time is
the median of alternating builds after one warm-up build each (\`BUILD_RUNS=n\` changes the count); on this shared
machine single builds vary by a third or more, so read the ratio with the runs beside it.

\`\`\`
${compare.out.trim()}
\`\`\`
${END}`;

let doc: string;
if (!existsSync(DOC)) {
  doc = `# 性能测量 / Benchmarks\n\n${body}\n`;
} else {
  const old = readFileSync(DOC, 'utf8');
  const a = old.indexOf(START);
  const b = old.indexOf(END);
  if (a >= 0 && b > a) doc = old.slice(0, a) + body + old.slice(b + END.length);
  else {
    // No markers yet: put the results before the first "## " section, keeping everything else.
    const m = /^## /m.exec(old);
    doc = m ? `${old.slice(0, m.index)}${body}\n\n${old.slice(m.index)}` : `${old.trimEnd()}\n\n${body}\n`;
  }
}
writeFileSync(DOC, doc);
console.log(`\nWrote ${DOC}`);
process.exitCode = all.every((r) => r.status === 0) ? 0 : 1;
