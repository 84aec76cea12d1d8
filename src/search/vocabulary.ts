/**
 * The site's own vocabulary, made at build time from the indexed text (pure functions; the
 * segmenter, pinyin and IDF table are passed in). Jieba's words and the dictionary words
 * inside them (cut for search: 保障法 inside 退役军人保障法) are the words a query is split into; with
 * phrases of two adjacent words they are also what pinyin and typos are matched against. The
 * pinyin, typo and reading files (assist-files.ts) are trimmed to what the site's text holds.
 */
import { typoKeys, pinyinFile, readingFile, typoFile } from './assist-files.ts';

const HAN = /^\p{Script=Han}+$/u;

export interface Segmenter {
  /** Jieba's words of a text, each character once. */
  cut: (text: string) => string[];
  /** Jieba's words with the dictionary words inside them (cut for search: 退役军人 also as 退役, 军人). */
  cutForSearch: (text: string) => string[];
}

/** Words (and the words inside them) of 2–8 Han characters: what a query is split into. */
export function siteWordSet(texts: readonly string[], seg: Segmenter): Set<string> {
  const out = new Set<string>();
  for (const text of texts) {
    for (const w of seg.cutForSearch(text)) {
      const n = Array.from(w).length;
      if (HAN.test(w) && n >= 2 && n <= 8) out.add(w);
    }
  }
  return out;
}

/**
 * Words (and words inside words) and phrases of two adjacent words, 2–6 Han characters, with
 * their counts. A phrase with a stop word in it (将法治) is no phrase a reader means.
 */
export function siteWords(texts: readonly string[], seg: Segmenter, stop: ReadonlySet<string> = new Set()): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (w: string) => counts.set(w, (counts.get(w) ?? 0) + 1);
  const fits = (w: string) => HAN.test(w) && w.length >= 2 && w.length <= 6;
  for (const text of texts) {
    const words = seg.cut(text);
    words.forEach((w, i) => {
      if (!HAN.test(w)) return;
      if (fits(w)) add(w);
      const next = words[i + 1];
      if (next && fits(w + next) && !stop.has(w) && !stop.has(next)) add(w + next);
    });
    for (const w of seg.cutForSearch(text)) if (fits(w) && !words.includes(w)) add(w);
  }
  return counts;
}

/** Each word with how informative it is in Chinese at large: its IDF rounded, 0 when the table lacks it. */
export function wordWeights(words: Iterable<string>, idf: (word: string) => number | undefined): Map<string, number> {
  return new Map([...words].sort().map((w) => [w, Math.round(idf(w) ?? 0)]));
}

/** The most frequent words first, at most `keep` per key. */
function byCount(map: Map<string, Map<string, number>>, keep: number): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, words] of [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    out[key] = [...words].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, keep).map(([w]) => w);
  }
  return out;
}

function addTo(map: Map<string, Map<string, number>>, key: string, word: string, n: number) {
  const m = map.get(key) ?? new Map<string, number>();
  m.set(word, n);
  map.set(key, m);
}

/** Files as path → JSON value, grouped by the file a key belongs to. */
function files(map: Map<string, Map<string, number>>, fileOf: (key: string) => string, keep: number) {
  const grouped = new Map<string, Map<string, Map<string, number>>>();
  for (const [key, words] of map) {
    const f = fileOf(key);
    const g = grouped.get(f) ?? new Map();
    g.set(key, words);
    grouped.set(f, g);
  }
  return new Map([...grouped].map(([f, g]) => [f, byCount(g, keep)]));
}

/**
 * Pinyin files: each word under its full pinyin (youdaizheng) and its initials (ydz).
 * `syllables` gives a word's toneless syllables, one per character.
 */
export function pinyinFiles(words: Map<string, number>, syllables: (word: string) => string[]) {
  const map = new Map<string, Map<string, number>>();
  for (const [w, n] of words) {
    const s = syllables(w).map((x) => x.toLowerCase().replace(/[^a-z]/g, ''));
    if (s.length !== Array.from(w).length || s.some((x) => !x)) continue;
    addTo(map, s.join(''), w, n);
    addTo(map, s.map((x) => x[0]).join(''), w, n);
  }
  return files(map, pinyinFile, 3);
}

/** Words kept per typo key, most frequent first. */
const TYPO_KEEP = 6;

/**
 * Typo files: each word of 2 or more characters under its typo keys, as [word, readings of
 * the character the ? stands for], so the browser can put words that sound the same first.
 */
export function typoFiles(words: Map<string, number>, readings: (ch: string) => string[] = () => []) {
  const map = new Map<string, Map<string, number>>();
  for (const [w, n] of words) for (const k of typoKeys(w)) addTo(map, k, w, n);
  const out = new Map<string, Record<string, [string, string][]>>();
  for (const [f, byKey] of files(map, typoFile, TYPO_KEEP)) {
    const withReadings: Record<string, [string, string][]> = {};
    for (const [key, ws] of Object.entries(byKey)) {
      const at = Array.from(key).indexOf('?');
      withReadings[key] = ws.map((w) => [w, readings(Array.from(w)[at]!).join(' ')]);
    }
    out.set(f, withReadings);
  }
  return out;
}

/** Reading files: each character's toneless readings, for the characters a reader may type. */
export function readingFiles(chars: Iterable<string>, readings: (ch: string) => string[]) {
  const out = new Map<string, Record<string, string>>();
  for (const ch of [...new Set(chars)].sort()) {
    const r = readings(ch).join(' ');
    if (!r) continue;
    const f = readingFile(ch);
    const m = out.get(f) ?? {};
    m[ch] = r;
    out.set(f, m);
  }
  return out;
}

export interface AssistTools extends Segmenter {
  syllables: (word: string) => string[];
  /** A character's toneless readings; none when not given. */
  readings?: (ch: string) => string[];
  /** Characters readers commonly type (besides the site's own), for the reading files. */
  commonChars?: Iterable<string>;
  /** Stop words: no phrase has one. */
  stop?: ReadonlySet<string>;
}

/** The pinyin, typo and reading files for a site's texts, as path (under the search folder) → JSON text. */
export function assistFiles(texts: readonly string[], tools: AssistTools): Map<string, string> {
  const words = siteWords(texts, tools, tools.stop);
  const readings = tools.readings ?? (() => []);
  const chars = [...(tools.commonChars ?? []), ...[...new Set(texts.join(''))].filter((c) => HAN.test(c))];
  const out = new Map<string, string>();
  for (const [f, v] of [...pinyinFiles(words, tools.syllables), ...typoFiles(words, readings), ...readingFiles(chars, readings)]) {
    out.set(f, JSON.stringify(v));
  }
  return out;
}
