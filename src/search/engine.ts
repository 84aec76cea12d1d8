/**
 * How this site ranks and shows search results, as pure functions (no DOM, no Pagefind).
 *
 * Pagefind finds candidate sections; its Chinese segmentation (jieba at index time,
 * Intl.Segmenter in the browser) disagrees on word boundaries, so on its own it returns
 * sections that hold only some characters of a term, ranks them by those pieces and
 * highlights pieces ([锦][旗]). Here each term of the query (query.ts) is a group of
 * alternatives: the term itself, and the words that stand for it (near words from the
 * thesaurus, the word a pinyin spelling or a typo stands for), each with a weight. A group is
 * covered by a section holding any of its alternatives whole (after width and case folding).
 *
 * A section covering every group is a full match; when there is none, sections covering some
 * groups are ranked by what they cover, each group weighing by how rare it is among the
 * candidates, and the outcome says the match is partial. That only when every term occurs
 * somewhere: a term found nowhere (社保卡) means a topic the reports do not cover, and the
 * query returns nothing. Excerpts mark whole terms.
 */
import { fold, parseQuery } from './query.ts';

export { fold, parseQuery };

export interface Candidate {
  url: string;
  /** Indexed text of the section, heading included. */
  content: string;
  /** The section heading as printed, e.g. 二、深入学习…… */
  title: string;
  year: number;
  item: string;
  order: number;
  /** Another engine's score, used only to break ties. */
  engineScore?: number;
}

export interface Hit extends Candidate {
  score: number;
  /** Excerpt as HTML: text escaped, each whole term in <mark>. */
  excerpt: string;
}

export type SortOrder = 'relevance' | 'newest';

export interface Refinement {
  year?: number;
  item?: string;
  sort?: SortOrder;
}

export interface Alternative {
  text: string;
  weight: number;
}

/** One term of the query and what else counts for it. */
export interface TermGroup {
  term: string;
  alternatives: Alternative[];
}

export interface Outcome {
  /** Every alternative searched for, for highlighting. */
  terms: string[];
  /** Hits after the year and item filters, in the requested order. */
  hits: Hit[];
  /** Hits per year and per item before those filters, for the filter controls. */
  counts: { year: Map<number, number>; item: Map<string, number> };
  /** True when no section holds every term and the hits hold only some. */
  partial: boolean;
}

/** A term as a group with only itself. */
export const plainGroup = (term: string): TermGroup => ({ term, alternatives: [{ text: term, weight: 1 }] });

/** Start offsets (in the folded text) of every non-overlapping occurrence of term. */
function occurrences(folded: string, term: string): number[] {
  const at: number[] = [];
  if (!term) return at;
  for (let i = folded.indexOf(term); i !== -1; i = folded.indexOf(term, i + term.length)) at.push(i);
  return at;
}

/**
 * Each occurrence of a term in the text counts once; the term in the heading counts
 * HEADING_WEIGHT more.
 */
const HEADING_WEIGHT = 3;

function termCount(body: string, heading: string, term: string): number {
  return occurrences(body, term).length + (heading.includes(term) ? HEADING_WEIGHT : 0);
}

/** How strongly a section holds a group: its alternatives' counts, each times its weight. */
function groupStrength(body: string, heading: string, g: TermGroup): number {
  let s = 0;
  for (const a of g.alternatives) s += a.weight * termCount(body, heading, a.text);
  return s;
}

/** The score of a section holding every term (the sum of their counts), or undefined. */
export function score(c: Pick<Candidate, 'content' | 'title'>, terms: string[]): number | undefined {
  const body = fold(c.content).folded;
  const heading = fold(c.title).folded;
  let total = 0;
  for (const t of terms) {
    const n = termCount(body, heading, t);
    if (n === 0) return undefined;
    total += n;
  }
  return total;
}

/** Per group, how strongly a candidate holds it (0: not at all). */
export function strengths(c: Pick<Candidate, 'content' | 'title'>, groups: readonly TermGroup[]): number[] {
  const body = fold(c.content).folded;
  const heading = fold(c.title).folded;
  return groups.map((g) => groupStrength(body, heading, g));
}

