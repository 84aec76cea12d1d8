/**
 * Build time and size as the number of reports grows: `npm run bench:scaling`.
 *
 * For each size, bench/fixtures.ts writes synthetic reports (8 sections of 1,200–1,600
 * Chinese characters each) into a temporary CONTENT_DIR and the real `astro build` runs on
 * them with a fresh OUT_DIR and ASTRO_CACHE_DIR. Measured: wall time, pages built, ms per page,
 * peak memory, dist size and search index (dist/pagefind) size.
 *
 * Peak memory is measured two ways: the peak of the summed RSS of the build's whole process
 * tree, polled from /proc every 50 ms, and the max RSS of the largest single process as
 * GNU time reports it (`/usr/bin/time -v`, when installed).
 *
 * Sizes: 1, 10, 100 and 1,000 reports (years 1990–2989). BENCH_SIZES=1,10 picks others.
 *
 * One untimed warm-up build runs first; sizes up to 10 reports are built 3 times (BENCH_RUNS overrides)
 * and the median kept. Prints a Markdown table and PASS/FAIL for: ms per page at the largest size within 1.5× that at
 * 10 reports.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { astroEnv, ROOT } from '../tests/helpers/build.ts';
import { SECTIONS_PER_REPORT, writeFixtureReports } from './fixtures.ts';

const SIZES = (process.env.BENCH_SIZES ?? '1,10,100,1000').split(',').map(Number);
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Bytes and file count of a folder, recursively. */
function du(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    bytes += statSync(join(e.parentPath, e.name)).size;
    files++;
  }
  return { bytes, files };
}

/** Summed RSS (bytes) of `root` and all its descendants, from /proc. */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name (which may contain spaces) start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      const ppid = Number(fields[1]);
      // Field 24 (rss, in pages) is fields[21] here.
      rss.set(pid, Number(fields[21]) * 4096);
      const list = children.get(ppid) ?? [];
      list.push(pid);
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

interface Run {
  reports: number;
  sections: number;
  wallMs: number;
  pages: number;
  htmlFiles: number;
  treePeak: number;
  maxRssSingle?: number;
  dist: { bytes: number; files: number };
  pagefind: { bytes: number; files: number };
  contentBytes: number;
}

