/**
 * Reads a query into term groups (engine.ts), with the site's index at hand (`Lookups`, given
 * by client.ts; tests give their own). In order:
 *
 * 1. 繁體 characters are read in simplified form; the query is split at separators and where
 *    its script changes (query.ts). A part the site prints whole (送法进军营, 94.6分, (一)) is
 *    one group, as typed.
 * 2. Other parts are split into words (segment.ts): the site's words, stop words (dropped),
 *    common words (kept lightly), questions about the report's structure and years
 *    (intents.ts), near words (thesaurus.ts), numerals (numerals.ts). Words that stand
 *    together in the query and together on the site stay one group.
 * 3. Latin letters are read as pinyin, with spaces or without (pu fa, pufa, pf), and across a
 *    change of script (fa律顾问 → 法律顾问).
 * 4. A word found nowhere is tried as a one-character typo of a site word, the whole part
 *    first; what is still found nowhere is named to the reader as missing, unless it is a
 *    common word or a lone character, and never empties the page by itself.
 */
import { hasNumber, queryPieces, type Piece } from './query.ts';
import { segment, icuWords, type Token, type TokenKind } from './segment.ts';
import { INTENT_ITEMS, RELATIVE_YEARS, yearText } from './intents.ts';
import { nearWords, readerWords, NEAR_WEIGHT } from './thesaurus.ts';
import type { Alternative, TermGroup } from './engine.ts';

/** What reading a query needs from the index. */
export interface Lookups {
  /** The years of the site's reports. */
  years: readonly number[];
  stop: ReadonlySet<string>;
  common: ReadonlySet<string>;
  /** Traditional character → simplified, for the characters the site prints. */
  t2s: Readonly<Record<string, string>>;
  /** Characters the site prints after a number. */
  measures: string;
  /** Characters Chinese uses as nouns on their own (lexicon.ts). */
  nouns?: string;
  /** Fetches in one go what finding these texts and splitting these runs into site words needs. */
  prepare(texts: readonly string[], runs?: readonly string[]): Promise<void>;
  /** Whether the site prints a text whole (after prepare). */
  found(text: string): boolean;
  /** A site word's general informativeness (jieba IDF, 0 unknown), or undefined for no site word (after prepare). */
  siteWord(word: string): number | undefined;
  pinyin(key: string): Promise<string[]>;
  oneAway(term: string, sameSound: boolean): Promise<string[]>;
  readings(ch: string): Promise<string[]>;
}

/** The lookups, with the forms a text may be found as (its numbers read both ways, numerals.ts, when the query has one). */
interface Reader extends Lookups {
  forms(text: string): string[];
}

export interface Analysis {
  groups: TermGroup[];
  /** Topic words found nowhere, as the reader wrote them. */
  missing: string[];
  /** The query as searched, when a word was read as a typo of a site word. */
  suggestion?: string;
}

/** A word of the query on its way to a group. */
interface Word {
  text: string;
  kind: TokenKind | 'phrase' | 'latin';
  /** The part of the query it came from. */
  part: number;
  /** The site words a typo or pinyin stands for. */
  means?: string[];
  /** `means` is a typo's correction, offered to the reader as such. */
  typo?: boolean;
}

const READERS = readerWords();
/** One pinyin syllable, toneless (ü written v). */
const ONE_SYLLABLE = /^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|ve|ue|vn|a|o|e|i|u|v)$/;
const toSimplified = (text: string, t2s: Readonly<Record<string, string>>) => Array.from(text, (c) => t2s[c] ?? c).join('');
const hasContent = (t: string) => /[\p{L}\p{N}]/u.test(t);

/** The query's parts (separator to separator), each its pieces. */
function partsOf(query: string): Piece[][] {
  const parts: Piece[][] = [];
  for (const p of queryPieces(query)) {
    if (!p.joined || !parts.length) parts.push([]);
    parts[parts.length - 1]!.push(p);
  }
  return parts;
}

const partText = (part: readonly Piece[]) => part.map((p) => p.text).join('');

