/**
 * The site's own search index (pure functions, no DOM, no Node), made at build time from
 * Pagefind's fragments (fragments.ts) so the two never disagree on a unit's text.
 *
 * - the manifest (`units.json`, fixed name, checked on every visit): for each unit its year,
 *   items, order and heading length, newest report first; the index's id; how many shards of
 *   each kind; and the lexicon the query reader needs (lexicon.ts): stop words, the 繁體
 *   characters of the site's words, the measure characters printed after numbers;
 * - posting shards (`terms/<id>/p<N>.json`): for every character and every pair of adjacent
 *   characters of a unit's folded text (heading, a separator, text), the units holding it and
 *   where. A key is in shard hash(key) mod the number of shards, and the number of shards grows
 *   with the index, so a shard stays about P_TARGET long whatever the site's size: a search
 *   fetches the shards of its own keys, about half as many as its terms have characters;
 * - word shards (`terms/<id>/w<N>.json`): the site's words (jieba's, see vocabulary.ts), each
 *   with how informative it is in Chinese at large, in the shard of its first pair, so the
 *   browser can split a long query into the site's words with the shards of the query's pairs;
 * - texts (`terms/<id>/<edition>/<N>.json`): each unit's address, heading and text, for the
 *   results shown; the 繁體 edition's converted at build time by the site's one converter.
 *
 * A term occurs whole at position p when each of its pairs occurs at p + k: exact for any
 * term, whatever a segmenter would make of it. Names under terms/<id>/ change with the index,
 * so a server may cache them for good; a reader never mixes files of two builds.
 */
import { fold } from './query.ts';
import { ASSIST_DIR, shardOf } from './assist-files.ts';
import type { Lexicon } from './lexicon.ts';
import type { UnitSource } from './fragments.ts';
import type { Edition } from '../utils/edition.ts';

/** Bumped when the files' shape changes. */
export const TERM_INDEX_VERSION = 2;
export const UNITS_FILE = `${ASSIST_DIR}units.json`;
const dirOf = (id: string) => `${ASSIST_DIR}terms/${id}/`;
export const postingShardFile = (id: string, n: number) => `${dirOf(id)}p${n}.json`;
export const wordShardFile = (id: string, n: number) => `${dirOf(id)}w${n}.json`;
export const textFile = (id: string, edition: Edition, n: number) => `${dirOf(id)}${edition}/${n}.json`;

/** Between a unit's heading and its text: no term holds it, so no match spans both. */
const SEPARATOR = '\u0001';
/** After a unit's text, so its last character starts a pair too. */
const END = '\u0002';

/** Posting shards are made about this many characters of JSON each, word shards WORD_TARGET. */
const P_TARGET = 6 * 1024;
const WORD_TARGET = 3 * 1024;

/** A unit as the browser knows it before fetching its text. */
export interface IndexedUnit {
  /** Its number: which text file is its. */
  n: number;
  year: number;
  items: string[];
  order: number;
  titleLength: number;
}

/** units.json. Columns per unit: year (index into years), items (bit mask over items), order, heading length. */
export interface UnitsFile {
  v: number;
  /** The index's id, in its files' names. */
  id: string;
  shards: { p: number; w: number };
  years: number[];
  items: string[];
  units: { y: number[]; i: number[]; o: number[]; h: number[] };
  lexicon: Lexicon;
}

/** A text file: address, heading, text; the 繁體 one adds the simplified text, which search matches. */
export type TextFile = [url: string, title: string, body: string, simplified?: string];

/** posting shard: key → flat list of (unit − previous unit, count, position − previous position…). */
export type PostingShard = Record<string, number[]>;
/** word shard: site word → how informative it is in Chinese at large (jieba's IDF, rounded; 0: not known). */
export type WordShard = Record<string, number>;

