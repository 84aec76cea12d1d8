/**
 * What the search benchmarks share (bench/search.ts, bench/search-sets.ts): reading query
 * sets, running a query through the search page in Chromium, running it through Pagefind on
 * its own (a stock index built over the same pages into a folder of the run's own), and scoring.
 *
 * Two set formats. A set of bench/search-sets/ names, for each query, the sections any one of
 * which is a right first result (`best`), the sections that must all be among the first five
 * (`top5`) and topics the reports do not cover (`absent`), by numeral (一…七) or 'preface'.
 * bench/search-queries*.json name, per query, the expected sections by path (2023/section-2,
 * 2023/#preface) and the one that must come first (`primary`); their R@5 is the share of the
 * expected sections (up to five) in the first five. An absent topic is answered right when
 * nothing is listed, or the results stand under a notice naming the missing word (没有找到“…”).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import type { Browser, Page } from 'playwright-core';
import { ROOT } from '../tests/helpers/build.ts';
import { toChineseNumeral } from '../src/domain/numerals.ts';

export interface SetQuery {
  q: string;
  group: string;
  best: string[];
  top5: string[];
  absent?: boolean;
  /** Legacy sets: every expected section, for a share-of-expected R@5. */
  expected?: string[];
}

export interface QuerySet {
  name: string;
  queries: SetQuery[];
}

interface LegacyQuery {
  q: string;
  kind: string;
  expected: string[];
  primary?: string;
}

/** A section named by its path (2023/section-2, 2023/#preface) as the sets name it (二, preface). */
const fromPath = (path: string) => (path.endsWith('#preface') ? 'preface' : toChineseNumeral(Number(/section-(\d+)/.exec(path)?.[1])));

/** A set file of either format. */
export function readSet(file: string): QuerySet {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { queries: (SetQuery | LegacyQuery)[] };
  const queries = data.queries.map((q): SetQuery => {
    if ('group' in q) return q;
    const expected = q.expected.map(fromPath);
    return { q: q.q, group: q.kind, best: q.primary ? [fromPath(q.primary)] : [], top5: expected.slice(0, 5), absent: !q.expected.length, expected };
  });
  return { name: basename(file, '.json'), queries };
}

export const SETS_DIR = join(ROOT, 'bench/search-sets');

/** The legacy sets, every set of bench/search-sets/, and any set files named on the command line. */
export function allSets(extra: readonly string[] = []): QuerySet[] {
  const own = readdirSync(SETS_DIR).filter((f) => f.endsWith('.json')).sort().map((f) => join(SETS_DIR, f));
  const legacy = ['bench/search-queries.json', 'bench/search-queries-citizen.json'].map((f) => join(ROOT, f));
  return [...legacy, ...own, ...extra.map((f) => resolve(f))].map(readSet);
}

/** A result's address as the sets name it: 一…七 for /YYYY/section-N/, preface for #preface. */
export function sectionName(href: string): string {
  const u = new URL(href, 'http://x/');
  if (u.hash === '#preface') return 'preface';
  const n = /section-(\d+)\/?$/.exec(u.pathname)?.[1];
  return n ? toChineseNumeral(Number(n)) : u.pathname;
}

export interface Answer {
  got: string[];
  /** The status and the notes above the results. */
  note: string;
  /** Marked text in the first five excerpts. */
  marks?: string[];
  ms?: number;
}

/** Submits a query on the search page and resolves when its results are on screen (the list says which query it is for). */
export async function runQuery(page: Page, q: string): Promise<Answer> {
  const r = await page.evaluate(async (q) => {
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
    const note = document.getElementById('search-note')!;
    const items = [...list.querySelectorAll('li')];
    return {
      ms,
      hrefs: items.map((li) => li.querySelector('a')!.getAttribute('href')!),
      note: `${document.getElementById('search-status')!.textContent ?? ''} ${note.hidden ? '' : (note.textContent ?? '')}`,
      marks: items.slice(0, 5).flatMap((li) => [...li.querySelectorAll('mark')].map((m) => m.textContent!)),
    };
  }, q);
  return { got: r.hrefs.map(sectionName), note: r.note, marks: r.marks, ms: r.ms };
}

