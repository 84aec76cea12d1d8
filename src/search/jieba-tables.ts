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
import { fnv1a } from './assist-files.ts';

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
 * The IDF table, indexed once (while the build's pages are made): each word's line by a hash of
 * its bytes, and each line's whole-number part. A lookup then reads only the lines of the words
 * asked for and of those whose whole part may be below the level, where a pass over all
 * 270,000 lines would slice and parse every one (a map of them all costs ten times as long).
 */
export function idfLookup(idf: Uint8Array): IdfLookup {
  const table = asBytes(idf);
  const lines = indexLines(table);
  const valueAt = (line: number) => Number(table.slice(lines.space[line]! + 1, lines.end[line]));
  const wordAt = (line: number) => decode(table.slice(lines.start[line], lines.space[line]));
  return (wanted, below) => {
    // Each line found, with its word: a word asked for as asked (its bytes matched), any other decoded.
    const found = new Map<number, string>();
    for (const word of wanted) for (const line of lines.of(encode(word))) found.set(line, word.isWellFormed() ? word : wordAt(line));
    for (let line = 0; line < lines.count; line++) {
      const whole = lines.whole[line]!;
      if ((whole < 0 || whole < below) && !found.has(line) && valueAt(line) < below) found.set(line, wordAt(line));
    }
    const out = new Map<string, number>();
    for (const line of [...found.keys()].sort((a, b) => a - b)) out.set(found.get(line)!, valueAt(line));
    return out;
  };
}

/**
 * The lines of a table of "word value" lines: where each starts, its space and its end, its
 * value's whole part (-1 when the value is not plain digits), and the lines of a word.
 */
function indexLines(table: string) {
  let most = 1;
  for (let at = table.indexOf('\n'); at >= 0; at = table.indexOf('\n', at + 1)) most++;
  const [start, space, end, whole] = [new Int32Array(most), new Int32Array(most), new Int32Array(most), new Int32Array(most)];
  let count = 0;
  for (let from = 0; from < table.length; ) {
    let to = table.indexOf('\n', from);
    if (to < 0) to = table.length;
    const gap = table.indexOf(' ', from);
    if (gap > from && gap < to) {
      start[count] = from;
      space[count] = gap;
      end[count] = to;
      whole[count++] = wholePart(table, gap + 1, to);
    }
    from = to + 1;
  }
  const size = 2 ** Math.ceil(Math.log2(count * 2 + 1));
  const slots = new Int32Array(size).fill(-1);
  const slotOf = (h: number) => h & (size - 1);
  for (let line = 0; line < count; line++) {
    let slot = slotOf(fnv1a(table, start[line]!, space[line]!));
    while (slots[slot] !== -1) slot = slotOf(slot + 1);
    slots[slot] = line;
  }
  const sameWord = (word: string, line: number) => space[line]! - start[line]! === word.length && table.startsWith(word, start[line]);
  return {
    start, space, end, whole, count,
    /** The lines of a word (its bytes as one character a byte), in table order. */
    of(word: string): number[] {
      const out: number[] = [];
      for (let slot = slotOf(fnv1a(word)); slots[slot] !== -1; slot = slotOf(slot + 1)) if (sameWord(word, slots[slot]!)) out.push(slots[slot]!);
      return out;
    },
  };
}

/** The whole part of a plain decimal between `from` and `to` (digits, then a point or nothing), else -1. */
function wholePart(text: string, from: number, to: number): number {
  let n = 0;
  let i = from;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) break;
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return i === from ? -1 : n;
}
