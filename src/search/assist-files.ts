/**
 * The small files that help search with pinyin and typos, written at build time
 * (vocabulary.ts) beside the term index and fetched by the browser (assist.ts) only when a
 * query needs them. Names and sharding are shared by both sides here.
 */

/** Folder of the site's search files, under the search folder (pagefind/). */
export const ASSIST_DIR = 'fznb/';

/** The search scripts' messages in an edition (messages.ts). */
export const messagesFile = (edition: 'hans' | 'hant') => `${ASSIST_DIR}messages-${edition}.json`;

/** Pinyin (full, toneless, no spaces) and initials → site words, one file per first letter. */
export const pinyinFile = (key: string) => `${ASSIST_DIR}py-${key[0]}.json`;

/**
 * Typo keys (a word with one character as ?) → site words, each with the readings (pinyin)
 * of the character the ? stands for, in TYPO_SHARDS files.
 */
export const TYPO_SHARDS = 16;
export const typoFile = (key: string) => `${ASSIST_DIR}typo-${shardOf(key, TYPO_SHARDS)}.json`;

/** FNV-1a of a string's char codes (of its part from `from` to `to`), as an unsigned number. */
export function fnv1a(text: string, from = 0, to = text.length): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Which of n shards a key is in. */
export const shardOf = (key: string, n: number): number => fnv1a(key) % n;

/** Characters → their toneless readings ('wen', 'zhong chong'), in READING_SHARDS files. */
export const READING_SHARDS = 16;
export const readingFile = (ch: string) => `${ASSIST_DIR}hz-${shardOf(ch, READING_SHARDS)}.json`;

/** A word's typo keys: the word with each character in turn as ?. Only words of 2 or more characters. */
export function typoKeys(word: string): string[] {
  const chars = Array.from(word);
  if (chars.length < 2) return [];
  return chars.map((_, i) => chars.map((c, j) => (i === j ? '?' : c)).join(''));
}
