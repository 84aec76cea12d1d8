/**
 * The browser side of search. The query becomes term groups (query.ts, thesaurus.ts,
 * pinyin); the site's term index (term-index.ts) tells, from a few small shards, which
 * units hold each alternative whole and how often; engine.ts ranks them and counts them per
 * year and item. Only the results shown are then read from Pagefind's fragments, for their
 * headings and excerpts, so what a search fetches hardly grows with the number of matches.
 *
 * A term found nowhere is tried in simplified form (繁體 input), then as a near site word (a
 * one-character typo, offered as "did you mean"), then, when long, split into words.
 */
import { allTerms, closePairs, excerpt, groupStrengthOf, rankHeld, type Spans, type RankedOutcome, type Refinement, type TermGroup } from './engine';
import { isHan, isLatin, parseQuery, termWords } from './query';
import { nearWords, NEAR_WEIGHT } from './thesaurus';
import { readerText, simplified, wordsForPinyin, wordsOneAway } from './assist';
import { hitHref } from './render';
import { inPageEdition } from '../utils/edition';
import {
  fragmentBody,
  occurrencesOf,
  readUnits,
  shardsFor,
  termChars,
  termShardFile,
  TERM_INDEX_VERSION,
  UNITS_FILE,
  type IndexedUnit,
  type Occurrence,
  type TermShard,
  type UnitsFile,
} from './term-index';
import { pagefindPath, withBase } from '../utils/routes';

const base = import.meta.env.BASE_URL;
const cache = new Map<string, Promise<unknown>>();

/** A file under the Pagefind folder, fetched once per visit (again after a failure). */
function fetched<T>(path: string, read: (r: Response) => Promise<T>): Promise<T> {
  let p = cache.get(path) as Promise<T> | undefined;
  if (!p) {
    p = fetch(withBase(base, pagefindPath + path)).then((r) => {
      if (!r.ok) throw new Error(`${r.status} ${path}`);
      return read(r);
    });
    p.catch(() => cache.delete(path));
    cache.set(path, p);
  }
  return p;
}

interface TermIndex {
  id: string;
  units: IndexedUnit[];
  shards: number;
  /** Where each text searched for occurs, per unit number. */
  found: Map<string, Promise<Map<number, Occurrence>>>;
}

let index: Promise<TermIndex> | undefined;

/** The units file, fetched on first use (the header field fetches it as the reader starts typing). */
export function loadIndex(): Promise<TermIndex> {
  index ??= fetched<UnitsFile>(UNITS_FILE, (r) => r.json()).then((file) => {
    if (file.v !== TERM_INDEX_VERSION) throw new Error('term index version');
    return { id: file.id, units: readUnits(file), shards: file.shards, found: new Map() };
  });
  index.catch(() => (index = undefined));
  return index;
}

/** Where a text occurs, per unit (its shards fetched once). */
function occurrences(ix: TermIndex, text: string): Promise<Map<number, Occurrence>> {
  let p = ix.found.get(text);
  if (!p) {
    p = (async () => {
      const ns = shardsFor(text, ix.shards);
      const loaded = new Map<number, TermShard>();
      await Promise.all(ns.map(async (n) => loaded.set(n, await fetched<TermShard>(termShardFile(ix.id, n), (r) => r.json()))));
      return occurrencesOf(text, ix.units, (n) => loaded.get(n) ?? {}, ix.shards);
    })();
    p.catch(() => ix.found.delete(text));
    ix.found.set(text, p);
  }
  return p;
}

/** A term with its near words, and for Latin letters the site words they spell in pinyin. */
async function groupFor(term: string): Promise<TermGroup> {
  const alternatives = [{ text: term, weight: 1 }];
  if (isLatin(term)) for (const w of await wordsForPinyin(term)) alternatives.push({ text: w, weight: 1 });
  for (const w of nearWords(term)) alternatives.push({ text: w, weight: NEAR_WEIGHT });
  return { term, alternatives };
}

/** A unit found, numbered as in the units file. */
export interface FoundUnit extends IndexedUnit {
  n: number;
}