/**
 * Terms a reader puts together usually stand together in the text they mean: 老兵招聘会 is
 * the 退役军人专场招聘会, not a 招聘会 paragraphs away from 退役军人. Two groups are close in a
 * section when an occurrence of one ends within CLOSE_GAP characters of an occurrence of the
 * other; each close pair adds CLOSE_BONUS to a full match's score.
 */
export const CLOSE_GAP = 8;
export const CLOSE_BONUS = 2;

/** Where one group occurs in a text: start offsets, each with the length of what occurs there. */
export type Spans = [start: number, length: number][];

/** How many pairs of groups are close, given where each group occurs. */
export function closePairs(spans: readonly Spans[]): number {
  let n = 0;
  for (let i = 0; i < spans.length; i++) {
    for (let j = i + 1; j < spans.length; j++) {
      const close = spans[i]!.some(([a, la]) =>
        spans[j]!.some(([b, lb]) => (b >= a + la ? b - (a + la) : a >= b + lb ? a - (b + lb) : 0) <= CLOSE_GAP),
      );
      if (close) n++;
    }
  }
  return n;
}

/** Where each group occurs in a candidate's text (its alternatives, whole). */
export function groupSpans(c: Pick<Candidate, 'content'>, groups: readonly TermGroup[]): Spans[] {
  const body = fold(c.content).folded;
  return groups.map((g) => g.alternatives.flatMap((a) => occurrences(body, a.text).map((p): [number, number] => [p, a.text.length])));
}

/** How rare a group is among n candidates of which df hold it: rarer terms weigh more. */
export const rarity = (df: number, n: number) => Math.log(1 + (n + 1) / Math.max(df, 1));

/**
 * A partial match's score: each covered group's rarity, a little more the more strongly it
 * is held, so covering more (and rarer) terms always beats repeating one.
 */