/** FNV-1a of texts, as 8 hex digits: the id of an index, from its files. */
function idOf(texts: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const t of texts) {
    for (let i = 0; i < t.length; i++) {
      h ^= t.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h.toString(16).padStart(8, '0');
}

/** The text a unit is indexed as, in code points: heading, separator, text, end. */
function indexedChars(title: string, content: string): { chars: string[]; titleLength: number } {
  const clean = (s: string) => Array.from(fold(s).folded.replace(/[\u0001\u0002]/g, ' '));
  const heading = clean(title);
  return { chars: [...heading, SEPARATOR, ...clean(content), END], titleLength: heading.length };
}

/** Units newest report first, then in reading order: a unit's number is its place here. */
export function orderUnits(units: readonly UnitSource[]): UnitSource[] {
  return [...units].sort((a, b) => b.year - a.year || a.order - b.order || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/**
 * A key's postings as the flat list the shards hold, written as the units are read: for each
 * unit that has the key, the unit's number less the last one's, how many times the key
 * stands in it, and each place less the one before (numbers only: a site of 8,000 sections
 * has millions of key-and-unit pairs, too many to keep as objects until the end).
 */
class Posting {
  readonly flat: number[] = [];
  private unit = 0;
  private count = -1;
  private at = 0;
  add(unit: number, p: number) {
    if (this.count < 0 || unit !== this.unit) {
      this.flat.push(unit - this.unit, 0);
      [this.unit, this.count, this.at] = [unit, this.flat.length - 1, 0];
    }
    this.flat[this.count]!++;
    this.flat.push(p - this.at);
    this.at = p;
  }
}

/** Every key (character, pair) of each unit, with where it stands. */
function postingsOf(units: readonly UnitSource[]) {
  const keys = new Map<string, Posting>();
  const add = (key: string, unit: number, p: number) => {
    let posting = keys.get(key);
    if (!posting) keys.set(key, (posting = new Posting()));
    posting.add(unit, p);
  };
  const titleLengths = units.map((u, i) => {
    const { chars, titleLength } = indexedChars(u.title, u.content);
    for (let p = 0; p < chars.length - 1; p++) {
      if (chars[p] === SEPARATOR) continue;
      add(chars[p]!, i, p);
      add(chars[p]! + chars[p + 1]!, i, p);
    }
    return titleLength;
  });
  return { keys, titleLengths };
}

/** The length of a value's JSON, counted without writing it for the numbers and lists of numbers the shards hold. */
function jsonLength(v: unknown): number {
  const digits = (n: number) => {
    if (!Number.isSafeInteger(n) || n < 0) return JSON.stringify(n).length;
    let d = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) d++;
    return d;
  };
  if (typeof v === 'number') return digits(v);
  if (Array.isArray(v) && v.every((n) => typeof n === 'number')) return v.reduce((s: number, n: number) => s + digits(n), 2 + Math.max(0, v.length - 1));
  return JSON.stringify(v).length;
}

const byKey = <T>(entries: Iterable<[string, T]>) => [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** Entries spread over shards by hash of `keyOf`, as many shards as make each about `target` long. */
function sharded<T>(entries: [string, T][], keyOf: (k: string) => string, target: number): Record<string, T>[] {
  const size = entries.reduce((s, [k, v]) => s + k.length + jsonLength(v) + 4, 0);
  const out: Record<string, T>[] = Array.from({ length: Math.max(1, Math.ceil(size / target)) }, () => ({}));
  for (const [k, v] of byKey(entries)) out[shardOf(keyOf(k), out.length)]![k] = v;
  return out;
}

/** A word's first pair (or its character): the key its word shard is chosen by. */
export const firstPair = (word: string) => Array.from(word).slice(0, 2).join('');

function manifestUnits(units: readonly UnitSource[], titleLengths: number[]) {
  const years = [...new Set(units.map((u) => u.year))].sort((a, b) => b - a);
  const items = [...new Set(units.flatMap((u) => u.items))].sort();
  const mask = (u: UnitSource) => u.items.reduce((m, item) => m | (1 << items.indexOf(item)), 0);
  return { years, items, units: { y: units.map((u) => years.indexOf(u.year)), i: units.map(mask), o: units.map((u) => u.order), h: titleLengths } };
}

export interface IndexInput {
  units: readonly UnitSource[];
  /** The site's words and how informative each is (vocabulary.ts). */
  words: ReadonlyMap<string, number>;
  lexicon: Lexicon;
  /** Simplified to traditional: the 繁體 edition's converter. */
  toTraditional: (text: string) => string;
}

/** Every file of the index, path (under the search folder) → JSON text. */
export function termIndexFiles(input: IndexInput): Map<string, string> {
  const units = orderUnits(input.units);
  const { keys, titleLengths } = postingsOf(units);
  const postings = sharded([...keys].map(([k, posting]): [string, number[]] => [k, posting.flat]), (k) => k, P_TARGET).map((s) => JSON.stringify(s));
  const words = sharded([...input.words], firstPair, WORD_TARGET).map((s) => JSON.stringify(s));
  const texts = units.map((u) => {
    const hans: TextFile = [u.url, u.title, u.content];
    const hant: TextFile = [u.url, input.toTraditional(u.title), input.toTraditional(u.content), u.content];
    return [JSON.stringify(hans), JSON.stringify(hant)] as const;
  });
  const meta = manifestUnits(units, titleLengths);
  const id = idOf([JSON.stringify(meta), ...postings, ...words, ...texts.flat()]);
  const manifest: UnitsFile = { v: TERM_INDEX_VERSION, id, shards: { p: postings.length, w: words.length }, ...meta, lexicon: input.lexicon };
  const files = new Map<string, string>([[UNITS_FILE, JSON.stringify(manifest)]]);
  postings.forEach((s, n) => files.set(postingShardFile(id, n), s));
  words.forEach((s, n) => files.set(wordShardFile(id, n), s));
  texts.forEach(([hans, hant], n) => {
    files.set(textFile(id, 'hans', n), hans);
    files.set(textFile(id, 'hant', n), hant);
  });
  return files;
}

/** The manifest's units. */
export function readUnits(file: UnitsFile): IndexedUnit[] {
  const { y, i, o, h } = file.units;
  return y.map((yi, n) => ({
    n,
    year: file.years[yi]!,
    items: file.items.filter((_, k) => i[n]! & (1 << k)),
    order: o[n]!,
    titleLength: h[n]!,
  }));
}

/** Where a term occurs in one unit: how often in the text, and whether the heading holds it. */
export interface Occurrence {
  body: number;
  heading: boolean;
  /** Where in the text (not the heading) it starts. */
  at: number[];
}

/** A term's characters, folded as unit texts are. */
export const termChars = (term: string) => Array.from(fold(term).folded).filter((c) => c !== SEPARATOR && c !== END && c.trim());

/**
 * The pairs that decide where a term occurs, by their offset in it: every other pair and the
 * last one cover each character (优待证发放: 优待 at 0, 证发 at 2, 发放 at 3), so a term
 * of n characters needs about n / 2 pairs, and as many shards at most.
 */
export function pairOffsets(length: number): number[] {
  if (length < 2) return [];
  const out: number[] = [];
  for (let k = 0; k < length - 1; k += 2) out.push(k);
  if (out[out.length - 1] !== length - 2) out.push(length - 2);
  return out;
}

/** The keys that decide where a term occurs: its deciding pairs, or a lone character. */
export function keysFor(term: string): string[] {
  const chars = termChars(term);
  if (chars.length === 1) return chars;
  return pairOffsets(chars.length).map((k) => chars[k]! + chars[k + 1]!);
}

/** The posting shards a term needs. */
export const shardsFor = (term: string, shards: number) => [...new Set(keysFor(term).map((k) => shardOf(k, shards)))];

/** The word shards that hold the site's words starting anywhere in a text: those of its pairs. */
export function wordShardsFor(text: string, shards: number): number[] {
  const chars = termChars(text);
  const out = new Set<number>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(shardOf(chars[i]! + chars[i + 1]!, shards));
  return [...out];
}

/** A key's postings as unit → sorted positions. */
function postings(flat: readonly number[] | undefined): Map<number, number[]> {
  const out = new Map<number, number[]>();
  if (!flat) return out;
  let unit = 0;
  for (let i = 0; i < flat.length; ) {
    unit += flat[i++]!;
    const n = flat[i++]!;
    const at: number[] = [];
    let p = 0;
    for (let k = 0; k < n; k++) at.push((p += flat[i++]!));
    out.set(unit, at);
  }
  return out;
}

/** Where every deciding pair of a term lines up: the term's start positions, per unit. */
function wholeStarts(chars: readonly string[], posting: (key: string) => number[] | undefined): Map<number, number[]> {
  if (chars.length === 1) return postings(posting(chars[0]!));
  const offsets = pairOffsets(chars.length);
  const lists = offsets.map((k) => postings(posting(chars[k]! + chars[k + 1]!)));
  const starts = new Map<number, number[]>();
  for (const [u, at] of lists[0]!) {
    const rest = lists.slice(1).map((l) => l.get(u));
    if (rest.some((r) => !r)) continue;
    const sets = rest.map((r) => new Set(r));
    const whole = at.filter((p) => sets.every((s, i) => s.has(p + offsets[i + 1]!)));
    if (whole.length) starts.set(u, whole);
  }
  return starts;
}

/**
 * Where a term occurs whole, per unit: text occurrences counted without overlap (as the text
 * is read), the heading counted when it holds the term. `posting(key)` gives a key's flat
 * postings from shards already fetched (shardsFor names them).
 */
export function occurrencesOf(term: string, units: readonly IndexedUnit[], posting: (key: string) => number[] | undefined): Map<number, Occurrence> {
  const chars = termChars(term);
  const out = new Map<number, Occurrence>();
  if (!chars.length) return out;
  for (const [u, at] of wholeStarts(chars, posting)) {
    const titleLength = units[u]?.titleLength ?? 0;
    let next = 0;
    let heading = false;
    const inText: number[] = [];
    for (const p of at) {
      if (p + chars.length <= titleLength) heading = true;
      else if (p > titleLength && p >= next) {
        inText.push(p);
        next = p + chars.length;
      }
    }
    if (inText.length || heading) out.set(u, { body: inText.length, heading, at: inText });
  }
  return out;
}
