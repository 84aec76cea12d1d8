/**
 * Search over the site's own index (term-index.ts), given a way to load its files: the browser
 * fetches them (client.ts), tests and benchmarks read them from a built site. The query is read
 * into term groups (analyze.ts): a few small shards say which units hold each alternative
 * whole, how often and where, and which site words a long query is made of; engine.ts ranks
 * the units and counts them per year and item. Results' texts are read only for those shown.
 */
import { closePairs, groupStrengthOf, rankHeld, type RankedOutcome, type Refinement, type Spans, type TermGroup } from './engine.ts';
import { analyze, type Lookups } from './analyze.ts';
import { assist, type Load } from './assist.ts';
import { shardOf } from './assist-files.ts';
import type { Edition } from '../utils/edition.ts';
import {
  firstPair,
  keysFor,
  occurrencesOf,
  postingShardFile,
  readUnits,
  termChars,
  textFile,
  wordShardFile,
  wordShardsFor,
  TERM_INDEX_VERSION,
  UNITS_FILE,
  type IndexedUnit,
  type Occurrence,
  type PostingShard,
  type TextFile,
  type UnitsFile,
  type WordShard,
} from './term-index.ts';

export interface TermIndex {
  file: UnitsFile;
  units: IndexedUnit[];
  stop: Set<string>;
  common: Set<string>;
  postings: Map<number, PostingShard>;
  words: Map<number, WordShard>;
  /** Where each text searched for occurs, per unit number. */
  found: Map<string, Map<number, Occurrence>>;
}

export interface SearchOutcome extends RankedOutcome<IndexedUnit> {
  /** The query as searched when a word was read as a typo of a site word. */
  suggestion?: string;
  /** Topic words of the query found nowhere on the site. */
  missing: string[];
}

export interface SearchOptions {
  /** Search the query's parts as typed: no typo replacement, no splitting into words. */
  exact?: boolean;
}

/** Where a text occurs, per unit, from the posting shards already fetched. */
function occurrences(ix: TermIndex, text: string): Map<number, Occurrence> {
  let found = ix.found.get(text);
  if (!found) {
    const posting = (key: string) => ix.postings.get(shardOf(key, ix.file.shards.p))?.[key];
    found = occurrencesOf(text, ix.units, posting);
    ix.found.set(text, found);
  }
  return found;
}

/** Every unit holding any alternative of any group, with how strongly it holds each group, and the pairs that stand close. */
function held(ix: TermIndex, groups: readonly TermGroup[]) {
  const texts = [...new Set(groups.flatMap((g) => g.alternatives.flatMap((a) => (a.text ? [a.text] : []))))];
  const found = new Map(texts.map((t) => [t, occurrences(ix, t)] as const));
  const items = new Set(groups.flatMap((g) => g.alternatives.flatMap((a) => (a.item ? [a.item] : []))));
  const ns = new Set([...found.values()].flatMap((m) => [...m.keys()]));
  for (const u of ix.units) if (u.items.some((i) => items.has(i))) ns.add(u.n);
  const units = [...ns].sort((a, b) => a - b).map((n) => ix.units[n]!);
  const strengths = units.map((u) => groups.map((g) => groupStrengthOf(g, u, (t) => found.get(t)?.get(u.n))));
  const spans = (u: IndexedUnit): Spans[] =>
    groups.map((g) => g.alternatives.flatMap((a) => (a.text ? (found.get(a.text)?.get(u.n)?.at ?? []).map((p): [number, number] => [p, termChars(a.text!).length]) : [])));
  const close = groups.length > 1 ? units.map((u) => closePairs(spans(u))) : [];
  return { units, strengths, close };
}

/** Loads the shards these texts (posting shards) and runs (word shards) need and have not yet. */
async function prepare(ix: TermIndex, load: Load, texts: readonly string[], runs: readonly string[] = []) {
  const { id, shards } = ix.file;
  const p = new Set(texts.flatMap((t) => keysFor(t).map((k) => shardOf(k, shards.p))).filter((n) => !ix.postings.has(n)));
  const w = new Set(runs.flatMap((r) => wordShardsFor(r, shards.w)).filter((n) => !ix.words.has(n)));
  await Promise.all([
    ...[...p].map(async (n) => ix.postings.set(n, await load<PostingShard>(postingShardFile(id, n)))),
    ...[...w].map(async (n) => ix.words.set(n, await load<WordShard>(wordShardFile(id, n)))),
  ]);
}

/** What reading a query needs, answered from the index. */
function lookups(ix: TermIndex, load: Load, helps: ReturnType<typeof assist>): Lookups {
  const { lexicon, shards, years } = ix.file;
  return {
    years,
    stop: ix.stop,
    common: ix.common,
    t2s: lexicon.t2s,
    measures: lexicon.measures,
    nouns: lexicon.nouns,
    prepare: (texts, runs) => prepare(ix, load, texts, runs),
    found: (text) => termChars(text).length > 0 && occurrences(ix, text).size > 0,
    siteWord: (word) => ix.words.get(shardOf(firstPair(word), shards.w))?.[word],
    pinyin: helps.wordsForPinyin,
    oneAway: helps.wordsOneAway,
    readings: helps.readingsOf,
  };
}

/** The index from its manifest, with nothing of its shards loaded yet. */
function indexOf(file: UnitsFile): TermIndex {
  if (file.v !== TERM_INDEX_VERSION) throw new Error('term index version');
  const { stop, common } = file.lexicon;
  return { file, units: readUnits(file), stop: new Set(stop), common: new Set(common), postings: new Map(), words: new Map(), found: new Map() };
}

/** Search over the files `load` gives: the manifest loaded on first use, each shard when a query needs it. */
export function searcher(load: Load) {
  const helps = assist(load);
  let index: Promise<TermIndex> | undefined;

  function loadIndex(): Promise<TermIndex> {
    index ??= load<UnitsFile>(UNITS_FILE).then(indexOf);
    index.catch(() => (index = undefined));
    return index;
  }

  async function search(query: string, refine: Refinement = {}, options: SearchOptions = {}): Promise<SearchOutcome> {
    const ix = await loadIndex();
    const { groups, missing, suggestion } = await analyze(query, lookups(ix, load, helps), options);
    const found = held(ix, groups);
    return { ...rankHeld(found.units, found.strengths, groups, refine, found.close, ix.units.length), suggestion, missing };
  }

  /** A unit's text file in an edition: address, heading, text as shown, text as matched. */
  async function text(unit: IndexedUnit, edition: Edition): Promise<{ url: string; title: string; shown: string; matched: string }> {
    const ix = await loadIndex();
    const [url, title, shown, matched = shown] = await load<TextFile>(textFile(ix.file.id, edition, unit.n));
    return { url, title, shown, matched };
  }

  return { loadIndex, search, text };
}