export function partialScore(held: readonly number[], weights: readonly number[]): number {
  let s = 0;
  held.forEach((h, i) => {
    if (h > 0) s += weights[i]! * (1 + Math.min(h, 10) / 20);
  });
  return s;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A window of the text around the first whole-term match, with every term in it marked.
 * `before` characters of context lead the match; the window is `length` characters long.
 * `shown`: the text as the reader sees it (the 繁體 form), matched in `content`; used only
 * when it is as long, so the marks stay on the same characters.
 */
export function excerpt(content: string, terms: readonly string[], length = 96, before = 28, shown?: string): string {
  const { folded, origin } = fold(content);
  const out = shown !== undefined && shown.length === content.length ? shown : content;
  const ranges: [number, number][] = [];
  for (const t of terms) for (const s of occurrences(folded, t)) ranges.push([origin[s]!, origin[s + t.length]!]);
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const chars = Array.from(content);
  // Work in code points so a window never splits a character.
  const cpIndex = (utf16: number) => Array.from(content.slice(0, utf16)).length;
  const first = ranges.length ? cpIndex(ranges[0]![0]) : 0;
  const start = Math.max(0, Math.min(first - before, chars.length - length));
  const end = Math.min(chars.length, start + length);
  const startU = chars.slice(0, start).join('').length;
  const endU = startU + chars.slice(start, end).join('').length;

  let html = start > 0 ? '…' : '';
  let pos = startU;
  for (const [a, b] of ranges) {
    if (b <= pos || a >= endU) continue;
    const from = Math.max(a, pos);
    const to = Math.min(b, endU);
    html += escapeHtml(out.slice(pos, from)) + '<mark>' + escapeHtml(out.slice(from, to)) + '</mark>';
    pos = to;
  }
  html += escapeHtml(out.slice(pos, endU)) + (end < chars.length ? '…' : '');
  return html;
}

/** Every alternative's text, longest first (so a mark covers the longest whole term). */
export function allTerms(groups: readonly TermGroup[]): string[] {
  const out = new Set<string>();
  for (const g of groups) for (const a of g.alternatives) out.add(a.text);
  return [...out].sort((a, b) => b.length - a.length);
}

/** What ranking needs of a unit: where it is and what it belongs to. */
export interface Ranked {
  url: string;
  year: number;
  item: string;
  order: number;
  /** Another engine's score, used only to break ties. */
  engineScore?: number;
}

export interface RankedOutcome<T extends Ranked> {
  terms: string[];
  hits: (T & { score: number })[];
  counts: { year: Map<number, number>; item: Map<string, number> };
  partial: boolean;
}

/**
 * Ranks units by how strongly each holds each group (held[i][g], as `strengths` gives it)
 * and applies the refinement. Units holding none of the groups may be left out of the list.
 */
export function rankHeld<T extends Ranked>(
  units: readonly T[],
  held: readonly (readonly number[])[],
  groups: readonly TermGroup[],
  refine: Refinement = {},
  /** Per unit, how many pairs of groups stand close together in it (closePairs). */
  close: readonly number[] = [],
): RankedOutcome<T> {
  const terms = allTerms(groups);
  if (!groups.length) return { terms, hits: [], counts: { year: new Map(), item: new Map() }, partial: false };
  const full = held.map((h) => h.every((s) => s > 0));
  const df = groups.map((_, i) => held.filter((h) => h[i]! > 0).length);
  // Partial matches only when each term occurs somewhere: a term found nowhere is a topic
  // the reports do not cover, and its company of common words must not stand in for it.
  const partial = groups.length > 1 && !full.some(Boolean) && df.every((n) => n > 0);
  const weights = df.map((n) => rarity(n, units.length));

  const all: (T & { score: number })[] = [];
  units.forEach((c, i) => {
    const h = held[i];
    if (!h) return;
    const s = full[i] ? h.reduce((a, b) => a + b, 0) + CLOSE_BONUS * (close[i] ?? 0) : partial && h.some((x) => x > 0) ? partialScore(h, weights) : undefined;
    if (s !== undefined) all.push({ ...c, score: s });
  });
  const counts = { year: new Map<number, number>(), item: new Map<string, number>() };
  for (const h of all) {
    counts.year.set(h.year, (counts.year.get(h.year) ?? 0) + 1);
    if (h.item) counts.item.set(h.item, (counts.item.get(h.item) ?? 0) + 1);
  }
  const byRelevance = (a: T & { score: number }, b: T & { score: number }) =>
    b.score - a.score || (b.engineScore ?? 0) - (a.engineScore ?? 0) || b.year - a.year || a.order - b.order;
  const byNewest = (a: T & { score: number }, b: T & { score: number }) => b.year - a.year || byRelevance(a, b);
  const hits = all
    .filter((h) => (refine.year === undefined || h.year === refine.year) && (!refine.item || h.item === refine.item))
    .sort(refine.sort === 'newest' ? byNewest : byRelevance);
  return { terms, hits, counts, partial };
}

/** Ranks candidates with their texts for a query (a string, or its term groups), each hit with its excerpt. */
export function rank(candidates: readonly Candidate[], query: string | readonly TermGroup[], refine: Refinement = {}): Outcome {
  const groups = typeof query === 'string' ? parseQuery(query).map(plainGroup) : query;
  const held = candidates.map((c) => strengths(c, groups));
  const close = groups.length > 1 ? candidates.map((c) => closePairs(groupSpans(c, groups))) : [];
  const out = rankHeld(candidates, held, groups, refine, close);
  return { ...out, hits: out.hits.map((h) => ({ ...h, excerpt: excerpt(h.content, out.terms) })) };
}

/** How strongly a unit holds a group, from where each alternative occurs in it (term-index.ts). */
export function groupStrengthOf(g: TermGroup, occurrence: (text: string) => { body: number; heading: boolean } | undefined): number {
  let s = 0;
  for (const a of g.alternatives) {
    const o = occurrence(a.text);
    if (o) s += a.weight * (o.body + (o.heading ? HEADING_WEIGHT : 0));
  }
  return s;
}
