/**
 * How this site ranks and shows search results, as pure functions (no DOM, no fetching).
 *
 * The query is read into term groups (analyze.ts): each topic word of the query with the words
 * that stand for it (the word itself; near words from the thesaurus; a pinyin spelling's or a
 * typo's site word; a numeral's digits; for a question about the report's structure, the
 * sections of that item; for 明年, each report's own next year), each with a weight. A unit holds
 * a group when it holds any of its alternatives whole (after width and case folding), the more
 * strongly the more often, and more again in its heading.
 *
 * Units are scored by what they cover of the query, each group weighing by how rare it is on
 * the site and how informative its word is in Chinese at large, a little more the more strongly
 * it is held, with a bonus for groups that stand close together. A word found nowhere never
 * empties the page: it is left out (and named to the reader, analyze.ts). A unit that holds only
 * common words (知道, 工作) is not listed; nor is one that holds none of the groups.
 */
import { fold } from './query.ts';

export interface Alternative {
  /** Text that counts for the group where a unit holds it. */
  text?: string;
  /** A required item: every unit reporting on it holds the group. */
  item?: string;
  /** Only units of this report year hold `text` for the group (明年 → 2024年 in the 2023 report). */
  year?: number;
  weight: number;
}

/** One topic word of the query and what counts for it. */
export interface TermGroup {
  term: string;
  alternatives: Alternative[];
  /** A common word (知道, 工作): it adds to a unit's score but lists no unit on its own. */
  weak?: boolean;
  /** How informative the word is in Chinese at large, 0–1 (1 when not known). */
  general?: number;
}

export type SortOrder = 'relevance' | 'newest';

export interface Refinement {
  year?: number;
  item?: string;
  sort?: SortOrder;
}

/** What ranking needs of a unit: its number, report year, items and place in the report. */
export interface Ranked {
  n: number;
  year: number;
  items: readonly string[];
  order: number;
}

export interface RankedOutcome<T extends Ranked> {
  /** Every text searched for, longest first, for marking. */
  terms: string[];
  hits: (T & { score: number })[];
  /** Hits per year and per item before the year and item filters, for the filter controls. */
  counts: { year: Map<number, number>; item: Map<string, number> };
  /** True when no unit holds every group. */
  partial: boolean;
  /** True when every hit holds every group. */
  complete: boolean;
}

/** A term as a group with only itself. */
export const plainGroup = (term: string): TermGroup => ({ term, alternatives: [{ text: term, weight: 1 }] });

/** Each occurrence of a term in the text counts once; in the heading it counts HEADING_WEIGHT. */
export const HEADING_WEIGHT = 3;

/** How strongly a unit holds a group, from where each text alternative occurs in it (term-index.ts). */
export function groupStrengthOf(
  g: TermGroup,
  unit: Ranked,
  occurrence: (text: string) => { body: number; heading: boolean } | undefined,
): number {
  let s = 0;
  for (const a of g.alternatives) {
    if (a.item !== undefined) {
      if (unit.items.includes(a.item)) s += a.weight * HEADING_WEIGHT;
      continue;
    }
    if (a.text === undefined || (a.year !== undefined && a.year !== unit.year)) continue;
    const o = occurrence(a.text);
    if (o) s += a.weight * (o.body + (o.heading ? HEADING_WEIGHT : 0));
  }
  return s;
}

/**
 * Terms a reader puts together usually stand together in the text they mean: 老兵招聘会 is
 * the 退役军人专场招聘会, not a 招聘会 paragraphs away from 退役军人. Two groups are close in a
 * unit when an occurrence of one ends within CLOSE_GAP characters of an occurrence of the
 * other; each close pair adds CLOSE_SHARE of the lighter group's weight.
 */
export const CLOSE_GAP = 8;
export const CLOSE_SHARE = 0.5;

/** Where one group occurs in a text: start offsets, each with the length of what occurs there. */
export type Spans = [start: number, length: number][];

/** The pairs of groups that stand close, given where each group occurs. */
export function closePairs(spans: readonly Spans[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < spans.length; i++) {
    for (let j = i + 1; j < spans.length; j++) {
      const close = spans[i]!.some(([a, la]) =>
        spans[j]!.some(([b, lb]) => (b >= a + la ? b - (a + la) : a >= b + lb ? a - (b + lb) : 0) <= CLOSE_GAP),
      );
      if (close) out.push([i, j]);
    }
  }
  return out;
}

/** How rare a group is among n units of which df hold it: rarer groups weigh more. */
export const rarity = (df: number, n: number) => Math.log(1 + (n + 1) / Math.max(df, 1));

