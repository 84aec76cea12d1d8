/**
 * The site's own term index, beside Pagefind's (pure functions, no DOM, no Node).
 *
 * Pagefind holds the search units (one per section, one per preface) and their texts, its
 * fragments. To rank, search needs to know which units hold each term whole and how often,
 * in the heading or the text, and to count matches per year and item; reading that from
 * fragments means fetching the text of every match (hundreds at a hundred reports). This
 * index answers it from compact data instead:
 *
 * - the units file (`units.json`): for each unit its address, year, item, order, heading
 *   length and which Pagefind fragment holds its text; fetched once per visit;
 * - term shards (`terms/<id>-N.json`): for every pair of adjacent characters of a unit's folded
 *   text (heading, a separator, text), the units holding it and where; a pair is in the
 *   shard of its first character, so a term of n characters needs at most n - 1 shards,
 *   a single character one. Their names carry the id of the index they belong to (in the
 *   units file), so a reader never mixes shards of two builds and a server may cache them
 *   for good, while the units file, under a fixed name, is checked on every visit.
 *
 * A term occurs whole at position p when each of its pairs occurs at p + k: exact for any
 * term, whatever a segmenter would make of it. Fragments are fetched only for the results
 * shown, for their excerpts. Both files are made at build time from Pagefind's own fragments
 * (search-index.ts), so the two never disagree on a unit's text.
 */
import { fold } from './query.ts';
import { ASSIST_DIR, shardOf } from './assist-files.ts';

/** Bumped when the files' shape changes. */
export const TERM_INDEX_VERSION = 1;
export const UNITS_FILE = `${ASSIST_DIR}units.json`;
export const termShardFile = (id: string, n: number) => `${ASSIST_DIR}terms/${id}-${n}.json`;

/** FNV-1a of texts, as 8 hex digits: the id of an index, from its shards. */
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

/** Between a unit's heading and its text: no term holds it, so no match spans both. */
const SEPARATOR = '\u0001';
/** After a unit's text, so its last character starts a pair too. */
const END = '\u0002';

/** Shards are made about this many characters of JSON each. */
const SHARD_TARGET = 64 * 1024;

/** A search unit as a fragment gives it. */
export interface UnitSource {
  url: string;
  title: string;
  /** The unit's text without its heading. */
  content: string;
  year: number;
  item: string;
  order: number;
  /** The fragment file (its name without .pf_fragment) and, in a group file, the key. */
  fragment: string;
  key?: string;
}

/** A unit as the browser knows it before fetching its fragment. */
export interface IndexedUnit {
  url: string;
  year: number;
  item: string;
  order: number;
  titleLength: number;
  fragment: string;
  key?: string;
}

/** units.json: `[url, year, item (index in items, -1 for none), order, heading length, fragment, key?]` per unit. */
export interface UnitsFile {
  v: number;
  /** The index's id, in its shards' names. */
  id: string;
  shards: number;
  items: string[];
  units: (string | number)[][];
}

/** term shard: pair → flat list of (unit − previous unit, count, position − previous position…). */
export type TermShard = Record<string, number[]>;

/** The text a unit is indexed as, in code points: heading, separator, text, end. */
function indexedChars(title: string, content: string): { chars: string[]; titleLength: number } {
  const heading = Array.from(fold(title).folded.replace(/[\u0001\u0002]/g, ' '));
  const body = Array.from(fold(content).folded.replace(/[\u0001\u0002]/g, ' '));
  return { chars: [...heading, SEPARATOR, ...body, END], titleLength: heading.length };
}

