/**
 * The numbering a report prints before its headings, and the shapes of heading lines.
 *
 * Schemes, in the order of the official hierarchy (GB/T 9704: 一、 then （一） then 1. then
 * （1）), with 第一部分 above them all:
 *   part     第一部分 / 第1部分 / 第一篇 / 第一章 (then 、 ： . or spaces)
 *   cn       一、 (or 一．)
 *   cnp      （一） / (一)
 *   ar       1. / 1． / 1、 (not 1.1, not 2030.; 1.2025年… is 1. before a year)
 *   arp      （1） / (1) / 1） / ⑴
 *   circ     ① (a point inside a part, never a part)
 *   dec      1.1 / 1.1. / 1.1、 (a sub-heading of part 1, 一、 or 1., in a report numbered decimally)
 * 1., （1） and ① are also printed as one character (⒈, ⑴), as PDFs and some fonts give them.
 * A report numbered decimally (labelReader) may number its parts with a bare number and a
 * space (1 主要举措和成效) and their sub-headings 1.1, 1.2, then 2.1 under part 2.
 * A label is kept exactly as printed, with the mark and the spaces after it: “第一部分 ”.
 */
import { parseChineseNumeral } from '../domain/numerals.ts';

export type Scheme = 'part' | 'cn' | 'cnp' | 'ar' | 'arp' | 'circ' | 'dec';


/**
 * The schemes a report numbers its parts in. （一） and （1） number points inside a part; a text
 * whose only numbered lines are those has lost its parts' numbers (Word's automatic numbering in
 * an old .doc), and is refused rather than cut at its sub-headings.
 */
export const PART_SCHEMES: readonly Scheme[] = ['part', 'cn', 'ar'];

export interface Label {
  scheme: Scheme;
  /** The number it prints: 第三部分 → 3. */
  n: number;
  /** As printed, with its mark and the spaces after it. */
  label: string;
  /** The text after the label. */
  rest: string;
  /** For 1.1: the part it numbers a sub-heading of (1). */
  of?: number;
}

const CN = '[一二三四五六七八九十]+';
/** Numbers 1 to 20 printed as one character each: ⒈, ⑴, ①. */
const ENCLOSED = { ar: '⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛', arp: '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇', circ: '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳' } as const;
const GAP = '[\\s\\u3000]*';
const PATTERNS: readonly [Scheme, RegExp][] = [
  ['part', new RegExp(`^(第(${CN}|\\d{1,2})(?:部分|篇|章)(?:[、，,.．：:]${GAP}|${GAP}))(?=\\S)`, 'u')],
  ['cn', new RegExp(`^((${CN})[、．.]${GAP})(?=\\S)`, 'u')],
  ['cnp', new RegExp(`^([（(](${CN})[）)]${GAP})(?=\\S)`, 'u')],
  ['ar', new RegExp(`^((\\d{1,2})[.．、]${GAP})(?=\\S)`, 'u')],
  ['ar', new RegExp(`^(([${ENCLOSED.ar}])${GAP})(?=\\S)`, 'u')],
  ['arp', new RegExp(`^([（(](\\d{1,2})[）)]${GAP})(?=\\S)`, 'u')],
  ['arp', new RegExp(`^((\\d{1,2})[）)]${GAP})(?=\\S)`, 'u')],
  ['arp', new RegExp(`^(([${ENCLOSED.arp}])${GAP})(?=\\S)`, 'u')],
  ['circ', new RegExp(`^(([${ENCLOSED.circ}])${GAP})(?=\\S)`, 'u')],
];

/** A number printed as one character: its place in its series, from 1. */
const enclosed = (s: string) => {
  for (const series of Object.values(ENCLOSED)) if (series.includes(s)) return series.indexOf(s) + 1;
  return undefined;
};

const number = (s: string) => (/^\d+$/.test(s) ? Number(s) : (enclosed(s) ?? parseChineseNumeral(s)));

