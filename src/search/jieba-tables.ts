/**
 * Jieba's two tables, its dictionary (a word, its count and its tag per line) and its IDF table
 * (a word and its IDF per line), read for the search files (build-tools.ts). Node only.
 *
 * Both files are UTF-8, 5 and 6 MB, almost all of it Chinese. They are read as Latin-1, one
 * character a byte, not decoded: decoding them takes about three times as long, and a line's parts
 * are split at ASCII spaces and newlines, which no multi-byte character contains. Only the
 * words kept are decoded.
 */
import { NOUN_FREQUENCY } from './lexicon.ts';

/** A file's bytes as text of one character a byte. */
const asBytes = (file: Uint8Array) => Buffer.from(file.buffer, file.byteOffset, file.byteLength).toString('latin1');
const decode = (bytes: string) => Buffer.from(bytes, 'latin1').toString('utf8');
const encode = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

const HAN_CHAR = /^\p{Script=Han}$/u;

/**
 * The characters jieba's dictionary tags as nouns on their own (金, 证, 卡) and counts at least
 * NOUN_FREQUENCY times, each once, in order: a line of one character is its 3 or 4 bytes, a
 * space, its count and its tag.
 */
export function nounChars(dict: Uint8Array): string {
  const out = new Set<string>();
  for (const [, bytes, count] of asBytes(dict).matchAll(/^([\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}) (\d+) n/gm)) {
    const ch = decode(bytes!);
    if (HAN_CHAR.test(ch) && Number(count) >= NOUN_FREQUENCY) out.add(ch);
  }
  return [...out].sort().join('');
}

/** Jieba's IDF of the words wanted and of every word below a level, in the table's order. */
export type IdfLookup = (wanted: ReadonlySet<string>, below: number) => Map<string, number>;

/**
 * The IDF table, read once: each lookup is one pass over it, keeping only the words asked for
 * and those below the level (a map of all 270,000 words costs ten times as long as a pass).
 */
export function idfLookup(idf: Uint8Array): IdfLookup {
  const table = asBytes(idf);
  return (wanted, below) => {
    const keys = new Set([...wanted].map(encode));
    const out = new Map<string, number>();
    for (let start = 0; start < table.length; ) {
      let end = table.indexOf('\n', start);
      if (end < 0) end = table.length;
      const space = table.indexOf(' ', start);
      if (space > start && space < end) {
        const value = Number(table.slice(space + 1, end));
        const word = table.slice(start, space);
        if (value < below || keys.has(word)) out.set(decode(word), value);
      }
      start = end + 1;
    }
    return out;
  };
}