/** What kind of word the search knows a text as, if any. */
function knownAs(lk: Reader): (w: string) => TokenKind | undefined {
  return (w) => {
    if (RELATIVE_YEARS.has(w)) return 'year';
    if (INTENT_ITEMS.has(w)) return 'intent';
    if (READERS.has(w)) return 'reader';
    if (lk.common.has(w)) return 'common';
    if (lk.stop.has(w)) return 'stop';
    return lk.siteWord(w) !== undefined ? 'word' : undefined;
  };
}

/** A number piece takes the measure character the next piece starts with (2023 年锦旗 → 2023年 锦旗). */
function withMeasures(tokens: Token[][], pieces: readonly Piece[], measures: string): Token[][] {
  return tokens.map((ts, i) => {
    const next = tokens[i + 1];
    const first = next?.[0];
    if (pieces[i]!.script !== 'number' || !pieces[i + 1]?.joined || !first || Array.from(first.text).length !== 1 || !measures.includes(first.text)) return ts;
    next.shift();
    return [{ text: ts[0]!.text + first.text, kind: 'numeral' }];
  });
}

/** A part the site does not print whole, as words. */
function partWords(part: readonly Piece[], index: number, lk: Reader): Word[] {
  const known = knownAs(lk);
  const tokens = part.map((p): Token[] =>
    p.script === 'latin' ? [{ text: p.text, kind: 'unknown' }] : p.script === 'number' ? [{ text: p.text, kind: 'numeral' }] : segment(p.text, known, icuWords, lk.measures),
  );
  return withMeasures(tokens, part, lk.measures).flatMap((ts, i) =>
    ts.filter((t) => hasContent(t.text)).map((t): Word => ({ text: t.text, kind: part[i]!.script === 'latin' ? 'latin' : t.kind, part: index })),
  );
}

/** Words that carry a topic and stand next to each other in one part: candidates for one phrase. */
const joinable = (w: Word) => w.kind === 'word' || w.kind === 'common' || w.kind === 'unknown' || w.kind === 'numeral' || w.kind === 'reader';

/**
 * Runs of joinable words the site prints together gain that phrase as a word of its own after
 * them (普法 责任清单 + 普法责任清单), so a unit printing them together ranks first.
 */
function joinPhrases(words: Word[], lk: Reader): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < words.length; ) {
    let j = i;
    while (j < words.length && joinable(words[j]!) && words[j]!.part === words[i]!.part) j++;
    if (j - i >= 2) {
      const run = words.slice(i, j);
      const meant = run.map((w) => w.means?.[0] ?? w.text).join('');
      if (lk.found(meant)) {
        const text = run.map((w) => w.text).join('');
        const typo = run.some((w) => w.typo);
        out.push(...run, { text, kind: 'phrase', part: run[0]!.part, ...(meant !== text ? { means: [meant] } : {}), ...(typo ? { typo } : {}) });
        i = j;
        continue;
      }
    }
    out.push(words[i]!);
    i++;
  }
  return out;
}

/** How informative a word is in Chinese at large, 0.2–1, from jieba's IDF (0: not known, so 1). */
export function generalWeight(idf: number | undefined): number {
  if (!idf) return 1;
  return Math.min(1, Math.max(0.2, (idf - 3) / 7));
}

function textGroup(w: Word, lk: Reader, weak: boolean): TermGroup {
  const texts = [...(w.means ?? []), ...lk.forms(w.text)];
  const alternatives: Alternative[] = texts.map((text) => ({ text, weight: 1 }));
  for (const t of texts) for (const near of nearWords(t)) alternatives.push({ text: near, weight: NEAR_WEIGHT });
  const general = w.means ? 1 : generalWeight(lk.siteWord(w.text));
  return { term: w.text, alternatives: dedupe(alternatives), weak, general };
}

function dedupe(alternatives: Alternative[]): Alternative[] {
  const seen = new Set<string>();
  return alternatives.filter((a) => {
    const key = `${a.text ?? ''}|${a.item ?? ''}|${a.year ?? ''}`;
    return !seen.has(key) && (seen.add(key), true);
  });
}

function intentGroup(w: Word, lk: Reader): TermGroup {
  const alternatives: Alternative[] = (INTENT_ITEMS.get(w.text) ?? []).map((item) => ({ item, weight: 1 }));
  if (lk.found(w.text)) alternatives.push({ text: w.text, weight: 1 });
  return { term: w.text, alternatives, general: 1 };
}

