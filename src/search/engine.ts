/**
 * How this site ranks and shows search results, as pure functions (no DOM, no Pagefind).
 *
 * Pagefind finds candidate sections; its Chinese segmentation (jieba at index time,
 * Intl.Segmenter in the browser) disagrees on word boundaries, so on its own it returns
 * sections that hold only some characters of a term, ranks them by those pieces and
 * highlights pieces ([锦][旗]). Chinese is written without spaces, so what a reader types is
 * treated as a phrase: a section matches when it contains every space-separated term
 * exactly (after width and case folding), ranking counts whole-term occurrences, and
 * excerpts mark whole terms.
 */

export interface Candidate {
  url: string;
  /** Indexed text of the section, heading included. */
  content: string;
  /** The section heading as printed, e.g. 二、深入学习…… */
  title: string;
  year: number;
  item: string;
  order: number;
  /** Pagefind's own score, used only to break ties. */
  engineScore: number;
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

export interface Outcome {
  terms: string[];
  /** Hits after the year and item filters, in the requested order. */
  hits: Hit[];
  /** Hits per year and per item before those filters, for the filter controls. */
  counts: { year: Map<number, number>; item: Map<string, number> };
}

/** Folds full-width forms and case per character, keeping a map back to the original. */
export function fold(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = ch.normalize('NFKC').toLowerCase();
    folded += f;
    for (let k = 0; k < f.length; k++) origin.push(i);
    i += ch.length;
  }
  origin.push(i);
  return { folded, origin };
}

const QUOTES = /["“”'‘’「」『』]/g;

/** Terms of a query: split on spaces (of either width), quotes dropped, folded, unique. */
export function parseQuery(query: string): string[] {
  const terms = fold(query.replace(QUOTES, ' ')).folded.split(/\s+/).filter(Boolean);
  return [...new Set(terms)];
}

/** Start offsets (in the folded text) of every non-overlapping occurrence of term. */
function occurrences(folded: string, term: string): number[] {
  const at: number[] = [];
  for (let i = folded.indexOf(term); i !== -1; i = folded.indexOf(term, i + term.length)) at.push(i);
  return at;
}

/**
 * Each occurrence of a term in the text counts once; the term in the heading counts
 * HEADING_WEIGHT more. A section matches only when every term occurs in one or the other.
 */
const HEADING_WEIGHT = 3;

export function score(c: Pick<Candidate, 'content' | 'title'>, terms: string[]): number | undefined {
  const body = fold(c.content).folded;
  const heading = fold(c.title).folded;
  let total = 0;
  for (const t of terms) {
    const n = occurrences(body, t).length + (heading.includes(t) ? HEADING_WEIGHT : 0);
    if (n === 0) return undefined;
    total += n;
  }
  return total;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A window of the text around the first whole-term match, with every term in it marked.
 * `before` characters of context lead the match; the window is `length` characters long.
 */
export function excerpt(content: string, terms: string[], length = 96, before = 28): string {
  const { folded, origin } = fold(content);
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
    html += escapeHtml(content.slice(pos, from)) + '<mark>' + escapeHtml(content.slice(from, to)) + '</mark>';
    pos = to;
  }
  html += escapeHtml(content.slice(pos, endU)) + (end < chars.length ? '…' : '');
  return html;
}

export function rank(candidates: readonly Candidate[], query: string, refine: Refinement = {}): Outcome {
  const terms = parseQuery(query);
  const all: Hit[] = [];
  if (terms.length) {
    for (const c of candidates) {
      const s = score(c, terms);
      if (s !== undefined) all.push({ ...c, score: s, excerpt: excerpt(c.content, terms) });
    }
  }
  const counts = { year: new Map<number, number>(), item: new Map<string, number>() };
  for (const h of all) {
    counts.year.set(h.year, (counts.year.get(h.year) ?? 0) + 1);
    counts.item.set(h.item, (counts.item.get(h.item) ?? 0) + 1);
  }
  const byRelevance = (a: Hit, b: Hit) =>
    b.score - a.score || b.engineScore - a.engineScore || b.year - a.year || a.order - b.order;
  const byNewest = (a: Hit, b: Hit) => b.year - a.year || byRelevance(a, b);
  const hits = all
    .filter((h) => (refine.year === undefined || h.year === refine.year) && (!refine.item || h.item === refine.item))
    .sort(refine.sort === 'newest' ? byNewest : byRelevance);
  return { terms, hits, counts };
}