/** Every character a space apart (主　要　成　效): spacing set by hand to widen a short heading. */
const LETTER_SPACED = /^\p{Script=Han}(?:[ \u3000]+\p{Script=Han})+$/u;

/** A heading's words without the spaces that only widened it: 主要成效. Any other text as it is. */
const unspaced = (text: string) => (LETTER_SPACED.test(text.trim()) ? text.trim().replace(/[ \u3000]+/g, '') : text);

/** The label a line starts with, if it starts with one and has text after it; a letter-spaced heading's spaces are not its text. */
export function readLabel(line: string): Label | undefined {
  for (const [scheme, pattern] of PATTERNS) {
    const m = pattern.exec(line);
    if (!m) continue;
    const n = number(m[2]!);
    const rest = unspaced(line.slice(m[1]!.length));
    // 1.1 and 2.5万 are numbers, not labels; 1.2025年 is a label before a year.
    if (scheme === 'ar' && /^\d/.test(rest) && !/^\d{4}\s*年/.test(rest)) return undefined;
    if (n !== undefined && n >= 1) return { scheme, n, label: m[1]!, rest };
  }
  return undefined;
}

/** 1.1 and a gap or a mark, then text (not 1.1.1, not 2.5万). */
const DECIMAL = new RegExp(`^((\\d{1,2})[.．](\\d{1,2})(?:[.．、]${GAP}|[\\s\\u3000]+))(?=\\p{Script=Han})`, 'u');
/** A bare number, a space, then text (or a year: 4 2025年度…): a part's label only in a report numbered decimally. */
const SPACED = new RegExp(`^((\\d{1,2})[\\s\\u3000]+)(?=\\p{Script=Han}|\\d{4}\\s*年)`, 'u');

function readDecimal(line: string): Label | undefined {
  const m = DECIMAL.exec(line);
  if (!m || Number(m[2]) < 1 || Number(m[3]) < 1) return undefined;
  return { scheme: 'dec', n: Number(m[3]), of: Number(m[2]), label: m[1]!, rest: line.slice(m[1]!.length) };
}

/** A part's heading numbered 1 and a space: short, and no punctuation in it (3 月 15 日，… is text). */
function readSpaced(line: string): Label | undefined {
  const m = SPACED.exec(line);
  const rest = m && line.slice(m[1]!.length);
  if (!m || !rest || rest.length > 30 || /[，,。；;：:！!？?、]/.test(rest) || Number(m[2]) < 1) return undefined;
  return { scheme: 'ar', n: Number(m[2]), label: m[1]!, rest };
}

/**
 * The 1.1 lines of a text that follow one another: under each part number, from x.1 on, each
 * the next (2.5 万 in the middle of part 2 is a number, not its fifth sub-heading).
 */
function decimalRun(lines: readonly string[]): Set<string> {
  const next = new Map<number, number>();
  const run = new Set<string>();
  for (const line of lines) {
    const l = readDecimal(line);
    if (!l || !isSubHeadingLine(line, l) || l.n !== (next.get(l.of!) ?? 1)) continue;
    next.set(l.of!, l.n + 1);
    run.add(line);
  }
  return run;
}

/**
 * How the lines of a text (a report, or one of its parts) are read for labels: readLabel, and in
 * a text numbered decimally (two 1.1 lines at least that follow one another) also its 1.1 lines
 * and, with `parts`, the bare numbers of its parts' headings.
 */
export function labelReader(lines: readonly string[], parts = true): (line: string) => Label | undefined {
  const run = decimalRun(lines);
  if (run.size < 2) return readLabel;
  return (line) => readLabel(line) ?? (run.has(line) ? readDecimal(line) : parts ? readSpaced(line) : undefined);
}

/** Sentence ends: a heading has none but, at most, one at its very end. */
const SENTENCE_END = /[。；;！!？?]/;

/** Text that runs on after a sentence end, after a colon, or across a wide gap. */
const runsOn = (rest: string) => SENTENCE_END.test(rest.slice(0, -1)) || /[：:]\s*\S/.test(rest) || /\u3000|\s{2,}|\t/.test(rest.trim());