/** A relative year's texts, one per report year (明年: 2024年 for 2023, 2025年 for 2024). */
function yearAlternatives(offset: number, years: readonly number[]): Alternative[] {
  return years.map((year) => ({ text: yearText(year, offset), year, weight: 1 }));
}

/** The texts whose shards reading these words needs. */
function textsOf(words: readonly Word[], lk: Reader): string[] {
  return words.flatMap((w) => {
    if (w.kind === 'year') return yearAlternatives(RELATIVE_YEARS.get(w.text) ?? 0, lk.years).map((a) => a.text!);
    const texts = [...(w.means ?? []), ...lk.forms(w.text)];
    return [...texts, ...texts.flatMap((t) => nearWords(t))];
  });
}

/** Whether a word is found on the site, in any of its forms. */
const foundAny = (w: Word, lk: Reader) => [...(w.means ?? []), ...lk.forms(w.text)].some((t) => lk.found(t) || nearWords(t).some((n) => lk.found(n)));

/** Latin words read as pinyin: alone, joined with the Latin words after them (pu fa → pufa), or with the Chinese beside them. */
async function readPinyin(words: Word[], lk: Reader): Promise<Word[]> {
  const out: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.kind !== 'latin') {
      out.push(w);
      continue;
    }
    let matched = false;
    for (let j = words.length; j > i && !matched; j--) {
      const run = words.slice(i, j);
      if (run.some((x) => x.kind !== 'latin')) continue;
      const key = run.map((x) => x.text).join('');
      // One syllable is no site word's pinyin (fa is not the initials of 方案 here).
      const means = key.length >= 2 && !ONE_SYLLABLE.test(key) ? await lk.pinyin(key) : [];
      if (means.length) {
        out.push({ ...w, text: key, kind: 'word', means });
        i = j - 1;
        matched = true;
      }
    }
    if (!matched) {
      const mixed = await acrossScripts(w, words.slice(i + 1), lk);
      if (mixed) {
        out.push(mixed[0]);
        i += mixed[1];
      } else out.push({ ...w, kind: 'unknown' });
    }
  }
  return out;
}

/**
 * Latin letters joined to the Chinese after them (fa律顾问): the site word whose pinyin the two
 * spell together, with as many of the Chinese words as make one (法律顾问 before 法律). Returns
 * the word and how many Chinese words it took.
 */
async function acrossScripts(latin: Word, after: readonly Word[], lk: Reader): Promise<[Word, number] | undefined> {
  let n = 0;
  while (n < after.length && after[n]!.part === latin.part && /^\p{Script=Han}+$/u.test(after[n]!.text) && after[n]!.kind !== 'latin') n++;
  for (; n > 0; n--) {
    const han = after.slice(0, n).map((w) => w.text).join('');
    const readings = await Promise.all(Array.from(han, (c) => lk.readings(c)));
    if (readings.some((r) => !r.length)) continue;
    const means = (await lk.pinyin(latin.text + readings.map((r) => r[0]).join(''))).filter((m) => m.endsWith(han));
    if (means.length) return [{ text: latin.text + han, kind: 'word', part: latin.part, means }, n];
  }
  return undefined;
}

/**
 * Parts not printed whole, made only of Chinese, of 2–6 characters, whose words leave a
 * character or a word the site does not know: read as a typo of one site word or phrase (for
 * two characters, one that sounds the same).
 */
async function partTypos(parts: readonly Piece[][], words: Word[], lk: Reader): Promise<Word[]> {
  const out: Word[] = [...words];
  for (let i = 0; i < parts.length; i++) {
    const text = partText(parts[i]!);
    const n = Array.from(text).length;
    if (!/^\p{Script=Han}+$/u.test(text) || n < 2 || n > 6 || lk.found(text)) continue;
    const own = out.filter((w) => w.part === i);
    if (own.every((w) => w.kind !== 'unknown' || (foundAny(w, lk) && Array.from(w.text).length > 1))) continue;
    const [means] = await lk.oneAway(text, false);
    if (!means) continue;
    const at = out.indexOf(own[0]!);
    out.splice(at, own.length, { text, kind: 'word', part: i, means: [means], typo: true });
  }
  return out;
}