/** Pagefind on its own over the same built pages, written beside the site (pagefind-stock/) for this run only. */
export async function stockIndex(outDir: string): Promise<void> {
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('pagefind index');
  await index.addDirectory({ path: outDir });
  await index.writeFiles({ outputPath: join(outDir, 'pagefind-stock') });
  await pagefind.close();
}

/** The same queries through the stock index's own JavaScript API, in a page of the served site. */
export async function stockAnswers(browser: Browser, siteUrl: string, queries: readonly string[]): Promise<Answer[]> {
  const page = await browser.newPage();
  await page.goto(`${siteUrl}404.html`);
  const raw = await page.evaluate(async ({ qs, base }) => {
    const pf = await import(`${base}pagefind-stock/pagefind.js`);
    await pf.init();
    const out: { urls: string[]; marks: string[] }[] = [];
    for (const q of qs) {
      const { results } = await pf.search(q);
      const data = await Promise.all(results.slice(0, 10).map((r: { data(): Promise<{ url: string; excerpt: string }> }) => r.data()));
      out.push({ urls: data.map((d) => d.url), marks: data.slice(0, 5).flatMap((d) => [...d.excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]!)) });
    }
    return out;
  }, { qs: [...queries], base: new URL(siteUrl).pathname });
  await page.close();
  return raw.map((r) => ({ got: r.urls.map(sectionName), note: '', marks: r.marks }));
}

export interface Score {
  n: number;
  p1: number;
  r5: number;
  empty: number;
  absent: number;
  absentOk: number;
}

const zero = (): Score => ({ n: 0, p1: 0, r5: 0, empty: 0, absent: 0, absentOk: 0 });

/** R@5 of one answer: its whole top5 within the first five, or (legacy sets) the share of expected sections there. */
function recall(q: SetQuery, got: readonly string[]): number {
  const first = got.slice(0, 5);
  if (q.expected) return q.expected.filter((e) => first.includes(e)).length / Math.min(5, q.expected.length);
  return q.top5.every((s) => first.includes(s)) ? 1 : 0;
}

export function score(queries: readonly SetQuery[], answers: readonly Answer[]) {
  const groups = new Map<string, Score>();
  const all = zero();
  const rows: string[] = [];
  queries.forEach((q, i) => {
    const a = answers[i]!;
    const g = groups.get(q.group) ?? zero();
    groups.set(q.group, g);
    if (q.absent) {
      const ok = a.got.length === 0 || /没有找到“/.test(a.note);
      for (const s of [g, all]) (s.absent++, (s.absentOk += ok ? 1 : 0));
      rows.push(`${ok ? 'ok  ' : 'MISS'} ${q.group.padEnd(10)} ${q.q}  (absent; ${a.got.length} results${a.note.trim() ? `; ${a.note.trim().slice(0, 60)}` : ''})`);
      return;
    }
    const p1 = a.got[0] !== undefined && q.best.includes(a.got[0]);
    const r5 = recall(q, a.got);
    for (const s of [g, all]) {
      s.n++;
      s.p1 += p1 ? 1 : 0;
      s.r5 += r5;
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

/** Runs every set through the search page and through stock Pagefind; prints the figures; returns the scores. */
export async function measureSets(browser: Browser, siteUrl: string, sets: readonly QuerySet[], verbose = false) {
  const page = await browser.newPage();
  await page.goto(`${siteUrl}search/`);
  await runQuery(page, '退役');
  const out: { set: QuerySet; ours: ReturnType<typeof score>; stock: ReturnType<typeof score>; answers: Answer[] }[] = [];
  for (const set of sets) {
    const answers: Answer[] = [];
    for (const q of set.queries) answers.push(await runQuery(page, q.q));
    const ours = score(set.queries, answers);
    const stock = score(set.queries, await stockAnswers(browser, siteUrl, set.queries.map((q) => q.q)));
    if (verbose) console.log(ours.rows.join('\n'));
    console.log(`\n${report(`${set.name} (${set.queries.length} queries), this site`, ours)}`);
    console.log(report(`${set.name}, Pagefind alone on the same build`, stock));
    out.push({ set, ours, stock, answers });
  }
  await page.close();
  return out;
}
