/**
 * What a report prints above its preface, read by the shape of each line:
 * - the letterhead of a 公文 (发文机关标志): a line ending in 文件, above the title;
 * - the 文号 (X〔2025〕5号; 【】 [] ［］ too), above or below the title, perhaps with 签发人 after it;
 * - the title: one to three lines without a sentence's punctuation, the last ending in 报告 (or
 *   in 报告 and a short bracketed note such as （全文））, joined as printed, with a bracketed note
 *   on the line under it that is not a date (（2024年度）); failing that, a first
 *   line naming a year or 法治, ending in 总结, 情况 or 报告, that reads as a title;
 * - under the title: the agency on a line of its own (a body's name: …局, …中心, …人民政府), a
 *   date on a line of its own (bracketed or not), the 主送机关 (区委、区政府：);
 * - above it, besides: the agency, and 附件 when the report is attached to a notice;
 * - the preface: the rest, up to the first part's heading.
 * Lines above the title that are none of these are left out and named in a warning.
 */
import { isBodyName, onOneLine, signingDate } from './signature.ts';
import type { Block, LeftOut } from './model.ts';
import { readLabel } from './labels.ts';
import { short } from './quote.ts';

export interface Head {
  /** The title as printed, its lines joined. */
  title?: string;
  titleLines: number;
  documentNumber?: string;
  /** The agency printed on a line of its own under (or, apart from the title, above) the title. */
  agencyLine?: string;
  /** A date printed on a line of its own under the title: (2025年2月20日). */
  dateLine?: { text: string; signedOn: string };
  preface: Block[];
  leftOut: LeftOut[];
  warnings: string[];
}

/**
 * A 文号 as printed on a line of its own: the issuer's short name, the year in 〔〕 (or 【】,
 * [], ［］) and the number with 号 — 武退役军人〔2024〕5号, 某局[2024]第5号 — perhaps followed by
 * the 签发人 of an up-going 公文.
 */
const DOCUMENT_NUMBER = /^([\u4e00-\u9fa5A-Za-z]{1,20}\s*[〔【[［]\s*\d{4}\s*[〕】\]］]\s*第?\s*\d{1,5}\s*号)(?:[\s\u3000]+签发人[：:].*)?$/u;

/** The 文号 a line is (without 签发人), if it is one. */
export const documentNumberOf = (line: string): string | undefined => DOCUMENT_NUMBER.exec(line.trim())?.[1];

/** Whether a line is a 文号 and nothing else. */
export const isDocumentNumber = (line: string): boolean => documentNumberOf(line) !== undefined;

/** Punctuation of sentences, not of titles or names. */
const SENTENCE = /[。，,；;：:！!？?]/;

/** A line that may be (part of) a title: no sentence punctuation nor a menu's separators, not numbered, not too long. */
const titleLike = (line: string) =>
  line.length <= 60 && !SENTENCE.test(line) && !/[|｜>＞»›]/u.test(line) && !readLabel(line) && !signingDate(line) && !isDocumentNumber(line);
const ENDS_REPORT = /报告(?:[（(][^（）()]{1,12}[）)])?$/u;
const LETTERHEAD_SHAPE = /^[^，,。；;：:]{2,40}文件$/u;
/** A letterhead, its characters perhaps spaced out: 示例区某某局文件, 示 例 区 某 某 局 文 件. */
const isLetterhead = (line: string) => LETTERHEAD_SHAPE.test(line.replace(/[\s\u3000]/gu, ''));
const ADDRESSEE = /^[^。；;！？!?]{2,60}[：:]$/u;
/** A date printed alone under a title, bracketed or not. */
const DATE_LINE = /^[（(]?\s*([^（）()]+?)\s*[）)]?$/u;

/** A bracketed note on the line under a title, part of it: （2024年度）, not a date. */
const bracketedNote = (line: string | undefined) =>
  line !== undefined && /^[（(][^（）()]{1,20}[）)]$/u.test(line) && !DATE_LIKE.test(line);
/** A date, perhaps without its day: 2025年1月, 二〇二五年一月十日. */
const DATE_LIKE = /[\d０-９〇○零Ｏ一二三四五六七八九]{4}\s*年\s*[\d０-９一二三四五六七八九十]{1,2}\s*月/u;