const lone = (w: Word | undefined) => !!w && w.kind === 'unknown' && !w.means && /^\p{Script=Han}$/u.test(w.text);
const hanWord = (w: Word | undefined) => !!w && !w.means && (w.kind === 'word' || w.kind === 'unknown') && /^\p{Script=Han}+$/u.test(w.text);

/**
 * A lone character the site's words leave (优待 症) read with the word beside it as a typo of
 * one site word that sounds the same (优待症 → 优待证): the word before it first, then the word
 * after it. Only one that sounds the same: a lone character is as often a word of its own (讲).
 */
async function loneTypos(words: Word[], lk: Reader): Promise<Word[]> {
  const out = [...words];
  for (let i = 0; i < out.length; i++) {
    if (!lone(out[i])) continue;
    for (const at of [i - 1, i]) {
      const [a, b] = [out[at], out[at + 1]];
      if (!a || !b || a.part !== b.part || !(at === i - 1 ? hanWord(a) : hanWord(b))) continue;
      const text = a.text + b.text;
      const [means] = await lk.oneAway(text, true);
      if (!means) continue;
      out.splice(at, 2, { text, kind: 'word', part: a.part, means: [means], typo: true });
      i = at;
      break;
    }
  }
  return out;
}

/**
 * The ends of a word found nowhere (问问优代证: 优代证, 问问优), longest first, each with what is
 * left of the word: where a typo may sit when the segmenter could not tell the words apart.
 */
function endsOf(text: string): [end: string, rest: string, atStart: boolean][] {
  const chars = Array.from(text);
  const out: [string, string, boolean][] = [];
  for (let n = Math.min(4, chars.length - 2); n >= 2; n--) {
    out.push([chars.slice(-n).join(''), chars.slice(0, -n).join(''), false], [chars.slice(0, n).join(''), chars.slice(n).join(''), true]);
  }
  return out;
}

/** A word found nowhere read as a typo of one site word: the whole word, or (sounding the same) one of its ends. */
async function wordTypo(w: Word, lk: Reader): Promise<Word[]> {
  const [whole] = await lk.oneAway(w.text, false);
  if (whole) return [{ ...w, means: [whole], typo: true }];
  if (Array.from(w.text).length < 4) return [w];
  for (const [end, rest, atStart] of endsOf(w.text)) {
    const [means] = await lk.oneAway(end, true);
    if (!means) continue;
    const fixed: Word = { ...w, text: end, means: [means], typo: true };
    const left: Word = { ...w, text: rest };
    return atStart ? [fixed, left] : [left, fixed];
  }
  return [w];
}

/** Words found nowhere, of two or more characters, read as a typo of a site word when one is a character away. */
async function wordTypos(words: Word[], lk: Reader): Promise<Word[]> {
  const read = await Promise.all(
    words.map(async (w) => {
      if (w.means || w.kind !== 'unknown' || Array.from(w.text).length < 2 || !/^\p{Script=Han}+$/u.test(w.text) || foundAny(w, lk)) return [w];
      return wordTypo(w, lk);
    }),
  );
  return read.flat();
}

/**
 * A lone noun character stuck to a site word (退役 金) makes a word of its own (退役金); where
 * the site does not print it, that word is what the reader asks about: it is named as missing,
 * in place of the character, and the site word still counts.
 */
function nounCompounds(words: readonly Word[], lk: Reader): { words: Word[]; missing: string[] } {
  const out: Word[] = [];
  const missing: string[] = [];
  words.forEach((w, i) => {
    const compound = compoundOf(words, i, lk);
    if (compound && !lk.found(compound)) missing.push(compound);
    else out.push(w);
  });
  return { words: out, missing };
}

/** The word a lone noun character makes with the site word before it, if it is one. */
function compoundOf(words: readonly Word[], i: number, lk: Reader): string | undefined {
  const [before, w] = [words[i - 1], words[i]!];
  if (!before || !lone(w) || before.part !== w.part || before.kind !== 'word' || before.means || !(lk.nouns ?? '').includes(w.text)) return undefined;
  return before.text + w.text;
}

