/**
 * Guesses staff confirm: the report's year, and which required items each section reports on.
 * The items are scored with the regulation's vocabulary in src/domain/item-signals.json, whose
 * rule (written there in Chinese for staff) is:
 * - a section's item is the one its heading scores highest; with no heading signal, or a tie,
 *   its text decides (sub-headings scored as headings, paragraphs as text); with no signal at
 *   all it is 主要举措和成效; ties go to the regulation's order;
 * - another item its heading scores at least `alsoFromHeading` is reported there too;
 * - a mandatory item no section's heading reports goes to the section whose text scores it
 *   highest, from `secondFromText` (the head's duty written inside the measures section).
 * Each guess comes with its reason: the words found and the score.
 */
import { addScores, ITEM_SIGNALS, scoreItems, type Score } from '../domain/item-signals.ts';
import { missingMandatoryItems, type ItemName } from '../domain/items.ts';
import type { Block, BodyBlock, ItemReason, YearSource } from './model.ts';

/**
 * Years a title or preface may name as the report's own. Narrower than a report year
 * (isReportYear, src/domain/layout.ts) on purpose: this picks a year out of free text, where an
 * old date (1949年) is history, not the report's year.
 */
const MIN_YEAR = 1990;
/** Chinese digits as years are written: 二〇二四 (○ and 零 read as 〇). */
const CN_DIGITS = '〇一二三四五六七八九';
const MAX_YEAR = 2100;

/**
 * The first 'YYYY年' in a text (二〇二四年 too). A year that ends a range such as
 * (2021-2025年) is not the report's year, so a year right after a digit or a dash does not count.
 */
export function firstYear(text: string): number | undefined {
  const digits = text.replace(/[〇○零一二三四五六七八九]{4}(?=\s*年)/gu, (y) => [...y].map((c) => String(Math.max(0, CN_DIGITS.indexOf(c)))).join(''));
  for (const m of digits.matchAll(/(?<![\d\-－—–~～至到])(\d{4})\s*年/g)) {
    const y = Number(m[1]);
    if (y >= MIN_YEAR && y <= MAX_YEAR) return y;
  }
  return undefined;
}

/** The first 'YYYY年' in the preface's paragraphs. */
export function yearInPreface(preface: readonly Block[]): number | undefined {
  for (const b of preface) {
    const y = b.kind === 'line' ? firstYear(b.text) : undefined;
    if (y !== undefined) return y;
  }
  return undefined;
}

/** The report's year: from --year, else the title, else the preface, else the year before the signing. */
export function decideYear(option: number | undefined, title: string | undefined, preface: readonly Block[], signedOn: string | undefined): { year: number; source: YearSource } | undefined {
  if (option !== undefined) return { year: option, source: 'option' };
  const fromTitle = title === undefined ? undefined : firstYear(title);
  if (fromTitle !== undefined) return { year: fromTitle, source: 'title' };
  const fromPreface = yearInPreface(preface);
  if (fromPreface !== undefined) return { year: fromPreface, source: 'preface' };
  return signedOn === undefined ? undefined : { year: Number(signedOn.slice(0, 4)) - 1, source: 'signature' };
}

/** Whether a heading names one of the regulation's items by a strong word (not only a verb). */
export function readsAsItem(heading: string): boolean {
  return (scoreItems(heading, 'heading')[0]?.score ?? 0) >= 5;
}

const quoted = (words: readonly string[]) => words.map((w) => `“${w}”`).join('');

/** A section's scores: its heading's, and its text's (sub-headings as headings, paragraphs as text). */
function sectionScores(heading: string, body: readonly BodyBlock[], year: number): { heading: Score[]; text: Score[] } {
  const subs = body.filter((b) => b.kind === 'subheading').map((b) => scoreItems(b.text, 'heading', year));
  const paragraphs = body.flatMap((b) => (b.kind === 'line' ? [b.text] : [])).join('\n');
  return { heading: scoreItems(heading, 'heading', year), text: addScores(...subs, scoreItems(paragraphs, 'text', year)) };
}

/** The item a section is mainly about, with its reason (see the module comment). */
function mainItem(scores: { heading: Score[]; text: Score[] }): ItemReason {
  const [top, second] = scores.heading;
  if (top && top.score > (second?.score ?? 0)) return { item: top.item, reason: `标题含${quoted(top.words)}，${top.score} 分` };
  const tied = top ? scores.heading.filter((s) => s.score === top.score).map((s) => s.item) : undefined;
  const fromText = scores.text.find((s) => !tied || tied.includes(s.item));
  if (fromText && (tied || fromText.score >= ITEM_SIGNALS.secondFromText)) {
    return { item: fromText.item, reason: `${tied ? `标题中几项同分（${top!.score} 分），` : '标题中没有规定的词，'}正文含${quoted(fromText.words)}，${fromText.score} 分` };
  }
  if (top) return { item: top.item, reason: `标题含${quoted(top.words)}，${top.score} 分（几项同分，按规定的顺序）` };
  return { item: '主要举措和成效', reason: '标题和正文中都没有规定的词，按“主要举措和成效”' };
}

/** The items each section reports on, with reasons, by the rule in the module comment. */
export function guessItems(sections: readonly { heading: string; body: readonly BodyBlock[] }[], year: number): ItemReason[][] {
  const scores = sections.map((s) => sectionScores(s.heading, s.body, year));
  const guesses = scores.map((sc) => {
    const main = mainItem(sc);
    const also = sc.heading
      .filter((s) => s.item !== main.item && s.score >= ITEM_SIGNALS.alsoFromHeading)
      .map((s) => ({ item: s.item, reason: `标题也含${quoted(s.words)}，${s.score} 分` }));
    return [main, ...also];
  });
  for (const item of missingMandatoryItems(guesses.flat().map((g) => g.item))) {
    const best = scores
      .map((sc, i) => ({ i, score: sc.text.find((s) => s.item === item) }))
      .filter((x) => (x.score?.score ?? 0) >= ITEM_SIGNALS.secondFromText)
      .sort((a, b) => b.score!.score - a.score!.score)[0];
    if (best) guesses[best.i]!.push({ item, reason: `没有哪一部分的标题报告这一项，这一部分的正文含${quoted(best.score!.words)}，${best.score!.score} 分` });
  }
  return guesses;
}

/** Which of the five items a heading alone most likely reports on. */
export function guessItem(heading: string, year: number): ItemName {
  return mainItem({ heading: scoreItems(heading, 'heading', year), text: [] }).item;
}