/** Both files for a site's units: path (under the Pagefind folder) → JSON text. */
export function termIndexFiles(units: readonly UnitSource[]): Map<string, string> {
  const items = [...new Set(units.map((u) => u.item).filter(Boolean))].sort();
  const pairs = new Map<string, { unit: number; at: number[] }[]>();
  let size = 0;
  const rows = units.map((u, i) => {
    const { chars, titleLength } = indexedChars(u.title, u.content);
    for (let p = 0; p < chars.length - 1; p++) {
      if (chars[p] === SEPARATOR) continue;
      const pair = chars[p]! + chars[p + 1]!;
      let list = pairs.get(pair);
      if (!list) pairs.set(pair, (list = []));
      let last = list[list.length - 1];
      if (!last || last.unit !== i) list.push((last = { unit: i, at: [] }));
      last.at.push(p);
      size += 4;
    }
    const row: (string | number)[] = [u.url, u.year, u.item ? items.indexOf(u.item) : -1, u.order, titleLength, u.fragment];
    if (u.key) row.push(u.key);
    return row;
  });
  const shards = Math.max(1, Math.ceil(size / SHARD_TARGET));
  const out: TermShard[] = Array.from({ length: shards }, () => ({}));
  for (const [pair, list] of [...pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const flat: number[] = [];
    let prevUnit = 0;
    for (const { unit, at } of list) {
      flat.push(unit - prevUnit, at.length);
      prevUnit = unit;
      let prev = 0;
      for (const p of at) {
        flat.push(p - prev);
        prev = p;
      }
    }
    out[shardOf(Array.from(pair)[0]!, shards)]![pair] = flat;
  }
  const texts = out.map((s) => JSON.stringify(s));
  const unitsFile: UnitsFile = { v: TERM_INDEX_VERSION, id: idOf([JSON.stringify(rows), ...texts]), shards, items, units: rows };
  const files = new Map<string, string>([[UNITS_FILE, JSON.stringify(unitsFile)]]);
  texts.forEach((s, n) => files.set(termShardFile(unitsFile.id, n), s));
  return files;
}

/** The units file as units. */
export function readUnits(file: UnitsFile): IndexedUnit[] {
  return file.units.map(([url, year, item, order, titleLength, fragment, key]) => ({
    url: String(url),
    year: Number(year),
    item: Number(item) >= 0 ? file.items[Number(item)]! : '',
    order: Number(order),
    titleLength: Number(titleLength),
    fragment: String(fragment),
    ...(key === undefined ? {} : { key: String(key) }),
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

/** The shards a term needs: those of the first characters of its deciding pairs (a lone character: its own). */
export function shardsFor(term: string, shards: number): number[] {
  const chars = termChars(term);
  const firsts = chars.length === 1 ? chars : pairOffsets(chars.length).map((k) => chars[k]!);
  return [...new Set(firsts.map((c) => shardOf(c, shards)))];
}

/** A pair's postings as unit → sorted positions. */
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

/**
 * Where a term occurs whole, per unit: text occurrences counted without overlap (as the
 * text is read), the heading counted when it holds the term. `shard(n)` gives shard n,
 * already fetched (shardsFor names them).
 */
export function occurrencesOf(
  term: string,
  units: readonly IndexedUnit[],
  shard: (n: number) => TermShard,
  shards: number,
): Map<number, Occurrence> {
  const chars = termChars(term);
  const out = new Map<number, Occurrence>();
  if (!chars.length) return out;
  let starts: Map<number, number[]>;
  if (chars.length === 1) {
    // Every pair the character starts.
    starts = new Map();
    const c = chars[0]!;
    for (const [pair, flat] of Object.entries(shard(shardOf(c, shards)))) {
      if (Array.from(pair)[0] !== c) continue;
      for (const [u, at] of postings(flat)) starts.set(u, [...(starts.get(u) ?? []), ...at]);
    }
    for (const at of starts.values()) at.sort((a, b) => a - b);
  } else {
    const offsets = pairOffsets(chars.length);
    const lists = offsets.map((k) => postings(shard(shardOf(chars[k]!, shards))[chars[k]! + chars[k + 1]!]));
    starts = new Map();
    for (const [u, at] of lists[0]!) {
      const rest = lists.slice(1).map((l) => l.get(u));
      if (rest.some((r) => !r)) continue;
      const sets = rest.map((r) => new Set(r));
      const whole = at.filter((p) => sets.every((s, i) => s.has(p + offsets[i + 1]!)));
      if (whole.length) starts.set(u, whole);
    }
  }
  for (const [u, at] of starts) {
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

/**
 * A Pagefind fragment's text without the heading it starts with: Pagefind puts the heading
 * and a '. ' of its own first; the heading is scored and shown on its own.
 */
export function fragmentBody(content: string, title: string): string {
  // Pagefind's reader takes out the zero-width spaces its indexer leaves in; so does this.
  const text = content.replace(/\u200B/g, '');
  return title && text.startsWith(title) ? text.slice(title.length).replace(/^\.\s*/, '') : text;
}
