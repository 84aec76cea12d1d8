/**
 * Lighthouse scores of every page type, as a phone would see them: `npm run bench:lighthouse`.
 *
 * Builds the real site, serves it with gzip as a web server would (tests/helpers/serve.ts),
 * starts the same Chromium as the browser tests (headless, its DevTools port for Lighthouse)
 * and runs Lighthouse's default configuration — the mobile preset: an emulated mid-range
 * phone, simulated slow 4G and 4× CPU slowdown — for the categories performance,
 * accessibility, best-practices and seo on: home, a report, a section, the search page with
 * a query, and /figures/ when the site has it. Prints a table of scores and, under every
 * score below 100, the audits that cost points (id and title), then PASS/FAIL against the
 * target: 100 in every category on every page type.
 *
 * LH_RUNS=3 runs Lighthouse three times per page and keeps the median of each category.
 * LH_JSON=dir writes each page's full Lighthouse result (JSON) into dir.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { builtAndServed } from './site.ts';
import { chromiumPath } from '../tests/helpers/browser.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
const SHORT: Record<Category, string> = {
  performance: 'perf',
  accessibility: 'a11y',
  'best-practices': 'best',
  seo: 'seo',
};

export interface Failing {
  id: string;
  title: string;
  /** The audit's score, 0–1; null for audits without one. */
  score: number | null;
  /** Weight in its category's score; 0 for audits that are shown but not counted. */
  weight: number;
  displayValue?: string;
}

export interface PageScores {
  name: string;
  url: string;
  /** 0–100 per category. */
  scores: Record<Category, number>;
  /** Audits that cost points, per category scored below 100. */
  failing: Partial<Record<Category, Failing[]>>;
  metrics: { fcp?: string; lcp?: string; tbt?: string; cls?: string; si?: string };
  lighthouseVersion: string;
  userAgent: string;
  /** Lighthouse's measure of this machine's CPU speed during the run kept (higher is faster). */
  benchmarkIndex: number;
}

/** The Chromium flags the issue asks for, plus a port for Lighthouse and a profile of its own. */
export const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export interface Chrome {
  port: number;
  close(): Promise<void>;
}

