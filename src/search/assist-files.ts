/**
 * The small files that help search with pinyin, typos and 繁體, written at build time
 * (vocabulary.ts) beside Pagefind's index and fetched by the browser (assist.ts) only when a
 * query needs them. Names and sharding are shared by both sides here.
 */

/** Folder under the Pagefind folder. */
export const ASSIST_DIR = 'fznb/';

/** Traditional characters whose simplified form occurs in the site's text → that form. */
export const T2S_FILE = `${ASSIST_DIR}t2s.json`;

/**
 * For the 繁體 edition: simplified characters → traditional (c), and the site's words whose
 * traditional form is not their characters' one by one (w: 干部 → 幹部 where 干 alone is 乾).
 */
export const S2T_FILE = `${ASSIST_DIR}s2t.json`;
export interface S2TMap {
  c: Record<string, string>;
  w: Record<string, string>;
}
/** The longest word the s2t map holds. */
export const S2T_LONGEST = 6;

/** Text in traditional characters, by the longest site word at each point, else by character. */
export function toTraditionalWith(map: S2TMap, text: string): string {
  const chars = Array.from(text);
  let out = '';
  for (let i = 0; i < chars.length; ) {
    let n = Math.min(S2T_LONGEST, chars.length - i);
    for (; n >= 2; n--) {
      const w = map.w[chars.slice(i, i + n).join('')];
      if (w !== undefined) {
        out += w;
        break;
      }
    }
    if (n >= 2) i += n;
    else {
      out += map.c[chars[i]!] ?? chars[i]!;
      i++;
    }
  }
  return out;
}

/** Pinyin (full, toneless, no spaces) and initials → site words, one file per first letter. */
export const pinyinFile = (key: string) => `${ASSIST_DIR}py-${key[0]}.json`;

/**
 * Typo keys (a word with one character as ?) → site words, each with the readings (pinyin)
 * of the character the ? stands for, in TYPO_SHARDS files.
 */
export const TYPO_SHARDS = 16;
export const typoFile = (key: string) => `${ASSIST_DIR}typo-${shardOf(key, TYPO_SHARDS)}.json`;

/** FNV-1a of a string, modulo n: which shard a key is in. */
export function shardOf(key: string, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % n;
}

/** Characters → their toneless readings ('wen', 'zhong chong'), in READING_SHARDS files. */
export const READING_SHARDS = 16;
export const readingFile = (ch: string) => `${ASSIST_DIR}hz-${shardOf(ch, READING_SHARDS)}.json`;

/** A word's typo keys: the word with each character in turn as ?. Only words of 2 or more characters. */
export function typoKeys(word: string): string[] {
  const chars = Array.from(word);
  if (chars.length < 2) return [];
  return chars.map((_, i) => chars.map((c, j) => (i === j ? '?' : c)).join(''));
}
