/**
 * Query sets written independently of the search code, measured in real Chromium:
 * `node bench/search-sets.ts [set.json …]` (default: every file in bench/search-sets/).
 *
 * A set names, for each query, the sections any one of which is a right first result
 * (`best`), the sections that must all be among the first five (`top5`), and topics the
 * reports do not cover (`absent`). Sections are named by numeral (一…七) or 'preface'. For
 * this site and for Pagefind on its own over the same build, it prints P@1 and R@5 per group,
 * absent topics answered with nothing or under a notice naming the missing word
 * (没有找到“…”), and answerable queries that got no result at all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import type { Page } from 'playwright-core';
import { ROOT } from '../tests/helpers/build.ts';
import { builtAndServed } from './site.ts';
import { launch } from '../tests/helpers/browser.ts';
import { toChineseNumeral } from '../src/domain/numerals.ts';

export interface SetQuery {
  q: string;
  group: string;
  best: string[];
  top5: string[];
  absent?: boolean;
}

interface Answer {
  got: string[];
  /** The notice above the results, when there is one. */
  note: string;
}

const SETS_DIR = join(ROOT, 'bench/search-sets');
const files = process.argv.slice(2).length
  ? process.argv.slice(2).map((f) => resolve(f))
  : readdirSync(SETS_DIR).filter((f) => f.endsWith('.json')).sort().map((f) => join(SETS_DIR, f));
const sets = files.map((f) => ({ name: basename(f, '.json'), queries: (JSON.parse(readFileSync(f, 'utf8')) as { queries: SetQuery[] }).queries }));

/** A result's address as the sets name it: 一…七 for /YYYY/section-N/, preface for #preface. */
export function sectionName(href: string): string {
  const u = new URL(href, 'http://x/');
  if (u.hash === '#preface') return 'preface';
  const n = /section-(\d+)\/?$/.exec(u.pathname)?.[1];
  return n ? toChineseNumeral(Number(n)) : u.pathname;
}

/** Submits a query on the search page and resolves when its results are on screen. */
function runQuery(page: Page, q: string) {
  return page.evaluate(async (q) => {
    const form = document.getElementById('search-form') as HTMLFormElement;
    const input = form.elements.namedItem('q') as HTMLInputElement;
    const list = document.getElementById('search-results') as HTMLOListElement;
    const status = document.getElementById('search-status')!;
    delete list.dataset.query;
    // Done when the status names this query's outcome (not the previous one's) and nothing is loading.
    status.textContent = '';
    const said = () => {
      const t = status.textContent ?? '';
      return t !== '' && !t.startsWith('正在');
    };
    const done = () => said() && !list.hasAttribute('aria-busy') && (list.dataset.query === q || list.children.length === 0);
    input.value = q;
    form.requestSubmit();
    await new Promise<void>((resolve) => {
      const mo = new MutationObserver(() => done() && (mo.disconnect(), resolve()));
      mo.observe(document.body, { attributes: true, childList: true, subtree: true, characterData: true });
      if (done()) (mo.disconnect(), resolve());
    });
    const note = document.getElementById('search-note');
    return {
      hrefs: [...list.querySelectorAll('li')].map((li) => li.querySelector('a')!.getAttribute('href')!),
      note: `${status.textContent ?? ''} ${note && !note.hidden ? (note.textContent ?? '') : ''}`,
    };
  }, q);
}

interface Score {
  n: number;
  p1: number;
  r5: number;
  empty: number;
  absent: number;
  absentOk: number;
}

