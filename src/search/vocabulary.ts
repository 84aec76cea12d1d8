/**
 * The site's own vocabulary, made at build time from the indexed text (pure functions; the
 * segmenter, pinyin and conversion are passed in): the words jieba finds, and phrases of two
 * adjacent words, each with its count. From it come the pinyin and typo files
 * (assist-files.ts) and the 繁體 character map, all trimmed to what the site's text holds.
 */
import { FILLERS } from './query.ts';
import { typoKeys, pinyinFile, readingFile, typoFile, T2S_FILE, S2T_FILE, S2T_LONGEST, type S2TMap } from './assist-files.ts';

/** Words and two-word phrases of Han characters, 2–6 characters long, with their counts. */
export function siteWords(texts: readonly string[], cut: (text: string) => string[]): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (w: string) => counts.set(w, (counts.get(w) ?? 0) + 1);
  for (const text of texts) {
    const words = cut(text);
    words.forEach((w, i) => {
      if (!/^\p{Script=Han}+$/u.test(w)) return;
      if (w.length >= 2 && w.length <= 6) add(w);
      const next = words[i + 1];
      if (next && /^\p{Script=Han}+$/u.test(next) && w.length + next.length <= 6) add(w + next);
    });
  }
  return counts;
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

/**
 * The 繁體 map: each traditional character (of the CJK block) whose simplified form is made
 * only of characters the site's text holds. Others cannot match anything once converted.
 */
export function traditionalMap(siteChars: ReadonlySet<string>, toSimplified: (ch: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (let c = 0x4e00; c <= 0x9fff; c++) {
    const ch = String.fromCodePoint(c);
    const s = toSimplified(ch);
    if (s !== ch && Array.from(s).every((x) => siteChars.has(x))) out[ch] = s;
  }
  return out;
}

/**
 * The s2t map for the 繁體 edition's search results: each character's traditional form (when
 * it differs), and each site word whose phrase conversion differs from its characters' (only
 * same-length forms, so a converted excerpt keeps its marks where they were).
 */
export function simplifiedToTraditionalMap(words: Iterable<string>, chars: Iterable<string>, toTraditional: (text: string) => string): S2TMap {
  const c: Record<string, string> = {};
  for (const ch of [...new Set(chars)].sort()) {
    const t = toTraditional(ch);
    if (t !== ch && Array.from(t).length === 1) c[ch] = t;
  }
  const byChar = (w: string) => Array.from(w, (ch) => c[ch] ?? ch).join('');
  const w: Record<string, string> = {};
  for (const word of [...new Set(words)].sort()) {
    if (Array.from(word).length > S2T_LONGEST) continue;
    const t = toTraditional(word);
    if (t !== byChar(word) && Array.from(t).length === Array.from(word).length) w[word] = t;
  }
  return { c, w };
}

/** Every assist file for a site's texts, as path (under the Pagefind folder) → JSON text. */
export function assistFiles(
  texts: readonly string[],
  tools: {
    cut: (text: string) => string[];
    syllables: (word: string) => string[];
    toSimplified: (ch: string) => string;
    /** A character's toneless readings; none when not given. */
    readings?: (ch: string) => string[];
    /** Characters readers commonly type (besides the site's own), for the reading files. */
    commonChars?: Iterable<string>;
    /** Simplified to traditional by phrase (the 繁體 edition's converter), for the s2t map. */
    toTraditional?: (text: string) => string;
  },
): Map<string, string> {
  const words = siteWords(texts, tools.cut);
  const readings = tools.readings ?? (() => []);
  const chars = [...(tools.commonChars ?? []), ...[...new Set(texts.join(''))].filter((c) => /\p{Script=Han}/u.test(c))];
  const out = new Map<string, string>();
  for (const [f, v] of [...pinyinFiles(words, tools.syllables), ...typoFiles(words, readings), ...readingFiles(chars, readings)]) {
    out.set(f, JSON.stringify(v));
  }
  // The filler words' characters too, so a traditional question (怎麼, 什麼) loses them as a simplified one does.
  out.set(T2S_FILE, JSON.stringify(traditionalMap(new Set(texts.join('') + FILLERS.join('')), tools.toSimplified)));
  if (tools.toTraditional) out.set(S2T_FILE, JSON.stringify(simplifiedToTraditionalMap(words.keys(), chars, tools.toTraditional)));
  return out;
}
