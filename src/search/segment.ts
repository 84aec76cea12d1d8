/**
 * Splits a run of Chinese characters from a query into words (pure; the dictionaries are
 * passed in). The browser's own segmenter (ICU) splits the words these reports print into
 * characters (申领, 普法, 双拥), so the split prefers the words the site prints (its jieba
 * vocabulary, term-index.ts), then the stop words, common words, intents and near words the
 * search knows, and numeral runs (六十三人); then the words ICU finds (上学), so a stop word
 * never takes a character from a word the site does not print. Fewest words wins; a lone
 * character no one knows costs most, and runs of them are left to ICU.
 */
import { NUMERAL_RUN } from './query.ts';

export type TokenKind = 'word' | 'stop' | 'common' | 'intent' | 'year' | 'numeral' | 'reader' | 'unknown';

export interface Token {
  text: string;
  kind: TokenKind;
}

/** The longest word looked up. */
const LONGEST = 8;
/** Costs: a known word, a known single character, a word only the browser's segmenter knows, an unknown character. */
const COST = { word: 1, single: 1.5, icu: 2, unknown: 1.8 };

/** Numeral runs starting at i: the run, and the run with the measure character after it (a lone numeral only with one: 三场). */
function numeralsAt(chars: readonly string[], i: number, measures: string): number[] {
  const re = new RegExp(NUMERAL_RUN.source, 'uy');
  const m = re.exec(chars.slice(i).join(''));
  if (!m) return [];
  const n = Array.from(m[0]).length;
  const next = chars[i + n];
  const measured = next !== undefined && measures.includes(next);
  if (n < 2) return measured ? [n + 1] : [];
  return measured ? [n, n + 1] : [n];
}

interface Step {
  cost: number;
  from: number;
  kind: TokenKind;
}

/** Where the browser's segmenter puts words of two or more characters: start → lengths. */
function icuSpans(chars: readonly string[], icu: (s: string) => string[]): Map<number, number> {
  const out = new Map<number, number>();
  let at = 0;
  for (const w of icu(chars.join(''))) {
    const n = Array.from(w).length;
    if (n > 1) out.set(at, n);
    at += n;
  }
  return out;
}

/** The cheapest split, by dynamic programming over the characters. */
function bestSplit(chars: readonly string[], known: (w: string) => TokenKind | undefined, icu: (s: string) => string[], measures: string): Step[] {
  const spans = icuSpans(chars, icu);
  const best: Step[] = [{ cost: 0, from: -1, kind: 'unknown' }];
  for (let j = 1; j <= chars.length; j++) best[j] = { cost: Infinity, from: j - 1, kind: 'unknown' };
  const offer = (i: number, j: number, kind: TokenKind, cost: number) => {
    if (best[i]!.cost + cost < best[j]!.cost) best[j] = { cost: best[i]!.cost + cost, from: i, kind };
  };
  for (let i = 0; i < chars.length; i++) {
    if (best[i]!.cost === Infinity) continue;
    for (const n of numeralsAt(chars, i, measures)) offer(i, i + n, 'numeral', COST.word);
    // A word only ICU knows, where a character of it is known to no one (上学, not 做得).
    const icuWord = spans.get(i);
    if (icuWord && chars.slice(i, i + icuWord).some((c) => !known(c))) offer(i, i + icuWord, known(chars.slice(i, i + icuWord).join('')) ?? 'unknown', COST.icu);
    for (let n = Math.min(LONGEST, chars.length - i); n >= 1; n--) {
      const kind = known(chars.slice(i, i + n).join(''));
      if (kind) offer(i, i + n, kind, n === 1 ? COST.single : COST.word);
    }
    offer(i, i + 1, 'unknown', COST.unknown);
  }
  return best;
}

/**
 * A run of Chinese characters as words. `known` names the kind of a word the search knows;
 * `icu` splits what is left (runs of unknown characters) as the browser would.
 */
export function segment(text: string, known: (w: string) => TokenKind | undefined, icu: (s: string) => string[], measures = ''): Token[] {
  const chars = Array.from(text);
  const best = bestSplit(chars, known, icu, measures);
  const tokens: Token[] = [];
  for (let j = chars.length; j > 0; j = best[j]!.from) tokens.unshift({ text: chars.slice(best[j]!.from, j).join(''), kind: best[j]!.kind });
  // Runs of unknown characters, split by the browser's segmenter.
  const out: Token[] = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (t.kind === 'unknown' && last?.kind === 'unknown') last.text += t.text;
    else out.push({ ...t });
  }
  return out.flatMap((t) => (t.kind === 'unknown' && Array.from(t.text).length > 1 ? wordsOf(t.text, icu).map((w) => ({ text: w, kind: known(w) ?? 'unknown' })) : [t]));
}

/**
 * A run of characters no dictionary knows, as the browser's segmenter splits it, except that
 * it never leaves a lone character (医保 split 医 保 is one word, as 养老金 is): characters
 * standing alone join the word before them, or after them at the start.
 */
export function wordsOf(run: string, icu: (s: string) => string[]): string[] {
  const out: string[] = [];
  let singles = '';
  const flush = () => {
    if (!singles) return;
    if (Array.from(singles).length === 1 && out.length) out[out.length - 1] += singles;
    else out.push(singles);
    singles = '';
  };
  for (const piece of icu(run)) {
    if (Array.from(piece).length === 1) singles += piece;
    else {
      flush();
      out.push(piece);
    }
  }
  flush();
  if (out.length > 1 && Array.from(out[0]!).length === 1) out.splice(0, 2, out[0]! + out[1]!);
  return out;
}

/** The browser's word segmenter (ICU), for what the site's words do not cover. */
export function icuWords(text: string): string[] {
  return [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)].map((s) => s.segment).filter((s) => s.trim());
}