export function score(queries: readonly SetQuery[], answers: readonly Answer[]) {
  const groups = new Map<string, Score>();
  const all: Score = { n: 0, p1: 0, r5: 0, empty: 0, absent: 0, absentOk: 0 };
  const rows: string[] = [];
  queries.forEach((q, i) => {
    const a = answers[i]!;
    const g = groups.get(q.group) ?? { n: 0, p1: 0, r5: 0, empty: 0, absent: 0, absentOk: 0 };
    groups.set(q.group, g);
    if (q.absent) {
      const ok = a.got.length === 0 || /没有找到“/.test(a.note);
      for (const s of [g, all]) (s.absent++, (s.absentOk += ok ? 1 : 0));
      rows.push(`${ok ? 'ok  ' : 'MISS'} ${q.group.padEnd(10)} ${q.q}  (absent; ${a.got.length} results${a.note.trim() ? `; ${a.note.trim().slice(0, 60)}` : ''})`);
      return;
    }
    const p1 = a.got[0] !== undefined && q.best.includes(a.got[0]);
    const r5 = q.top5.every((s) => a.got.slice(0, 5).includes(s));
    for (const s of [g, all]) {
      s.n++;
      s.p1 += p1 ? 1 : 0;
      s.r5 += r5 ? 1 : 0;
      s.empty += a.got.length ? 0 : 1;
    }
    rows.push(`${p1 ? 'ok  ' : 'MISS'} ${q.group.padEnd(10)} ${q.q}  → ${a.got.slice(0, 5).join(' ') || '(nothing)'}  want ${q.best.join('/')}`);
  });
  return { groups, all, rows };
}

const pct = (a: number, b: number) => (b ? `${((a / b) * 100).toFixed(1)}%` : '-');

export function report(name: string, s: ReturnType<typeof score>): string {
  const line = (label: string, x: Score) =>
    x.n
      ? `  ${label.padEnd(12)} P@1 ${pct(x.p1, x.n).padStart(6)} (${x.p1}/${x.n})  R@5 ${pct(x.r5, x.n).padStart(6)}  no result ${x.empty}`
      : `  ${label.padEnd(12)} absent topics empty or flagged ${x.absentOk}/${x.absent}`;
  return [
    `${name}:`,
    line('overall', s.all),
    ...(s.all.absent ? [`  ${'absent'.padEnd(12)} empty or flagged ${s.all.absentOk}/${s.all.absent}`] : []),
    ...[...s.groups].map(([g, x]) => line(g, x)),
  ].join('\n');
}

const { outDir, site } = await builtAndServed();

// Pagefind on its own over the same pages, written beside the site for this run only.
const { index } = await pagefind.createIndex({});
if (!index) throw new Error('pagefind index');
await index.addDirectory({ path: outDir });
await index.writeFiles({ outputPath: join(outDir, 'pagefind-stock') });
await pagefind.close();

const browser = await launch();
const page = await browser.newPage();
await page.goto(`${site.url}search/`);
await runQuery(page, '退役');

const stock = await browser.newPage();
await stock.goto(`${site.url}404.html`);

const verbose = Boolean(process.env.BENCH_VERBOSE);
for (const set of sets) {
  const ours: Answer[] = [];
  for (const q of set.queries) {
    const r = await runQuery(page, q.q);
    ours.push({ got: r.hrefs.map(sectionName), note: r.note });
  }
  const stockRaw = await stock.evaluate(async (qs) => {
    const pf = await import(`${location.origin}/pagefind-stock/pagefind.js`);
    await pf.init();
    const out: string[][] = [];
    for (const q of qs) {
      const { results } = await pf.search(q);
      out.push((await Promise.all(results.slice(0, 10).map((r: { data(): Promise<{ url: string }> }) => r.data()))).map((d) => d.url));
    }
    return out;
  }, set.queries.map((q) => q.q));
  const oursScore = score(set.queries, ours);
  const stockScore = score(set.queries, stockRaw.map((urls) => ({ got: urls.map(sectionName), note: '' })));
  if (verbose) console.log(oursScore.rows.join('\n'));
  console.log(`\n${report(`${set.name} (${set.queries.length} queries), this site`, oursScore)}`);
  console.log(report(`${set.name}, Pagefind alone on the same build`, stockScore));
}

await browser.close();
await site.close();
