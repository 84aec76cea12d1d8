/**
 * What a reader typed, as pieces of one script each (pure functions, no DOM).
 *
 * Readers write and speak questions and lists, not keywords: 优待证怎么申请, 锦旗、表扬,
 * 《宪法》, 2023年锦旗, pufa活动, fǎzhì. A query is folded (full-width forms, case, the tone
 * marks of pinyin), split at spaces of either width and at Chinese and ASCII punctuation, and
 * each part again where its script changes: Chinese characters, Latin letters, numbers. What
 * the pieces mean (words, stop words, intents, numerals, a number's measure word) is read
 * later, with the site's own words at hand (analyze.ts).
 */

/** Characters folding leaves as they are (common Chinese characters, lower-case letters, digits): most of any text, so they skip normalising. */
const PLAIN = /^[\u4e00-\u9fffa-z0-9]$/;

/** Folds full-width forms, case and the marks on Latin letters (ǎ → a, ü → v), per character, keeping a map back to the original. */
export function fold(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    let f = PLAIN.test(ch) ? ch : ch.normalize('NFKC').toLowerCase();
    if (/\p{Script=Latin}/u.test(f)) f = f.normalize('NFD').replace(/u\u0308/g, 'v').replace(/\p{M}/gu, '');
    folded += f;
    for (let k = 0; k < f.length; k++) origin.push(i);
    i += ch.length;
  }
  origin.push(i);
  return { folded, origin };
}

/**
 * Where terms split: spaces, emoji, and punctuation that never sits inside a term (after
 * folding, so ，becomes , and ：becomes :). The full stop . and % stay (21.40 and 100% are terms), and
 * brackets too: (一) is how the reports number their sub-headings.
 */
const SEPARATORS = /[\s,;:!?、。《》〈〉「」『』【】“”‘’"'`…\p{Extended_Pictographic}\p{Emoji_Modifier}\u{FE0F}\u{200D}]+/u;

export type Script = 'han' | 'latin' | 'number' | 'other';

/** A piece of the query in one script. `joined`: no separator stood between it and the piece before. */
export interface Piece {
  text: string;
  script: Script;
  joined: boolean;
}

const scriptOf = (ch: string): Script =>
  /\p{Script=Han}|〇/u.test(ch) ? 'han' : /[a-z]/.test(ch) ? 'latin' : /[0-9.%]/.test(ch) ? 'number' : 'other';

/** One part of the query (between separators) in pieces of one script; other characters ((一), 2021-2025) stay with what they stand beside. */
export function splitScripts(part: string): Piece[] {
  const out: Piece[] = [];
  let cur = '';
  let script: Script = 'other';
  for (const ch of part) {
    const s = scriptOf(ch);
    if (cur && s !== 'other' && script !== 'other' && s !== script) {
      out.push({ text: cur, script, joined: out.length > 0 });
      cur = '';
    }
    cur += ch;
    if (s !== 'other') script = s;
  }
  if (cur) out.push({ text: cur, script, joined: out.length > 0 });
  return out;
}

/** The query's pieces: folded, split at separators, then where the script changes. */
export function queryPieces(query: string): Piece[] {
  return fold(query).folded.split(SEPARATORS).filter(Boolean).flatMap((p) => splitScripts(p));
}

/** The query's parts as typed (folded, split at separators only): what an exact search looks for. */
export function parseQuery(query: string): string[] {
  return [...new Set(fold(query).folded.split(SEPARATORS).filter(Boolean))];
}

/** A run of Chinese numerals: digits, places, the decimal point; 百分之 before a percentage. */
export const NUMERAL_RUN = /(?:百分之)?[零〇一二两三四五六七八九十百千万亿][零〇一二两三四五六七八九十百千万亿点]*/gu;

/** Whether a query has a number in it, in digits or Chinese numerals (so its forms need reading). */
export const hasNumber = (text: string) => /[0-9零〇一二两三四五六七八九十百千万亿]/u.test(text);

/** A term typed in Latin letters only, which may be pinyin (youdaizheng) or initials (ydz). */
export const isLatin = (term: string) => /^[a-z]{2,}$/.test(term);

/** Han characters in a term, as a test for terms the typo and pinyin helps apply to. */
export const isHan = (term: string) => /^\p{Script=Han}+$/u.test(term);