/** The words of a query, read as far as the site's words go (steps 1–3 above). */
async function wordsOf(query: string, lk: Reader): Promise<{ parts: Piece[][]; words: Word[] }> {
  const parts = partsOf(toSimplified(query, lk.t2s));
  const texts = parts.flatMap((p) => [partText(p), ...p.map((x) => x.text)]);
  await lk.prepare(texts, parts.flatMap((p) => p.filter((x) => x.script === 'han').map((x) => x.text)));
  let words = parts.flatMap((p, i): Word[] => (lk.found(partText(p)) ? [{ text: partText(p), kind: 'phrase', part: i }] : partWords(p, i, lk)));
  words = await readPinyin(words, lk);
  await lk.prepare([...textsOf(words, lk), ...runsOf(words)]);
  return { parts, words: joinPhrases(words, lk) };
}

/** Texts of two or more joinable words in a row, to check whether the site prints them together. */
function runsOf(words: readonly Word[]): string[] {
  const out: string[] = [];
  const meant = (w: Word) => w.means?.[0] ?? w.text;
  for (let i = 0; i < words.length; i++) {
    let text = meant(words[i]!);
    for (let j = i + 1; j < words.length && joinable(words[j]!) && joinable(words[i]!) && words[j]!.part === words[i]!.part; j++) out.push((text += meant(words[j]!)));
  }
  return out;
}

/** The groups, the missing words and the suggestion, from words whose typos have been read. */
function groupsOf(words: readonly Word[], lk: Reader): Analysis {
  const groups: TermGroup[] = [];
  const missing: string[] = [];
  for (const w of words) {
    if (w.kind === 'stop') continue;
    if (w.kind === 'intent') groups.push(intentGroup(w, lk));
    else if (w.kind === 'year') {
      const alternatives = yearAlternatives(RELATIVE_YEARS.get(w.text) ?? 0, lk.years).filter((a) => lk.found(a.text!));
      if (alternatives.length) groups.push({ term: w.text, alternatives, general: 1 });
      else missing.push(w.text);
    } else if (foundAny(w, lk)) groups.push(textGroup(w, lk, w.kind === 'common' || (Array.from(w.text).length === 1 && words.length > 1)));
    else if (w.kind !== 'common' && Array.from(w.text).length > 1) missing.push(w.text);
  }
  const said = words.filter((w) => w.kind !== 'stop' && !(w.kind === 'phrase' && words.some((x) => x !== w && x.part === w.part && x.kind !== 'phrase')));
  const suggestion = words.some((w) => w.typo) ? said.map((w) => (w.typo ? w.means![0] : w.text)).join(' ') : undefined;
  return { groups: mergeSame(groups), missing: [...new Set(missing)], suggestion };
}

/** Groups for the same word are one group. */
function mergeSame(groups: TermGroup[]): TermGroup[] {
  const by = new Map<string, TermGroup>();
  for (const g of groups) if (!by.has(g.term)) by.set(g.term, g);
  return [...by.values()];
}

/** The query as typed, part by part, each whole: what an exact search (仍然搜索) looks for. */
async function exactGroups(query: string, lk: Reader): Promise<Analysis> {
  const parts = [...new Set(partsOf(toSimplified(query, lk.t2s)).map(partText))];
  await lk.prepare(parts);
  return { groups: parts.filter((p) => lk.found(p)).map((p) => ({ term: p, alternatives: [{ text: p, weight: 1 }] })), missing: parts.filter((p) => !lk.found(p)) };
}

export async function analyze(query: string, lookups: Lookups, options: { exact?: boolean } = {}): Promise<Analysis> {
  const numbers = hasNumber(query) ? await import('./numerals.ts') : undefined;
  const lk: Reader = { ...lookups, forms: numbers ? (text) => numbers.numberForms(text, lookups.measures) : (text) => [text] };
  if (options.exact) return exactGroups(query, lk);
  const { parts, words } = await wordsOf(query, lk);
  let read = await partTypos(parts, words, lk);
  read = await loneTypos(read, lk);
  read = await wordTypos(read, lk);
  const candidates = read.flatMap((_, i) => compoundOf(read, i, lk) ?? []);
  await lk.prepare([...read.flatMap((w) => w.means ?? []), ...textsOf(read, lk), ...candidates]);
  const compounds = nounCompounds(read, lk);
  const out = groupsOf(compounds.words, lk);
  return { ...out, missing: [...new Set([...compounds.missing, ...out.missing])] };
}