const lineText = (b: Block | undefined) => (b?.kind === 'line' ? b.text : undefined);

/** Where the title is among the head's lines: its first line and how many lines it has. */
function titleAt(lines: readonly (string | undefined)[], from: number): { at: number; count: number } | undefined {
  for (let end = from; end < Math.min(lines.length, from + 6); end++) {
    const l = lines[end];
    if (l === undefined || !titleLike(l) || !ENDS_REPORT.test(l)) continue;
    let at = end;
    // Lines above it that go with it: title-like, and not the same words printed again.
    while (at > from && end - at < 2 && titleLike(lines[at - 1] ?? '。') && !l.includes(lines[at - 1]!)) at--;
    return { at, count: end - at + 1 + (bracketedNote(lines[end + 1]) ? 1 : 0) };
  }
  const first = lines[from];
  const next = lines[from + 1];
  if (first !== undefined && titleLike(first) && /(?:\d{4}|法治)/.test(first) && /(?:总结|情况|报告)$/.test(first) && next !== undefined && !titleLike(next)) {
    return { at: from, count: 1 };
  }
  return undefined;
}

/** What a line under the title is, if it is one of the lines printed there. */
function underTitle(text: string, head: Head): LeftOut | undefined {
  if (text === head.title) return { text, why: '重复的标题' };
  const number = documentNumberOf(text);
  if (number && !head.documentNumber) {
    head.documentNumber = number;
    return { text, why: '文号，已读入' };
  }
  const date = signingDate(DATE_LINE.exec(text)?.[1] ?? '');
  if (date && !head.dateLine) {
    head.dateLine = { text, signedOn: date };
    return { text, why: '标题下的日期' };
  }
  if (isBodyName(text) && !head.agencyLine) {
    head.agencyLine = text;
    return { text, why: '标题下的发布机构' };
  }
  if (/^[（(][^（）()]{1,20}[）)]$/u.test(text) && DATE_LIKE.test(text)) return { text, why: '标题下的日期：不完整，没有用作成文日期' };
  const both = onOneLine(text);
  if (both && !head.dateLine && !head.agencyLine) {
    head.agencyLine = both.agency;
    head.dateLine = { text: both.date, signedOn: both.signedOn };
    return { text, why: '标题下的发布机构和日期' };
  }
  if (ADDRESSEE.test(text) && !/如下|报告/.test(text)) return { text, why: '主送机关' };
  return undefined;
}

/** The lines above the title: letterhead, 文号, the agency alone; anything else, named. */
function aboveTitle(text: string, head: Head): LeftOut {
  if (isLetterhead(text)) return { text, why: '版头：发文机关标志' };
  const number = documentNumberOf(text);
  if (number && !head.documentNumber) {
    head.documentNumber = number;
    return { text, why: '文号，已读入' };
  }
  if (isBodyName(text) && !head.agencyLine) {
    head.agencyLine = text;
    return { text, why: '标题上方的发布机构' };
  }
  if (/^附件\s*\d{0,2}$/u.test(text)) return { text, why: '附件标记' };
  head.warnings.push(`标题上方的“${short(text)}”不像报告正文，没有导入。请核对原文。`);
  return { text, why: '标题上方的内容' };
}

/** The head of a report: the blocks before its first part's heading. */
export function readHead(blocks: readonly Block[]): Head {
  const head: Head = { titleLines: 0, preface: [], leftOut: [], warnings: [] };
  const lines = blocks.map(lineText);
  // The letterhead and 文号 may stand above the title.
  let from = 0;
  while (from < lines.length && (isLetterhead(lines[from] ?? '') || isDocumentNumber(lines[from] ?? ''))) from++;
  const title = titleAt(lines, from);
  const top = title?.at ?? from;
  for (let i = 0; i < top; i++) head.leftOut.push({ ...aboveTitle(lines[i] ?? '', head), block: blocks[i] });
  let i = top;
  if (title) {
    head.title = lines.slice(title.at, title.at + title.count).join('');
    head.titleLines = title.count;
    i = title.at + title.count;
  }
  for (let out; i < blocks.length && (out = underTitle(lines[i] ?? '。', head)); i++) head.leftOut.push({ ...out, block: blocks[i] });
  head.preface = blocks.slice(i);
  return head;
}
