/**
 * The words that tell which of the regulation's five items a text reports on, as data
 * (item-signals.json, which says in Chinese how a bureau extends it), and the pure functions
 * that read and score them. The importer guesses a section's items with them; site search can
 * read the same vocabulary.
 *
 * Scoring a text: every signal word of the place (heading or text) found in it scores its
 * weight once; where found words overlap, only the longest counts (坚持问题导向 counts 问题导向,
 * not 问题). {year} and {next} in a word stand for the report's year and the year after.
 */
import data from './item-signals.json' with { type: 'json' };
import { ITEM_NAMES, type ItemName } from './items.ts';

export type Place = 'heading' | 'text';

export interface Signal {
  in: Place;
  weight: number;
  words: string[];
}

export interface ItemSignals {
  items: Record<ItemName, Signal[]>;
  /** A second item named in a heading with at least this score is reported there too. */
  alsoFromHeading: number;
  /** A mandatory item no heading reports goes to the section whose text scores it highest, from this score. */
  secondFromText: number;
}

/** An item's score in one text, with the words that made it. */
export interface Score {
  item: ItemName;
  score: number;
  words: string[];
}

const fail = (what: string): never => {
  throw new Error(`item-signals.json：${what}`);
};

function readSignal(v: unknown, item: string): Signal {
  const s = v as Partial<Signal>;
  if (s?.in !== 'heading' && s?.in !== 'text') fail(`“${item}”的每组信号要写 in: "heading" 或 "text"`);
  if (typeof s.weight !== 'number' || !(s.weight > 0)) fail(`“${item}”的每组信号要写正数 weight`);
  if (!Array.isArray(s.words) || !s.words.length || !s.words.every((w) => typeof w === 'string' && w.length > 0)) fail(`“${item}”的每组信号要写词语列表 words`);
  return { in: s.in!, weight: s.weight!, words: s.words! };
}

/** The signals as data (the JSON file's content), checked; throws naming what is wrong. */
export function readItemSignals(json: unknown): ItemSignals {
  const d = json as { items?: Record<string, unknown>; alsoFromHeading?: unknown; secondFromText?: unknown };
  if (typeof d?.items !== 'object' || d.items === null) fail('缺少 items');
  for (const name of Object.keys(d.items!)) if (!ITEM_NAMES.includes(name as ItemName)) fail(`“${name}”不是规定的五项之一：${ITEM_NAMES.join('、')}`);
  const items = Object.fromEntries(
    ITEM_NAMES.map((name) => {
      const list = d.items![name] ?? [];
      if (!Array.isArray(list)) fail(`“${name}”应为信号的列表`);
      return [name, (list as unknown[]).map((s) => readSignal(s, name))];
    }),
  ) as Record<ItemName, Signal[]>;
  const number = (v: unknown, key: string) => (typeof v === 'number' && v > 0 ? v : fail(`${key} 应为正数`));
  return { items, alsoFromHeading: number(d.alsoFromHeading, 'alsoFromHeading'), secondFromText: number(d.secondFromText, 'secondFromText') };
}

export const ITEM_SIGNALS: ItemSignals = readItemSignals(data);

/** A word with {year} and {next} filled in; undefined when it needs a year and none is given. */
function expand(word: string, year: number | undefined): string | undefined {
  if (!/\{(?:year|next)\}/.test(word)) return word;
  return year === undefined ? undefined : word.replaceAll('{year}', String(year)).replaceAll('{next}', String(year + 1));
}

interface Found {
  item: ItemName;
  word: string;
  weight: number;
  start: number;
  end: number;
}

/** Every place a signal word of `place` is found in the text. */
function findAll(text: string, place: Place, year: number | undefined, signals: ItemSignals): Found[] {
  const found: Found[] = [];
  for (const item of ITEM_NAMES) {
    for (const s of signals.items[item].filter((x) => x.in === place)) {
      for (const w of s.words) {
        const word = expand(w, year);
        if (!word) continue;
        for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) found.push({ item, word, weight: s.weight, start: at, end: at + word.length });
      }
    }
  }
  return found;
}

/** The found words that count: longest first, none overlapping a longer one (equal spans all count). */
function longestOnly(found: readonly Found[]): Found[] {
  const kept: Found[] = [];
  for (const f of [...found].sort((a, b) => b.end - b.start - (a.end - a.start))) {
    const clash = kept.some((k) => f.start < k.end && k.start < f.end && !(k.start === f.start && k.end === f.end));
    if (!clash) kept.push(f);
  }
  return kept;
}

/** Each item's score in a text, highest first (ties in the regulation's order); items with none left out. */
export function scoreItems(text: string, place: Place, year?: number, signals: ItemSignals = ITEM_SIGNALS): Score[] {
  const scores = new Map<ItemName, Score>();
  for (const f of longestOnly(findAll(text, place, year, signals))) {
    const s = scores.get(f.item) ?? { item: f.item, score: 0, words: [] };
    if (s.words.includes(f.word)) continue;
    s.words.push(f.word);
    s.score += f.weight;
    scores.set(f.item, s);
  }
  const order = (i: ItemName) => ITEM_NAMES.indexOf(i);
  return [...scores.values()].sort((a, b) => b.score - a.score || order(a.item) - order(b.item));
}

/** Scores of several texts added up, item by item, highest first. */
export function addScores(...lists: readonly Score[][]): Score[] {
  const sum = new Map<ItemName, Score>();
  for (const s of lists.flat()) {
    const t = sum.get(s.item) ?? { item: s.item, score: 0, words: [] };
    sum.set(s.item, { item: s.item, score: t.score + s.score, words: [...new Set([...t.words, ...s.words])] });
  }
  const order = (i: ItemName) => ITEM_NAMES.indexOf(i);
  return [...sum.values()].sort((a, b) => b.score - a.score || order(a.item) - order(b.item));
}
