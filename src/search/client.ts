/**
 * The browser side of search: loads Pagefind from the site's /pagefind/ (under the base
 * path) on first use, turns the query into term groups (query.ts, thesaurus.ts, pinyin),
 * asks Pagefind for the candidate sections of each alternative, and hands them to the
 * ranking in engine.ts. A term found nowhere is tried in simplified form (繁體 input), then
 * as a near site word (a one-character typo, offered as "did you mean"), then, when long,
 * split into words.
 */
import { rank, strengths, type Candidate, type Outcome, type Refinement, type TermGroup } from './engine';
import { isHan, isLatin, parseQuery, wordsOf } from './query';
import { nearWords, NEAR_WEIGHT } from './thesaurus';
import { simplified, wordsForPinyin, wordsOneAway } from './assist';
import { pagefindPath, withBase } from '../utils/routes';

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<{
    url: string;
    content: string;
    meta: Record<string, string>;
    filters: Record<string, string[]>;
  }>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string): Promise<{ results: PagefindResult[] }>;
}

const base = import.meta.env.BASE_URL;
let loading: Promise<Pagefind> | undefined;

export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const pf: Pagefind = await import(/* @vite-ignore */ withBase(base, `${pagefindPath}pagefind.js`));
    // Result URLs are indexed from the site root; the base path is added here.
    await pf.options({ baseUrl: withBase(base, '') });
    await pf.init();
    return pf;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** A Pagefind result as a candidate for ranking (Pagefind caches the fragment it fetches). */
async function candidate(r: PagefindResult): Promise<Candidate> {
  const d = await r.data();
  const title = d.meta.title ?? '';
  // Pagefind's text starts with the heading and a '. ' it adds; the heading is scored and
  // shown on its own, so the excerpt starts with the text.
  const content = title && d.content.startsWith(title) ? d.content.slice(title.length).replace(/^\.\s*/, '') : d.content;
  return {
    url: d.url,
    content,
    title,
    year: Number(d.filters.year?.[0]),
    item: d.filters.item?.[0] ?? '',
    order: Number(d.meta.order ?? 0),
    engineScore: r.score,
  };
}

/** A term with its near words, and for Latin letters the site words they spell in pinyin. */
async function groupFor(term: string): Promise<TermGroup> {
  const alternatives = [{ text: term, weight: 1 }];
  if (isLatin(term)) for (const w of await wordsForPinyin(term)) alternatives.push({ text: w, weight: 1 });
  for (const w of nearWords(term)) alternatives.push({ text: w, weight: NEAR_WEIGHT });
  return { term, alternatives };
}

/** Candidates for every alternative of every group, each section once. */
async function candidatesFor(pf: Pagefind, groups: readonly TermGroup[]): Promise<Candidate[]> {
  const texts = [...new Set(groups.flatMap((g) => g.alternatives.map((a) => a.text)))];
  const found = new Map<string, PagefindResult>();
  for (const { results } of await Promise.all(texts.map((t) => pf.search(t)))) {
    for (const r of results) if (!found.has(r.id)) found.set(r.id, r);
  }
  return Promise.all([...found.values()].map(candidate));
}

/** The browser's word segmenter (ICU), for long terms found nowhere as a whole. */
function segment(text: string): string[] {
  return [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)].map((s) => s.segment);
}

export interface SearchOutcome extends Outcome {
  /** The query as searched when a term was replaced by a near site word (a typo). */
  suggestion?: string;
}

export interface SearchOptions {
  /** Search the terms as typed: no typo replacement. */
  exact?: boolean;
}

const covered = (cands: readonly Candidate[], g: TermGroup) => cands.some((c) => strengths(c, [g])[0]! > 0);

export async function searchSections(query: string, refine: Refinement = {}, options: SearchOptions = {}): Promise<SearchOutcome> {
  const pf = await loadPagefind();
  let terms = parseQuery(query);
  if (!terms.length) return rank([], '');
  let groups = await Promise.all(terms.map(groupFor));
  let cands = await candidatesFor(pf, groups);
  let suggestion: string | undefined;

  const missing = () => groups.filter((g) => !covered(cands, g)).map((g) => g.term);
  const retry = async (next: string[]) => {
    terms = next;
    groups = await Promise.all(terms.map(groupFor));
    cands = await candidatesFor(pf, groups);
  };

  if (missing().some((t) => /\p{Script=Han}/u.test(t))) {
    const simple = await Promise.all(terms.map(simplified));
    if (simple.some((t, i) => t !== terms[i])) await retry(simple);
  }
  if (!options.exact) {
    const typos = missing().filter((t) => isHan(t) && Array.from(t).length >= 3);
    if (typos.length) {
      const replaced = await Promise.all(terms.map(async (t) => (typos.includes(t) ? ((await wordsOneAway(t))[0] ?? t) : t)));
      if (replaced.some((t, i) => t !== terms[i])) {
        await retry(replaced);
        suggestion = terms.join(' ');
      }
    }
  }
  const long = missing().filter((t) => isHan(t) && Array.from(t).length >= 4);
  if (long.length) {
    const split = terms.flatMap((t) => (long.includes(t) ? wordsOf(t, segment) : [t]));
    if (split.join(' ') !== terms.join(' ')) await retry([...new Set(split)]);
  }
  return { ...rank(cands, groups, refine), suggestion };
}