async function buildOnce(reports: number): Promise<Run> {
  const work = mkdtempSync(join(tmpdir(), `fznb-scale-${reports}-`));
  const content = join(work, 'content');
  const outDir = join(work, 'dist');
  const fx = writeFixtureReports(content, reports);
  const contentBytes = du(content).bytes;
  const astro = [process.execPath, join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'];
  const [cmd, ...args] = GNU_TIME ? [GNU_TIME, '-v', ...astro] : astro;
  const t0 = performance.now();
  const child = spawn(cmd!, args, {
    cwd: ROOT,
    env: astroEnv({ CONTENT_DIR: content, OUT_DIR: outDir, ASTRO_CACHE_DIR: join(work, 'cache') }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let treePeak = 0;
  const poll = setInterval(() => {
    if (child.pid) treePeak = Math.max(treePeak, treeRss(child.pid));
  }, 50);
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallMs = performance.now() - t0;
  clearInterval(poll);
  if (status !== 0) {
    console.error(output);
    throw new Error(`astro build failed for ${reports} reports (exit ${status})`);
  }
  const pages = Number(/(\d+) page\(s\) built/.exec(output)?.[1] ?? NaN);
  const maxRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(output)?.[1];
  const htmlFiles = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
  const run: Run = {
    reports,
    sections: fx.sections,
    wallMs,
    pages,
    htmlFiles,
    treePeak,
    maxRssSingle: maxRss ? Number(maxRss) * 1024 : undefined,
    dist: du(outDir),
    pagefind: du(join(outDir, 'pagefind')),
    contentBytes,
  };
  rmSync(work, { recursive: true, force: true });
  return run;
}

// One untimed build first, so the first row does not also pay for a cold disk cache.
process.stderr.write('warm-up build (not counted)…\n');
await buildOnce(1);
/** Builds per size: the small, quick ones are repeated and the median (by wall time) kept. */
const repeats = (n: number) => Number(process.env.BENCH_RUNS ?? (n <= 10 ? 3 : 1));
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0]!;
const runs: (Run & { all: number[]; load: string })[] = [];
for (const n of SIZES) {
  const tries: Run[] = [];
  const load = [loadavg()];
  for (let i = 0; i < repeats(n); i++) {
    process.stderr.write(`building ${n} report(s), run ${i + 1}/${repeats(n)}…\n`);
    tries.push(await buildOnce(n));
  }
  load.push(loadavg());
  tries.sort((a, b) => a.wallMs - b.wallMs);
  const median = tries[Math.floor(tries.length / 2)]!;
  runs.push({ ...median, all: tries.map((t) => t.wallMs), load: load.join('→') });
}

const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
const s = (ms: number) => (ms / 1000).toFixed(1);
console.log(`Each report: ${SECTIONS_PER_REPORT} sections of 1,200–1,600 Chinese characters; fresh output and cache folders per build.
Pages (as astro counts them) = reports × (1 report page + ${SECTIONS_PER_REPORT} section pages) + the pages every site has (home, search, 404, figures, items, feed, open data…).
Wall time: median of the runs (all runs in brackets when there were several).
Peak memory: summed RSS of the build's process tree (polled every 50 ms); in brackets the largest single process (GNU time max RSS).
Load: the machine's 1-minute load average before → after the row's builds (${cpus().length} CPUs); other people's builds share this machine.

| Reports | Sections | Content | Wall time | Pages | ms/page | Marginal ms/page | Peak memory | dist | Search index (pagefind/) | Load |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
const first = runs[0]!;
runs.forEach((r) => {
  const marginal = r === first ? undefined : (r.wallMs - first.wallMs) / (r.pages - first.pages);
  console.log(
    `| ${r.reports} | ${r.sections} | ${(r.contentBytes / 1024).toFixed(0)} KB | ${s(r.wallMs)} s` +
      `${r.all.length > 1 ? ` (${r.all.map(s).join(', ')})` : ''} | ${r.pages} | ${(r.wallMs / r.pages).toFixed(1)} | ` +
      `${marginal === undefined ? '–' : marginal.toFixed(1)} | ${mb(r.treePeak)} MB` +
      `${r.maxRssSingle ? ` (${mb(r.maxRssSingle)} MB)` : ''} | ${mb(r.dist.bytes)} MB in ${r.dist.files} files | ` +
      `${mb(r.pagefind.bytes)} MB in ${r.pagefind.files} files | ${r.load} |`,
  );
});
console.log(`
Marginal ms/page: extra wall time per extra page compared with the ${first.reports}-report build (its fixed start-up cost taken out).`);

const last = runs[runs.length - 1]!;
if (last !== first) {
  const perPage = (last.treePeak - first.treePeak) / (last.pages - first.pages);
  console.log(`Peak memory per extra page: ${(perPage / 1024).toFixed(0)} KB (process tree).`);
}
const mismatched = runs.filter((r) => r.pages !== r.htmlFiles);
if (mismatched.length) console.log(`Note: astro's page count and the HTML files in dist differ for ${mismatched.map((r) => r.reports).join(', ')} report(s).`);

const at10 = runs.find((r) => r.reports === 10);
const largest = runs.reduce((a, b) => (b.reports > a.reports ? b : a));
if (at10 && largest !== at10) {
  const ratio = largest.wallMs / largest.pages / (at10.wallMs / at10.pages);
  const ok = ratio <= 1.5;
  console.log(`\n${ok ? 'PASS' : 'FAIL'}  ms per page at ${largest.reports} reports is ${ratio.toFixed(2)}× that at 10 reports (budget ≤ 1.5×)`);
  process.exitCode = ok ? 0 : 1;
}
