/**
 * Reading a report's structure out of its paragraphs: title, the 文号 under it, preface, the numbered
 * sections 一、二、…, their (一) sub-headings, and the signature block. Text is never
 * changed here, only sorted into parts.
 */
import { parseChineseNumeral } from '../domain/numerals.ts';
import { parseChineseDate } from '../domain/dates.ts';
import { printedHeading, readPrintedHeading, type PrintedHeading } from '../domain/report.ts';
import { ImportError } from './errors.ts';
import type { Block, BodyBlock, Line, Parsed, Section, Signature } from './model.ts';

/** Paragraphs of a plain text: one per non-empty line; indentation is layout, not text. */
export function textToBlocks(text: string): Line[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((text) => ({ kind: 'line', text }));
}

export type NumberedHeading = PrintedHeading;

/** '七、2024年度…' -> label 七、, order 7, heading as printed after it (src/domain/report.ts). */
export const numberedHeading = readPrintedHeading;

const SENTENCE_END = /[。；;！!？?]/;
/** Punctuation found in sentences, not in titles or names. */
const SENTENCE = /[。，,；;：:！!？?]/;

/**
 * A standalone sub-heading such as '(一)明确核心,持续深化法治工作': it starts with a
 * bracketed numeral (full- or half-width) and is a title, not the start of running text:
 * no sentence ends in it, nothing runs on after a colon or a wide gap, and it is short.
 */
export function isSubHeading(line: string): boolean {
  const m = /^[（(][一二三四五六七八九十]+[）)](.*)$/.exec(line);
  if (!m) return false;
  const rest = m[1]!.trim();
  return (
    rest.length > 0 &&
    line.length <= 40 &&
    !SENTENCE_END.test(rest) &&
    !/[：:]\s*\S/.test(rest) &&
    !/\u3000|\s{2,}|\t/.test(rest)
  );
}