/**
 * A heading a part may have: no sentence ends inside it (one may end it), not a paragraph's
 * length. A colon may stand inside: 一、示例举措一：宣传教育.
 */
export function isHeadingLine(line: string, l: Label | undefined = readLabel(line)): boolean {
  return !!l && line.length <= 80 && !SENTENCE_END.test(l.rest.slice(0, -1));
}

/**
 * A sub-heading on a line of its own: short (at most 40 characters), nothing running on after
 * a sentence end, a colon or a wide gap; it may end in 。 or ！, as many reports print them.
 */
export function isSubHeadingLine(line: string, l: Label | undefined = readLabel(line)): boolean {
  return !!l && line.length <= 40 && !/[；;]/.test(l.rest) && !runsOn(l.rest);
}

/**
 * The run-in sub-heading a bold start may be: the bold text up to its first sentence end (or
 * all of it), when that is a sub-heading's shape and text follows it.
 */
export function runInHeading(lead: string, line: string): string | undefined {
  const end = lead.search(/[。！!？?：:]/);
  const head = end >= 0 ? lead.slice(0, end + 1) : lead;
  return head.length < line.length && isSubHeadingLine(head) ? head : undefined;
}

/** The longest clause of a heading: 全面提升行政决策公信力 has 11 characters, 16 leave room. */
const CLAUSE = 16;

/**
 * The run-in sub-heading a paragraph of plain text may start with: its label and first sentence,
 * as runInHeading reads a bold start, when that sentence reads as a heading rather than as the
 * first sentence of a point: one or two short clauses (a heading pairs two at most: 强化组织保障，
 * 夯实法治建设根基。).
 */
export function plainRunIn(line: string): string | undefined {
  const head = runInHeading(line, line);
  const clauses = head ? (readLabel(head)?.rest ?? head).replace(/[。！!？?：:]$/u, '').split(/[，,、]/u) : [];
  return head && clauses.length <= 2 && clauses.every((c) => c.length <= CLAUSE) ? head : undefined;
}

/** The schemes from the highest level down (GB/T 9704, with 第一部分 above). */
const LEVELS: readonly Scheme[] = ['part', 'cn', 'cnp', 'ar', 'arp', 'circ'];

/**
 * Which schemes number the sub-headings of a part (others stay text): the first level below the
 * part's that the part uses (`used`: the schemes its lines are numbered in), and under 第一部分
 * the level after it too. Under parts numbered 1., both （一） and （1） (reports that number their
 * parts 1. put either under them). 1.1 numbers a sub-heading of part 1 however the part is
 * numbered (一、 or 1.): a part's 1.1 lines are its sub-headings unless it also uses the level
 * right below its own (（一） under 一、), which comes first.
 */
export function subSchemes(scheme: Scheme, used: ReadonlySet<Scheme>): Scheme[] {
  const lower = LEVELS.slice(LEVELS.indexOf(scheme) + 1);
  if (used.has('dec') && (scheme === 'ar' || !used.has(lower[0]!))) return ['dec'];
  if (scheme === 'ar') return ['cnp', 'arp'];
  const below = lower.filter((s) => used.has(s));
  return below.slice(0, scheme === 'part' ? 2 : 1);
}

/**
 * The level right below a part's sub-headings (`sub`, see subSchemes), when the part uses it:
 * the third level of GB/T 9704 (1. under （一）), whose lines may be headings of their own
 * (sections.ts).
 */
export function levelBelow(sub: readonly Scheme[], used: ReadonlySet<Scheme>): Scheme | undefined {
  if (!sub.length) return undefined;
  // 1.1 stands where 1. does: （1） below it.
  const next = LEVELS[Math.max(...sub.map((s) => LEVELS.indexOf(s === 'dec' ? 'ar' : s))) + 1];
  return next && used.has(next) ? next : undefined;
}
