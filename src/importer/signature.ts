/**
 * The 落款 at the end of a report: the agency on one or two lines of its own and the date on
 * the next (2025年1月10日, 2025年01月10日, 二〇二五年一月十日, 2025.1.10), or the date alone, or both on one
 * line. Furniture after it (公开属性, 版记, page numbers) is gone by now (furniture.ts); a 附注
 * in brackets after the date — （联系人：…，电话：…） — is left out here. A report may print no
 * 落款 at all: its date then stands under the title or in the metadata (assemble.ts).
 */
import { parseChineseDate } from '../domain/dates.ts';
import { parseChineseNumeral, parseDigitwiseNumeral } from '../domain/numerals.ts';
import type { Block, LeftOut, Signature } from './model.ts';
import { readLabel } from './labels.ts';

/** Full-width digits (２０２５) as the ASCII digits they stand for; nothing else changes. */
export const halfWidthDigits = (text: string): string => text.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** A date in Chinese numerals: 二〇二五年一月十日, 二0二五年一月二十日, 二〇二五年元月八日. */
const NUMERAL_DATE = /^\s*([〇○零ＯO0一二三四五六七八九]{4})\s*年\s*([元一二三四五六七八九十]+)\s*月\s*([一二三四五六七八九十]+)\s*日\s*$/u;

/** A date in digits between dots, slashes or dashes, as some 落款 print it: 2025.1.10, 2025/01/10, 2025-1-10. */
const DIGIT_DATE = /^\s*(\d{4})\s*([.．/\-])\s*(\d{1,2})\s*\2\s*(\d{1,2})\s*$/u;

/** Dates as signed: '2025年1月10日', '2025年01月10日', '２０２５年１月１０日', '2025.1.10' or '二〇二五年一月十日' (元月 too) -> ISO date. */
export function signingDate(line: string): string | undefined {
  const text = halfWidthDigits(line);
  const arabic = parseChineseDate(text);
  if (arabic) return arabic;
  const digits = DIGIT_DATE.exec(text);
  if (digits) return parseChineseDate(`${digits[1]}年${digits[3]}月${digits[4]}日`);
  const m = NUMERAL_DATE.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [parseDigitwiseNumeral(m[1]!), m[2] === '元' ? 1 : parseChineseNumeral(m[2]!), parseChineseNumeral(m[3]!)];
  return year && month && day ? parseChineseDate(`${year}年${month}月${day}日`) : undefined;
}

/** Punctuation of sentences, not of names. */
const SENTENCE = /[。，,；;：:！!？?]/;

/** An agency name on a line of its own: short, no punctuation a sentence would have. */
export function isAgencyLine(line: string): boolean {
  return (
    line.length >= 2 &&
    line.length <= 40 &&
    !SENTENCE.test(line) &&
    !line.includes('、') &&
    !/^\d/.test(line) &&
    !readLabel(line) &&
    !signingDate(line)
  );
}

/** How the name of a government body ends: a second line of the 落款 must be one. */
const BODY_NAME_END = /(?:局|委|办|府|院|会|部|厅|署|所|中心|站|室|处|队|组|镇|乡|街道|办事处|公司)(?:[（(][^（）()]{1,10}[）)])?$/u;

/** A body's name on a line of its own: 示例区某某局, 示例镇人民政府, 示例服务中心. */
export const isBodyName = (line: string): boolean => isAgencyLine(line) && BODY_NAME_END.test(line);

/** A 附注 printed in brackets after the 成文日期. */
const NOTE = /^[（(][^（）()]*[）)]$/u;

export interface Found {
  signature: Signature;
  /** How many blocks at the end it takes, 附注 included. */
  count: number;
  leftOut: LeftOut[];
}

/** The agency and date when a line holds both: 示例局　2025年1月10日. */
export function onOneLine(text: string): { agency: string; date: string; signedOn: string } | undefined {
  const m = /^(\S.*?)[\s\u3000]+(\S+)$/u.exec(text);
  const signedOn = m ? signingDate(m[2]!) : undefined;
  return m && signedOn && isAgencyLine(m[1]!) ? { agency: m[1]!, date: m[2]!, signedOn } : undefined;
}

/**
 * A small table at the end whose cells are the 落款 (Word documents lay it out in a borderless
 * table): its lines, as if they were paragraphs.
 */
function signatureTable(b: Block | undefined): Block[] | undefined {
  if (b?.kind !== 'table' || b.rows.length > 3 || b.rows.some((r) => r.length > 3)) return undefined;
  const texts = b.rows.flatMap((r) => r.flatMap((c) => c.split('\n'))).map((t) => t.trim()).filter(Boolean);
  return texts.length >= 1 && texts.length <= 4 ? texts.map((text) => ({ kind: 'line', text })) : undefined;
}

/** The 落款 at the end of the blocks, if they end in one (or in a table holding one). */
export function findSignature(blocks: readonly Block[]): Found | undefined {
  const table = signatureTable(blocks.at(-1));
  const found = table && fromLines(table);
  if (found && found.count === table.length) return { ...found, count: 1 };
  return fromLines(blocks);
}

/** The 落款 at the end of paragraphs, a 附注 after it left out. */
function fromLines(blocks: readonly Block[]): Found | undefined {
  let end = blocks.length;
  const notes: LeftOut[] = [];
  while (end > 0 && blocks[end - 1]!.kind === 'line' && NOTE.test((blocks[end - 1] as { text: string }).text) && notes.length < 2) {
    notes.unshift({ text: (blocks[end - 1] as { text: string }).text, why: '附注', block: blocks[end - 1] });
    end--;
  }
  const last = blocks[end - 1];
  if (last?.kind !== 'line') return undefined;
  const both = onOneLine(last.text);
  if (both) return { signature: { agencyLines: [both.agency], dateText: both.date, signedOn: both.signedOn }, count: blocks.length - end + 1, leftOut: notes };
  const signedOn = signingDate(last.text);
  if (!signedOn) return undefined;
  const agencyLines: string[] = [];
  for (let i = end - 2; i >= 0 && agencyLines.length < 2; i--) {
    const b = blocks[i]!;
    if (b.kind !== 'line' || !isAgencyLine(b.text) || (agencyLines.length && !isBodyName(b.text))) break;
    agencyLines.unshift(b.text);
  }
  const signature = { agencyLines, dateText: last.text, signedOn };
  return { signature, count: blocks.length - end + 1 + agencyLines.length, leftOut: notes };
}