/** Every unit holding any alternative of any group, with how strongly it holds each group. */
async function held(ix: TermIndex, groups: readonly TermGroup[]) {
  const texts = [...new Set(groups.flatMap((g) => g.alternatives.map((a) => a.text)))];
  const found = new Map(await Promise.all(texts.map(async (t) => [t, await occurrences(ix, t)] as const)));
  const ns = [...new Set([...found.values()].flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
  const units: FoundUnit[] = ns.map((n) => ({ ...ix.units[n]!, n }));
  const strengths = ns.map((n) => groups.map((g) => groupStrengthOf(g, (t) => found.get(t)?.get(n))));
  const covered = groups.map((_, i) => strengths.some((s) => s[i]! > 0));
  const spans = (n: number): Spans[] =>
    groups.map((g) => g.alternatives.flatMap((a) => (found.get(a.text)?.get(n)?.at ?? []).map((p): [number, number] => [p, termChars(a.text).length])));
  const close = groups.length > 1 ? ns.map((n) => closePairs(spans(n))) : [];
  return { units, strengths, covered, close };
}

/** The browser's word segmenter (ICU), for long terms found nowhere as a whole. */
function segment(text: string): string[] {
  return [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)].map((s) => s.segment);
}

export interface SearchOutcome extends RankedOutcome<FoundUnit> {
  /** The query as searched when a term was replaced by a near site word (a typo). */
  suggestion?: string;
}

export interface SearchOptions {
  /** Search the terms as typed: no typo replacement. */
  exact?: boolean;
}

export async function searchSections(query: string, refine: Refinement = {}, options: SearchOptions = {}): Promise<SearchOutcome> {
  const ix = await loadIndex();
  let terms = parseQuery(query);
  if (!terms.length) return rankHeld<FoundUnit>([], [], []);
  let groups = await Promise.all(terms.map(groupFor));
  let found = await held(ix, groups);
  let suggestion: string | undefined;

  const missing = () => groups.filter((_, i) => !found.covered[i]).map((g) => g.term);
  const retry = async (next: string[]) => {
    terms = next;
    groups = await Promise.all(terms.map(groupFor));
    found = await held(ix, groups);
  };

  if (missing().some((t) => /\p{Script=Han}/u.test(t))) {
    // The whole query in simplified form, read again: 怎麼申請 loses its 怎么 as 怎么申请 does.
    const simple = parseQuery(await simplified(query));
    if (simple.join(' ') !== terms.join(' ')) await retry(simple);
  }
  if (!options.exact) {
    const typos = missing().filter((t) => isHan(t) && Array.from(t).length >= 2);
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
    const split = terms.flatMap((t) => (long.includes(t) ? termWords(t, segment) : [t]));
    if (split.join(' ') !== terms.join(' ')) await retry([...new Set(split)]);
  }
  return { ...rankHeld(found.units, found.strengths, groups, refine, found.close), suggestion };
}

/** Pagefind's signature at the start of a fragment file, after gzip. */
const SIGNATURE = 'pagefind_dcd';

/** A fragment file as JSON: Pagefind's files are gzip (read with the browser's own decompressor). */
async function readFragmentFile(r: Response): Promise<Record<string, unknown>> {
  let bytes = new Uint8Array(await r.arrayBuffer());
  const signed = (b: Uint8Array) => new TextDecoder().decode(b.subarray(0, SIGNATURE.length)) === SIGNATURE;
  if (!signed(bytes)) {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  }
  if (!signed(bytes)) throw new Error('fragment');
  return JSON.parse(new TextDecoder().decode(bytes.subarray(SIGNATURE.length)));
}

/** A result as shown: its link, heading and excerpt. */
export interface ShownHit {
  /** The unit's address on the site, in the reader's edition. */
  url: string;
  /** The link, marking the terms on arrival. */
  href: string;
  year: number;
  title: string;
  /** HTML: the text escaped, each whole term in <mark>; empty when the text could not be read. */
  excerpt: string;
}

/** The heading and excerpt of each result shown, from its Pagefind fragment. */
export async function showHits(hits: readonly FoundUnit[], terms: readonly string[]): Promise<ShownHit[]> {
  const marked = allTerms([{ term: '', alternatives: terms.map((text) => ({ text, weight: 1 })) }]);
  // On a 繁體 page: links to the 繁體 pages, marking the terms as that page writes them.
  const say = await readerText().catch(() => (text: string) => text);
  const shownTerms = terms.map(say);
  return Promise.all(
    hits.map(async (h) => {
      const url = inPageEdition(withBase(base, h.url), base);
      const href = hitHref({ url }, shownTerms);
      try {
        const file = await fetched(`fragment/${h.fragment}.pf_fragment`, readFragmentFile);
        const f = (h.key ? file[h.key] : file) as { content: string; meta: Record<string, string> };
        const title = f.meta.title ?? '';
        const body = fragmentBody(f.content, title);
        return { url, href, year: h.year, title: say(title), excerpt: excerpt(body, marked, undefined, undefined, say(body)) };
      } catch {
        return { url, href, year: h.year, title: '', excerpt: '' };
      }
    }),
  );
}
