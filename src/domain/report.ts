/**
 * How a report is printed and dated, written once: a section's heading as printed (一、…),
 * the signature block, the date a report counts as published, and the regulation's deadline.
 * Pages, feeds, open data, the checks, the importer and the scripts all use these.
 */
import type { ReportData, SectionData } from './schema.ts';
import type { IsoDate } from './dates.ts';
import { formatChineseDate } from './dates.ts';
import { parseChineseNumeral } from './numerals.ts';

/** The mark between a section's numeral and its heading: 一、 */
export const NUMERAL_MARK = '、';

/** The heading as printed in the report, its label first: 一、深入学习……, 1.主要举措, 第一部分 主要举措 */
export const printedHeading = (s: Pick<SectionData, 'label' | 'heading'>): string => `${s.label}${s.heading}`;

/** The ways a report numbers its parts, each with the number it prints. */
const LABELS: readonly [RegExp, (n: string) => number | undefined][] = [
  [/^([一二三四五六七八九十]+)[、，,.．]\s*$/u, parseChineseNumeral],
  [/^[（(]([一二三四五六七八九十]+)[）)]\s*$/u, parseChineseNumeral],
  [/^第([一二三四五六七八九十]+)(?:部分|章|节|篇)?[、，,:：.．]?\s*$/u, parseChineseNumeral],
  [/^第(\d{1,2})(?:部分|章|节|篇)[、，,:：.．]?\s*$/u, (n) => Number(n)],
  [/^(\d{1,2})\s*[.．、,，]\s*$/u, (n) => Number(n)],
  // A bare number and a space, as reports numbered decimally (1, 1.1, 1.2) print their parts.
  [/^(\d{1,2})[\s\u3000]+$/u, (n) => Number(n)],
  [/^[（(](\d{1,2})[）)]\s*$/u, (n) => Number(n)],
  // 1. to 20. printed as one character each (U+2488…U+249B), as PDFs give them.
  [/^([\u2488-\u249b])\s*$/u, (n) => n.codePointAt(0)! - 0x2487],
];

/** The number a section's printed label stands for (一、 → 1, 2. → 2, 第三部分 → 3), or undefined when it is not a label. */
export function labelNumber(label: string): number | undefined {
  for (const [pattern, read] of LABELS) {
    const m = pattern.exec(label);
    if (m) return read(m[1]!);
  }
  return undefined;
}

export interface PrintedHeading {
  /** The label as printed, its mark included: 七、 */
  label: string;
  order: number;
  heading: string;
}

const PRINTED_HEADING = new RegExp(`^([一二三四五六七八九十]+)${NUMERAL_MARK}\\s*(\\S.*)$`);

/** Reads a printed heading back: '七、2024年度…' -> label 七、, order 7, heading as printed after it. */
export function readPrintedHeading(line: string): PrintedHeading | undefined {
  const m = PRINTED_HEADING.exec(line);
  const order = m ? parseChineseNumeral(m[1]!) : undefined;
  return m && order ? { label: `${m[1]!}${NUMERAL_MARK}`, order, heading: m[2]!.trim() } : undefined;
}

/** The signature block as printed: by default the agency, then the signing date. */
export function signatureLines(r: Pick<ReportData, 'agency' | 'signedOn' | 'signature'>): string[] {
  return r.signature ?? [r.agency, formatChineseDate(r.signedOn)];
}

/** Date of the latest correction (最后更新), if the report has been corrected. */
export function lastCorrection(r: Pick<ReportData, 'corrections'>): string | undefined {
  return r.corrections.map((c) => c.date).sort().at(-1);
}

/**
 * The date a report counts as published for ordering and the date checks: 发布日期 when
 * known, else 成文日期 (the earliest it can have been published). Never shown as a
 * publication date: pages, feeds and the sitemap claim one only through knownPublicationDate.
 */
export const publishedDate = (r: Pick<ReportData, 'publishedOn' | 'signedOn'>): IsoDate => r.publishedOn ?? r.signedOn;

/**
 * The 发布日期 when the report entry states it, else undefined: what PubDate, JSON-LD
 * datePublished, the feed's pubDate and the sitemap's lastmod may claim. A page without it
 * says nothing of publication rather than passing the 成文日期 off as one.
 */
export const knownPublicationDate = (r: Pick<ReportData, 'publishedOn'>): IsoDate | undefined => r.publishedOn;

/**
 * The day by which a year's report must be public: 4月1日 of the following year
 * (《法治政府建设与责任落实督察工作规定》第二十四条); publishing on it is already late.
 */
export const publicationDeadline = (year: number): IsoDate => `${year + 1}-04-01`;

/** A withdrawn report (撤回) keeps its page, with the notice, but leaves search, feeds and comparisons. */
export const isWithdrawn = (r: Pick<ReportData, 'withdrawn'>): boolean => r.withdrawn !== undefined;
