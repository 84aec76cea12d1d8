/**
 * The repeated share: how much of one year's text for a required item already stood, word for
 * word, in the previous report that covers the same item. Evaluators find the 存在的不足和原因
 * and the next-year plans copied from year to year; this measures it, the same way everywhere
 * (the /items/ pages, open data, `npm run check`, `npm run bench:repeats`).
 *
 * The measure (REPEAT_MEASURE): containment of character 5-grams.
 * - The text is the reader-visible text (body.ts readerText) of every section whose `items`
 *   name the item, block by block (a paragraph, a sub-heading, a list item, a table row), in
 *   the report's order. Section headings are not part of it.
 * - In each block, punctuation (Unicode category P, which includes % and the decimal point)
 *   and whitespace are removed; every other character counts as it is printed (Chinese
 *   characters, digits, letters, symbols such as + or ℃).
 * - A 5-gram is five consecutive characters of one block, so none spans two blocks; a block
 *   of fewer than five characters has none. Each distinct 5-gram counts once.
 * - repeated share = |G(this year) ∩ G(previous)| / |G(this year)|, where G is the set of
 *   distinct 5-grams of the item's text. It is not symmetric: it asks how much of this year's
 *   text was already there, not how much of last year's was kept. Moving a paragraph does not
 *   lower it; changing one character removes the (up to) five 5-grams that contain it.
 * - Undefined (null) when there is no previous report covering the item, or when this year's
 *   text has no 5-gram.
 */
import type { ItemName } from './items.ts';

/** Characters in a 5-gram. */
export const GRAM_LENGTH = 5;

/** How open data names the measure. */
export const REPEAT_MEASURE = {
  id: 'char-5-gram-containment',
  gramLength: GRAM_LENGTH,
  description:
    '相同文字比例：这一年某一报告事项的正文中，有多少“五字片段”逐字出现在上一份报告同一事项的正文中。正文为读者看到的文字，逐段计算，去掉标点和空白；五字片段是同一段中连续的五个字（不跨段），相同的片段只计一次；比例 = 两年共有的片段数 ÷ 这一年的片段数。上一份报告指更早的、报告了同一事项的最近一份未撤回的报告。',
} as const;

/**
 * When `npm run check` reminds staff (a warning, never an error): a share of at least 60%,
 * over a text of at least 30 distinct 5-grams (some 34 characters), so that a one-line item
 * such as “本年度无其他需要报告的情况” repeated every year is not named.
 */
export const REPEAT_REMINDER = { share: 0.6, minGrams: 30 } as const;

/** Punctuation and whitespace: left out before counting. */
const NOT_COUNTED = /[\p{P}\p{White_Space}]+/gu;

/** A block's characters as counted: punctuation and whitespace removed. */
export const countedText = (block: string): string => block.replace(NOT_COUNTED, '');

/** The distinct 5-grams of a text, block by block (none spans two blocks). */
export function gramsOf(blocks: readonly string[]): Set<string> {
  const grams = new Set<string>();
  for (const block of blocks) {
    const chars = [...countedText(block)];
    for (let i = 0; i + GRAM_LENGTH <= chars.length; i++) grams.add(chars.slice(i, i + GRAM_LENGTH).join(''));
  }
  return grams;
}

export interface Repeat {
  /** Distinct 5-grams of this year's text. */
  grams: number;
  /** Of them, those the previous text has too. */
  repeated: number;
  /** repeated / grams; null when this year's text has no 5-gram. */
  share: number | null;
}

/** How much of `current` already stood in `previous`, by distinct 5-grams. */
export function repeatedShare(current: readonly string[], previous: readonly string[]): Repeat {
  const mine = gramsOf(current);
  const theirs = gramsOf(previous);
  let repeated = 0;
  for (const g of mine) if (theirs.has(g)) repeated++;
  return { grams: mine.size, repeated, share: mine.size ? repeated / mine.size : null };
}

/** The share as a whole percentage, rounded down (so 100% means every 5-gram), or null. */
export const sharePercent = (r: Pick<Repeat, 'grams' | 'repeated'>): number | null =>
  r.grams ? Math.floor((r.repeated * 100) / r.grams) : null;

/** Whether `npm run check` names this share (REPEAT_REMINDER). */
export const isHighRepeat = (r: Repeat): boolean =>
  r.share !== null && r.grams >= REPEAT_REMINDER.minGrams && r.share >= REPEAT_REMINDER.share;

/** A section as the measure reads it: the items it covers and its reader-visible text. */
export interface CountedSection {
  items: readonly string[];
  text: readonly string[];
}

/** An item's text in one report: the blocks of every section covering it, in the order given. */
export const itemText = (sections: readonly CountedSection[], item: ItemName): string[] =>
  sections.filter((s) => s.items.includes(item)).flatMap((s) => s.text);

/** One year's item compared with the previous report covering it. */
export interface YearRepeat<Y> {
  year: Y;
  /** The previous report covering the item, or undefined for the earliest. */
  previous?: Y;
  /** This year's 5-grams, and the share already in the previous report's (none without one). */
  repeat: Repeat;
}

/**
 * Each year against the one before it that covers the item: `years` are the reports covering
 * it, newest first (as the /items/ pages list them); each is compared with the next in the list.
 */
export function repeatsOverYears<Y>(years: readonly Y[], textOf: (y: Y) => readonly string[]): YearRepeat<Y>[] {
  return years.map((year, i) => {
    const previous = years[i + 1];
    if (previous === undefined) {
      const grams = gramsOf(textOf(year)).size;
      return { year, repeat: { grams, repeated: 0, share: null } };
    }
    return { year, previous, repeat: repeatedShare(textOf(year), textOf(previous)) };
  });
}
