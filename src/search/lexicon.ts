/**
 * The words the query reader needs besides the site's own, made at build time from well-kept
 * data and carried in the index's manifest (term-index.ts). Pure functions: the data is passed in.
 *
 * - Stop words: the Chinese list of stopwords-iso, trimmed by one rule (stopList): only entries
 *   written in Chinese characters (punctuation and digits the query reader splits off itself),
 *   no numerals (the number reader turns 六十三 into 63), and none of the words that
 *   intents.json reads as a question about the report's structure or a year (去年, 安排). A
 *   stop word is dropped only as a whole word of the query (人 stays in 退役军人).
 * - Common words: the words jieba's IDF table rates most common in Chinese at large
 *   (IDF < COMMON_IDF: 知道, 现在, 工作, 情况), of two characters or more. Such a word still counts where the site
 *   prints it, lightly, but never lists a section on its own, and one the site never prints
 *   is not named as a missing topic.
 * - 繁體: each traditional character whose simplified form the site prints (OpenCC's t2s),
 *   so a query typed in traditional characters is read in simplified ones.
 * - Measure characters: those the site prints right after a number (年, 人, 个, 万), so a
 *   query's 2023年锦旗 splits into 2023年 and 锦旗.
 * - Noun characters: the single characters jieba's dictionary tags as nouns and counts at least
 *   NOUN_FREQUENCY times (金, 证, 卡). Such a character stuck to a site word makes a word of
 *   its own (退役金, 优待卡): when the site does not print it, it is named as missing.
 * - The publishing agency's name (each report's 发布机构) and its shorter forms (武江区退役军人
 *   事务局, 退役军人事务局, 事务局): readers name the bureau they ask, which says nothing of the
 *   topic; they are read as stop words. (A query of the name alone still finds it, whole.)
 */

export interface Lexicon {
  stop: string[];
  common: string[];
  t2s: Record<string, string>;
  measures: string;
  /** Characters Chinese at large uses as nouns on their own (金, 证, 卡). */
  nouns: string;
}

/** An agency's name and its endings of three characters or more: 韶关市武江区退役军人事务局 … 事务局. */
export function agencyForms(agencies: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const name of agencies) {
    const chars = Array.from(name);
    for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i).join(''));
  }
  return [...out].sort();
}

/** How often jieba's dictionary must count a single character tagged as a noun for it to be a noun character. */
export const NOUN_FREQUENCY = 1000;

/** Jieba IDF below which a word is common in Chinese at large. */
export const COMMON_IDF = 5.5;

const HAN = /^\p{Script=Han}+$/u;
const NUMERAL = /^[零〇一二两三四五六七八九十百千万亿]+$/u;

/** The stop list: `source` (stopwords-iso's zh) trimmed by the rule above; `reserved` are the intents' words. */
export function stopList(source: readonly string[], reserved: ReadonlySet<string>): string[] {
  return [...new Set(source.filter((w) => HAN.test(w) && !NUMERAL.test(w) && !reserved.has(w)))].sort();
}

/** Common words: from jieba's IDF table (word → IDF), the Chinese ones below COMMON_IDF, stop words and reserved left out. */
export function commonWords(idf: Iterable<[string, number]>, stop: ReadonlySet<string>, reserved: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const [w, v] of idf) if (v < COMMON_IDF && HAN.test(w) && Array.from(w).length > 1 && !stop.has(w) && !reserved.has(w)) out.push(w);
  return [...new Set(out)].sort();
}

/**
 * Traditional characters (of the CJK block) whose simplified form is made only of characters
 * the site's text holds, and which the site's text does not print itself.
 */
export function traditionalMap(siteChars: ReadonlySet<string>, toSimplified: (ch: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (let c = 0x4e00; c <= 0x9fff; c++) {
    const ch = String.fromCodePoint(c);
    const s = toSimplified(ch);
    if (s !== ch && !siteChars.has(ch) && Array.from(s).every((x) => siteChars.has(x))) out[ch] = s;
  }
  return out;
}

/** The Han characters the texts print right after a digit, each once. */
export function measuresOf(texts: readonly string[]): string {
  const out = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(/[0-9０-９%％](\p{Script=Han})/gu)) out.add(m[1]!);
  return [...out].sort().join('');
}