const CN_DIGIT: Record<string, number> = { 〇: 0, '○': 0, 零: 0, Ｏ: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Dates as signed: '2025年1月10日', '2025年01月10日' or '二〇二五年一月十日' -> ISO date. */
export function signingDate(line: string): string | undefined {
  const arabic = parseChineseDate(line);
  if (arabic) return arabic;
  const m = /^\s*([〇○零ＯO一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]+)\s*月\s*([一二三四五六七八九十]+)\s*日\s*$/.exec(line);
  if (!m) return undefined;
  const year = [...m[1]!].map((c) => CN_DIGIT[c]).join('');
  const [month, day] = [parseChineseNumeral(m[2]!), parseChineseNumeral(m[3]!)];
  return month && day ? parseChineseDate(`${year}年${month}月${day}日`) : undefined;
}

/** An agency name on a line of its own: short, no punctuation a sentence would have. */
export function isAgencyLine(line: string): boolean {
  return (
    line.length >= 2 &&
    line.length <= 40 &&
    !SENTENCE.test(line) &&
    !line.includes('、') &&
    !/^\d/.test(line) &&
    !numberedHeading(line) &&
    !signingDate(line)
  );
}

/** The last two paragraphs, when they are an agency and a date. */
export function findSignature(blocks: readonly Block[]): Signature | undefined {
  const [agency, date] = blocks.slice(-2);
  if (blocks.length < 2 || agency?.kind !== 'line' || date?.kind !== 'line') return undefined;
  const signedOn = signingDate(date.text);
  return signedOn && isAgencyLine(agency.text) ? { agency: agency.text, dateText: date.text, signedOn } : undefined;
}

/**
 * A title at the top: a line ending in 报告 (or in 报告 and a short bracketed note, such as
 * （全文）), or such a line with the agency on the line before it (long titles are often set
 * on two lines). Only before the first heading.
 */
export function findTitle(blocks: readonly Block[]): { title: string; lines: number } | undefined {
  const [a, b] = blocks.map((x) => (x.kind === 'line' ? x.text : undefined));
  const isTitle = (l: string | undefined) =>
    l !== undefined && /报告(?:[（(][^（）()]{1,12}[）)])?$/.test(l) && !numberedHeading(l) && !SENTENCE.test(l);
  if (isTitle(a)) return { title: a!, lines: 1 };
  if (a !== undefined && isTitle(b) && isAgencyLine(a)) return { title: a + b, lines: 2 };
  return undefined;
}

/**
 * A 文号 as printed on a line of its own: the issuer's short name, the year in 〔〕 (or 【】,
 * [], ［］) and the number with 号 — 武退役军人〔2024〕5号, 武退役军人【2024】5号, 某局[2024]第5号.
 */
const DOCUMENT_NUMBER = /^[\u4e00-\u9fa5A-Za-z]{1,20}\s*[〔【\[［]\s*\d{4}\s*[〕】\]］]\s*第?\s*\d{1,5}\s*号$/;

/** Whether a line is a 文号 and nothing else. */
export const isDocumentNumber = (line: string): boolean => DOCUMENT_NUMBER.test(line.trim());

/**
 * The 文号 printed right under the title, verbatim, when there is one: it is the document's
 * metadata (documentNumber), not the preface's first paragraph.
 */
export function findDocumentNumber(blocks: readonly Block[], titleLines: number): string | undefined {
  const next = blocks[titleLines];
  return titleLines > 0 && next?.kind === 'line' && isDocumentNumber(next.text) ? next.text : undefined;
}

function bodyBlock(b: Block): BodyBlock {
  return b.kind === 'line' && isSubHeading(b.text) ? { kind: 'subheading', text: b.text } : b;
}

/**
 * Sorts a report's paragraphs into title, preface, sections and signature. A line counts
 * as a section heading only when its numeral is the next one expected, so a stray '一、'
 * inside a section stays text; one that looks out of sequence is reported as a warning.
 */
export function parseReport(blocks: readonly Block[], file: string): Parsed {
  const warnings: string[] = [];
  const signature = findSignature(blocks);
  const firstHeading = blocks.findIndex((b) => b.kind === 'line' && numberedHeading(b.text)?.order === 1);
  if (firstHeading < 0) {
    throw new ImportError(
      `${file} 中没有找到“一、”这样的编号标题。报告的每一部分应以“一、”“二、”……开头，标题单独成一段。请检查原文（或确认选对了文件）后再导入。`,
    );
  }
  if (!signature) {
    throw new ImportError(
      `${file} 的最后两段不是落款。报告应以发布机构和成文日期两行结尾，例如“韶关市武江区退役军人事务局”和“2025年1月10日”。请在文末补上落款后再导入。`,
    );
  }
  const head = blocks.slice(0, firstHeading);
  const title = findTitle(head);
  const documentNumber = findDocumentNumber(head, title?.lines ?? 0);
  const preface = head.slice((title?.lines ?? 0) + (documentNumber ? 1 : 0));
  const sections: Section[] = [];
  for (const b of blocks.slice(firstHeading, -2)) {
    const h = b.kind === 'line' ? numberedHeading(b.text) : undefined;
    if (h && h.order === sections.length + 1) {
      sections.push({ ...h, body: [] });
      continue;
    }
    if (h && b.kind === 'line' && !SENTENCE_END.test(b.text)) {
      warnings.push(`“${short(b.text)}”像是标题，但编号“${h.label}”不接续上一部分，已当作正文放在第 ${sections.length} 部分中。请核对原文的编号。`);
    }
    sections.at(-1)!.body.push(bodyBlock(b));
  }
  for (const s of sections) {
    if (!s.body.length) warnings.push(`第 ${s.order} 部分“${printedHeading({ label: s.label, heading: short(s.heading) })}”没有正文。`);
  }
  if (!preface.length) warnings.push('第一个编号标题之前没有前言（开头段）。');
  return { title: title?.title, ...(documentNumber && { documentNumber }), preface, sections, signature, warnings };
}

export function short(text: string, max = 30): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