/** Starts Chromium with a DevTools port (chosen by Chromium) for Lighthouse to drive. */
export async function startChrome(): Promise<Chrome> {
  const profile = mkdtempSync(join(tmpdir(), 'fznb-lh-chrome-'));
  const proc: ChildProcess = spawn(
    chromiumPath(),
    [
      ...CHROME_FLAGS,
      '--no-first-run',
      '--disable-component-update',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${err}`)), 30_000);
    proc.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    proc.on('exit', (code) => reject(new Error(`Chromium exited (${code}):\n${err}`)));
  });
  proc.stderr!.resume();
  return {
    port,
    close: async () => {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        await exited;
      }
      // Chromium's helper processes may still be writing to the profile for a moment; a
      // profile left in the temp folder then is harmless, and must not end the benchmark.
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
      } catch {}
    },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

/** Runs Lighthouse (mobile preset) on one URL `runs` times; median score per category. */
export async function audit(name: string, url: string, port: number, runs = 1): Promise<PageScores> {
  type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];
  const lhrs: Lhr[] = [];
  for (let i = 0; i < runs; i++) {
    const result = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (result.lhr.runtimeError) throw new Error(`${url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
    lhrs.push(result.lhr);
    if (process.env.LH_JSON) {
      mkdirSync(process.env.LH_JSON, { recursive: true });
      writeFileSync(join(process.env.LH_JSON, `${name.replace(/\W+/g, '_')}-${i + 1}.json`), result.report as string);
    }
  }
  const scores = {} as Record<Category, number>;
  const failing: PageScores['failing'] = {};
  for (const cat of CATEGORIES) {
    const values = lhrs.map((l) => Math.round((l.categories[cat]?.score ?? 0) * 100));
    scores[cat] = median(values);
    // The audits of the run whose score is the median, so the list explains the number shown.
    const lhr = lhrs[values.indexOf(scores[cat])]!;
    if (scores[cat] === 100) continue;
    const refs = lhr.categories[cat]?.auditRefs ?? [];
    failing[cat] = refs
      .map((ref) => ({ ref, a: lhr.audits[ref.id]! }))
      .filter(({ a }) => a && a.score !== null && a.score < 1 && !['notApplicable', 'manual', 'informative'].includes(a.scoreDisplayMode))
      .sort((x, y) => y.ref.weight - x.ref.weight || (x.a.score ?? 0) - (y.a.score ?? 0))
      .map(({ ref, a }) => ({ id: ref.id, title: a.title, score: a.score, weight: ref.weight, displayValue: a.displayValue }));
  }
  // Metrics of the run whose performance score is the median, as in the table.
  const perf = lhrs.map((l) => Math.round((l.categories.performance?.score ?? 0) * 100));
  const first = lhrs[perf.indexOf(scores.performance)]!;
  const dv = (id: string) => first.audits[id]?.displayValue;
  return {
    name,
    url,
    scores,
    failing,
    metrics: {
      fcp: dv('first-contentful-paint'),
      lcp: dv('largest-contentful-paint'),
      tbt: dv('total-blocking-time'),
      cls: dv('cumulative-layout-shift'),
      si: dv('speed-index'),
    },
    lighthouseVersion: first.lighthouseVersion,
    userAgent: first.environment.hostUserAgent,
    benchmarkIndex: Math.round(first.environment.benchmarkIndex),
  };
}

/** A table of scores, then the audits that cost points under each page. */
export function report(pages: PageScores[]): string {
  const w = Math.max(...pages.map((p) => p.name.length), 8);
  const lines = [
    `${'page'.padEnd(w)}  ${CATEGORIES.map((c) => SHORT[c].padStart(4)).join('  ')}   CPU index   FCP / LCP / TBT / CLS (simulated mobile)`,
    ...pages.map(
      (p) =>
        `${p.name.padEnd(w)}  ${CATEGORIES.map((c) => String(p.scores[c]).padStart(4)).join('  ')}   ` +
        `${String(p.benchmarkIndex).padStart(9)}   ` +
        `${p.metrics.fcp} / ${p.metrics.lcp} / ${p.metrics.tbt} / ${p.metrics.cls}`,
    ),
  ];
  for (const p of pages) {
    for (const cat of CATEGORIES) {
      const list = p.failing[cat];
      if (!list) continue;
      lines.push('', `${p.name} — ${cat} ${p.scores[cat]}: audits that cost points`);
      if (!list.length) lines.push('  (none below 1 in the run kept; the score is rounding of metric scores)');
      for (const f of list) {
        const score = f.score === null ? '' : ` score ${f.score.toFixed(2)}`;
        const weight = f.weight ? ` weight ${f.weight}` : ' (not weighted)';
        lines.push(`  ${f.id} — ${f.title}${f.displayValue ? ` (${f.displayValue})` : ''}${score}${weight}`);
      }
    }
  }
  if (pages.some((p) => p.benchmarkIndex < 1000)) {
    lines.push(
      '',
      'Note: CPU index (Lighthouse\'s benchmarkIndex) below 1000 means a slow or busy machine; the simulated',
      'mobile run multiplies the main-thread time it observes, so performance scores (TBT above all) are',
      'then lower than on an idle desktop. Compare performance only between runs with similar CPU index.',
    );
  }
  return lines.join('\n');
}

export const allHundred = (p: PageScores) => CATEGORIES.every((c) => p.scores[c] === 100);

if (import.meta.main) {
  const runs = Number(process.env.LH_RUNS) || 1;
  const { outDir, site } = await builtAndServed();
  const chrome = await startChrome();
  const pageTypes: [string, string][] = [
    ['home', ''],
    ['report /2023/', '2023/'],
    ['section /2023/section-2/', '2023/section-2/'],
    ['search /search/?q=优待证', `search/?q=${encodeURIComponent('优待证')}`],
  ];
  const hasFigures = existsSync(join(outDir, 'figures', 'index.html'));
  if (hasFigures) pageTypes.push(['figures /figures/', 'figures/']);
  const pages: PageScores[] = [];
  try {
    for (const [name, path] of pageTypes) pages.push(await audit(name, site.url + path, chrome.port, runs));
  } finally {
    await chrome.close();
    await site.close();
  }
  console.log(
    `Lighthouse ${pages[0]!.lighthouseVersion}, default config (mobile preset), ${runs} run(s) per page` +
      `${runs > 1 ? ' (median)' : ''}\n${pages[0]!.userAgent}\n`,
  );
  console.log(report(pages));
  if (!hasFigures) console.log('\n/figures/: not in this build (no such page), not measured.');
  console.log('');
  const targets = pages.map((p) => [`${p.name}: 100 in all four categories`, allHundred(p)] as const);
  console.log(targets.map(([name, ok]) => `${ok ? 'PASS' : 'FAIL'}  ${name}`).join('\n'));
  process.exitCode = targets.every(([, ok]) => ok) ? 0 : 1;
}