/** How much holding a group h strongly counts: more for more, less and less (BM25's saturation, k1 = TF_K). */
export const TF_K = 1.2;
export const tfScore = (h: number) => (h * (TF_K + 1)) / (h + TF_K);

/** A unit's score: each held group's weight times how strongly it is held; close pairs add. */
export function unitScore(held: readonly number[], weights: readonly number[], close: readonly [number, number][] = []): number {
  let s = 0;
  held.forEach((h, i) => {
    if (h > 0) s += weights[i]! * tfScore(h);
  });
  for (const [i, j] of close) s += CLOSE_SHARE * Math.min(weights[i]!, weights[j]!);
  return s;
}

/** Every text alternative, longest first (so a mark covers the longest whole term). */
export function allTerms(groups: readonly TermGroup[]): string[] {
  const out = new Set<string>();
  for (const g of groups) for (const a of g.alternatives) if (a.text) out.add(a.text);
  return [...out].sort((a, b) => b.length - a.length);
}

/** Whether a unit may be listed: it holds a group that is not a common word (or the query has only those). */
function listable(held: readonly number[], groups: readonly TermGroup[]): boolean {
  const strong = groups.some((g) => !g.weak);
  return held.some((h, i) => h > 0 && (!strong || !groups[i]!.weak));
}

function countBy<T extends Ranked>(hits: readonly T[]) {
  const counts = { year: new Map<number, number>(), item: new Map<string, number>() };
  for (const h of hits) {
    counts.year.set(h.year, (counts.year.get(h.year) ?? 0) + 1);
    for (const item of h.items) counts.item.set(item, (counts.item.get(item) ?? 0) + 1);
  }
  return counts;
}

function ordered<T extends Ranked>(hits: (T & { score: number })[], refine: Refinement) {
  const byRelevance = (a: T & { score: number }, b: T & { score: number }) => b.score - a.score || b.year - a.year || a.order - b.order || a.n - b.n;
  const byNewest = (a: T & { score: number }, b: T & { score: number }) => b.year - a.year || byRelevance(a, b);
  return hits
    .filter((h) => (refine.year === undefined || h.year === refine.year) && (!refine.item || h.items.includes(refine.item)))
    .sort(refine.sort === 'newest' ? byNewest : byRelevance);
}

/**
 * Ranks units by how strongly each holds each group (held[i][g], groupStrengthOf) and applies
 * the refinement. `total` is how many units the site has; `close[i]` the pairs of groups that
 * stand close in unit i (closePairs).
 */
export function rankHeld<T extends Ranked>(
  units: readonly T[],
  held: readonly (readonly number[])[],
  groups: readonly TermGroup[],
  refine: Refinement = {},
  close: readonly (readonly [number, number][])[] = [],
  total = units.length,
): RankedOutcome<T> {
  const terms = allTerms(groups);
  const df = groups.map((_, i) => held.filter((h) => h[i]! > 0).length);
  const weights = groups.map((g, i) => rarity(df[i]!, total) * (g.general ?? 1));
  const all: (T & { score: number })[] = [];
  units.forEach((u, i) => {
    const h = held[i];
    if (h && listable(h, groups)) all.push({ ...u, score: unitScore(h, weights, close[i]) });
  });
  const full = (i: number) => held[i]!.every((x) => x > 0);
  const fullCount = held.filter((_, i) => full(i)).length;
  return {
    terms,
    hits: ordered(all, refine),
    counts: countBy(all),
    partial: groups.length > 1 && fullCount === 0,
    complete: fullCount === all.length,
  };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Start offsets (in the folded text) of every non-overlapping occurrence of term. */
function occurrences(folded: string, term: string): number[] {
  const at: number[] = [];
  if (!term) return at;
  for (let i = folded.indexOf(term); i !== -1; i = folded.indexOf(term, i + term.length)) at.push(i);
  return at;
}

/** Where each term occurs in a text, as ranges of the original text, in order. */
function markRanges(content: string, terms: readonly string[]): [number, number][] {
  const { folded, origin } = fold(content);
  const ranges: [number, number][] = [];
  for (const t of terms) for (const s of occurrences(folded, t)) ranges.push([origin[s]!, origin[s + t.length]!]);
  return ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
}

/**
 * A window of the text around the first whole-term match, with every term in it marked.
 * `before` characters of context lead the match; the window is `length` characters long.
 * `shown`: the text as the reader sees it (the 繁體 form), matched in `content`; used only
 * when it is as long, so the marks stay on the same characters.
 */
export function excerpt(content: string, terms: readonly string[], length = 96, before = 28, shown?: string): string {
  const out = shown !== undefined && shown.length === content.length ? shown : content;
  const ranges = markRanges(content, terms);
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

