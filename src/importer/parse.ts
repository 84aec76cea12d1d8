/**
 * Reading a report's structure out of its paragraphs. Text is never changed here, only sorted:
 * 1. furniture and 政务公开 metadata are set aside (furniture.ts), metadata read;
 * 2. printed footnotes of a text are found (footnotes.ts);
 * 3. the parts are found in whatever numbering the report uses (sections.ts);
 * 4. what stands above the first part is the head: title, 文号, lines under the title, preface
 *    (head.ts);
 * 5. the 落款 is found at the end of the last part (signature.ts);
 * 6. each part's sub-headings are marked, and footnotes numbered and given to their parts.
 * A report without any part is refused, quoting the lines where a part's heading was looked for.
 */
import { ImportError } from './errors.ts';
import { short } from './quote.ts';
import { removeFurniture } from './furniture.ts';
import { numberNotes, textNotes } from './footnotes.ts';
import { readHead } from './head.ts';
import { readLabel } from './labels.ts';
import { bodyOf, findSections, partsReader, writesRunIns, type Found } from './sections.ts';
import { findSignature } from './signature.ts';
import { readsAsItem } from './guess.ts';
import type { Block, LeftOut, Line, Notes, Parsed, Section } from './model.ts';

/** Paragraphs of a plain text: one per non-empty line; indentation is layout, not text. */
export function textToBlocks(text: string): Line[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((text) => ({ kind: 'line', text }));
}

/** The refusal of a text without numbered parts, quoting the lines where a heading was looked for. */
function noParts(file: string, blocks: readonly Block[]): ImportError {
  const lines = blocks.filter((b): b is Line => b.kind === 'line');
  const numbered = lines.filter((l) => readLabel(l.text));
  const looked = (numbered.length ? numbered : lines).slice(0, 8).map((l) => `  “${short(l.text, 40)}”`);
  return new ImportError(
    [
      `${file} 中没有找到各部分的编号标题（如“一、”“1.”“第一部分”开头、单独成一段的标题），没有导入。${numbered.length ? '带编号的段落是：' : '开头的段落是：'}`,
      ...looked,
      '如果原文的编号是 Word 自动编号、文件是旧版 .doc 或 .wps，请在 Word 中另存为 .docx 后再导入；如果手头的是从 PDF 或网页复制的文字，请改为导入报告的 Word 原件；如果这不是年度报告的原文，请确认选对了文件。',
    ].join('\n'),
  );
}

/** The blocks of each part: from its heading (excluded) to the next. */
function partsOf(blocks: readonly Block[], found: Found): Block[][] {
  return found.headings.map((h, i) => blocks.slice(h.at + 1, found.headings[i + 1]?.at ?? blocks.length));
}

/** What was left out, in the order it stands in the original. */
function inOriginalOrder(input: readonly Block[], leftOut: readonly LeftOut[]): LeftOut[] {
  const origin = new Map(input.map((b, i) => [b, i]));
  const at = (l: LeftOut) => (l.block && origin.get(l.block)) ?? Infinity;
  return [...leftOut].sort((a, b) => at(a) - at(b));
}

/** Sorts a report's paragraphs into head, preface, parts and signature (see above). */
export function parseReport(input: readonly Block[], file: string, notes: Notes = new Map()): Parsed {
  const furnished = removeFurniture(input);
  const text = textNotes(furnished.blocks);
  const found = findSections(text.blocks, readsAsItem);
  if (!found) throw noParts(file, text.blocks);
  const head = readHead(text.blocks.slice(0, found.headings[0]!.at));
  const parts = partsOf(text.blocks, found);
  const signed = findSignature(parts.at(-1)!);
  if (signed) parts[parts.length - 1] = parts.at(-1)!.slice(0, -signed.count);
  const read = partsReader(text.blocks);
  const runIns = writesRunIns(parts, found.scheme, read);
  const numbered = numberNotes([head.preface, ...parts.map((p) => bodyOf(p, found.scheme, runIns, read))], new Map([...notes, ...text.notes]));
  const [preface, ...bodies] = numbered.parts;
  const sections: Section[] = found.headings.map((h, i) => ({ order: h.order, label: h.label, heading: h.heading, body: bodies[i]!, footnotes: numbered.footnotes[i + 1]! }));
  const warnings = [...found.warnings, ...head.warnings, ...numbered.warnings];
  for (const s of sections) if (!s.body.length) warnings.push(`第 ${s.order} 部分“${s.label}${short(s.heading)}”没有正文。`);
  if (!preface!.length) warnings.push('第一个编号标题之前没有前言（开头段）。');
  return {
    title: head.title ?? furnished.metadata.title,
    documentNumber: head.documentNumber,
    agencyLine: head.agencyLine,
    dateLine: head.dateLine,
    preface: preface as Block[],
    prefaceFootnotes: numbered.footnotes[0]!,
    sections,
    signature: signed?.signature,
    metadata: furnished.metadata,
    leftOut: inOriginalOrder(input, [...furnished.leftOut, ...head.leftOut, ...(signed?.leftOut ?? [])]),
    lastLines: parts.at(-1)!.slice(-3).filter((b): b is Line => b.kind === 'line').map((b) => b.text),
    warnings,
  };
}
