/**
 * mammoth's HTML of a Word document, read into the same paragraphs a .txt gives, plus tables,
 * footnotes and the bold start of a paragraph:
 * - <p> and <h1>–<h6> are paragraphs, split at line breaks (<br>), trimmed; entities decoded;
 * - a table is rows of cell texts (merged cells become the text and empty cells); a table of
 *   one cell is a box around paragraphs, read as those paragraphs;
 * - a footnote reference (<a href="#footnote-N">) is left out of the text and recorded where it
 *   stood (Line.notes); the notes themselves (mammoth lists them last) are returned by id;
 * - a paragraph that starts with bold text and goes on in plain text keeps its bold start
 *   (Line.lead): a run-in sub-heading such as “（一）强化组织保障。” may be one (sections.ts);
 * - a note typed by hand with superscript marks (…6次¹ in the text, a paragraph ¹含线上学法
 *   further on) is a footnote like Word's own: the paragraph that starts with the superscript
 *   mark is the note of the nearest earlier paragraph with the same superscript mark inside it
 *   (a superscript after a Latin letter, as in m², is a power, not a mark).
 *   A superscript with no such note (m², a mark whose note is missing) stays in the text; its
 *   digits are written as the superscript characters they look like (m2 would read as a number).
 * Lists are gone by now (numbering.ts writes their numbers as text); one that is left, and
 * images, are named in a warning.
 */
import { load, type Cheerio, type CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import type { Block, Line, NoteRef } from './model.ts';

export interface FromHtml {
  blocks: Block[];
  warnings: string[];
  /** Footnote and endnote texts by id ('footnote-1'), their paragraphs joined by a line break. */
  notes: Map<string, string>;
}

/** A run of text, a footnote mark or a superscript that may be a mark typed by hand, in reading order. */
type Piece = { text: string } | { note: string } | { sup: string };

/** Where a superscript that may be a note mark stands in a line's text (it is in the text). */
interface Sup {
  at: number;
  mark: string;
}

/** A superscript that may be a note's mark: 1 to 99, ① to ⑳, [1], or one to three *. */
const SUP_MARK = /^(?:\d{1,2}|[①-⑳]|[[［]\d{1,2}[\]］]|\*{1,3})$/u;

/** The superscripts of each line made here (side data: a Line has no place for them). */
const supsOf = new WeakMap<Line, Sup[]>();

interface State {
  lists: number;
  merged: number;
  notesInTables: number;
}

const NOTE_LINK = /^#((?:foot|end)note-[\w-]+)$/;

export function htmlToBlocks(html: string): FromHtml {
  const $ = load(html, null, false);
  const notes = readNotes($);
  const warnings: string[] = [];
  const images = $('img').length;
  if (images) warnings.push(`Word 文档中的 ${images} 张图片没有导入。`);
  const state: State = { lists: 0, merged: 0, notesInTables: 0 };
  const blocks = typedNotes(walk($, $.root().contents(), state), notes);
  // Numbers are written in as text before mammoth runs; a list left here is one they could not be.
  if (state.lists) {
    warnings.push(
      `Word 文档中有 ${state.lists} 段使用了自动编号或项目符号，但编号无法还原：只导入了文字。请核对这些段落；“一、”等标题是自动编号时，可以把全文复制到记事本、另存为 UTF-8 的 .txt 再导入（复制时编号会变成文字）。`,
    );
  }
  if (state.merged) warnings.push(`有 ${state.merged} 个表格含合并单元格：已拆成空白单元格，请核对。`);
  if (state.notesInTables) warnings.push(`表格中有 ${state.notesInTables} 处脚注标记：表格里不能放脚注，这些脚注没有导入，请核对原文。`);
  return { blocks, warnings, notes };
}

/** The footnotes and endnotes mammoth lists at the end, removed from the page, by id. */
function readNotes($: CheerioAPI): Map<string, string> {
  const notes = new Map<string, string>();
  const items = $('li[id^="footnote-"], li[id^="endnote-"]');
  items.each((_, li) => {
    $(li).find('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]').remove();
    const paragraphs = $(li)
      .children()
      .map((_, c) => squash($(c).text()))
      .get()
      .filter(Boolean);
    notes.set($(li).attr('id')!, paragraphs.join('\n') || squash($(li).text()));
  });
  items.parent().remove();
  return notes;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function walk($: CheerioAPI, nodes: Cheerio<AnyNode>, state: State): Block[] {
  const blocks: Block[] = [];
  nodes.each((_, node) => {
    if (node.type === 'text') blocks.push(...linesOf([{ text: node.data }]));
    if (node.type !== 'tag') return;
    const name = node.name;
    if (name === 'table') blocks.push(...(boxed($, node) ? walk($, $(node).find('td, th').first().contents(), state) : [table($, node, state)]));
    else if (name === 'li') blocks.push(...listItem($, node, state));
    else if (/^(p|h[1-6])$/.test(name)) blocks.push(...paragraph($, node));
    else blocks.push(...walk($, $(node).contents(), state));
  });
  return blocks;
}

function listItem($: CheerioAPI, li: Element, state: State): Block[] {
  state.lists++;
  const own = $(li).contents().filter((_, c) => !(c.type === 'tag' && /^(ul|ol)$/.test(c.name)));
  return [...linesOf(own.get().flatMap((c) => pieces($, c))), ...walk($, $(li).children('ul, ol'), state)];
}

/** A paragraph's lines; the first keeps the paragraph's bold start when plain text follows it. */
function paragraph($: CheerioAPI, p: Element): Line[] {
  const lines = linesOf(pieces($, p));
  const lead = boldStart($, p);
  const first = lines[0];
  if (first && lead && first.text.startsWith(lead) && first.text.length > lead.length) first.lead = lead;
  return lines;
}

/** The text of the <strong> elements a paragraph starts with (before any plain text), trimmed. */
function boldStart($: CheerioAPI, p: Element): string {
  let lead = '';
  for (const c of $(p).contents().get()) {
    if (c.type === 'tag' && c.name === 'strong') lead += $(c).text();
    else if (c.type === 'text' && !c.data.trim()) lead += c.data;
    else break;
  }
  return lead.trim();
}

/** An element's text as pieces: line breaks (<br>) as \n, footnote references as marks. */
function pieces($: CheerioAPI, node: AnyNode): Piece[] {
  if (node.type === 'text') return [{ text: node.data }];
  if (node.type !== 'tag') return [];
  if (node.name === 'br') return [{ text: '\n' }];
  const note = node.name === 'a' ? NOTE_LINK.exec(node.attribs.href ?? '')?.[1] : undefined;
  if (note) return [{ note }];
  // Word's own note marks are links inside a superscript (above); only a superscript of text may be typed.
  const sup = node.name === 'sup' && !$(node).find('a').length ? $(node).text().trim() : '';
  if (SUP_MARK.test(sup)) return [{ sup }];
  return $(node)
    .contents()
    .get()
    .flatMap((c) => pieces($, c));
}

/** Pieces split into trimmed, non-empty lines, each with its footnote marks at their places. */
function linesOf(all: readonly Piece[]): Line[] {
  const raw: { text: string; notes: NoteRef[]; sups: Sup[] }[] = [{ text: '', notes: [], sups: [] }];
  for (const piece of all) {
    if ('note' in piece) {
      raw.at(-1)!.notes.push({ at: raw.at(-1)!.text.length, id: piece.note });
      continue;
    }
    if ('sup' in piece) {
      raw.at(-1)!.sups.push({ at: raw.at(-1)!.text.length, mark: piece.sup });
      raw.at(-1)!.text += piece.sup;
      continue;
    }
    const [first, ...rest] = piece.text.split('\n');
    raw.at(-1)!.text += first;
    for (const text of rest) raw.push({ text, notes: [], sups: [] });
  }
  const out: Line[] = [];
  for (const r of raw) {
    const start = r.text.length - r.text.trimStart().length;
    const text = r.text.trim();
    const notes = r.notes.map((n) => ({ at: Math.min(Math.max(0, n.at - start), text.length), id: n.id }));
    const line: Line = notes.length ? { kind: 'line', text, notes } : { kind: 'line', text };
    if (r.sups.length) supsOf.set(line, r.sups.map((x) => ({ ...x, at: x.at - start })));
    if (text) out.push(line);
    else if (notes.length && out.length) out.at(-1)!.notes = [...(out.at(-1)!.notes ?? []), ...notes.map((n) => ({ ...n, at: out.at(-1)!.text.length }))];
  }
  return out;
}

/** A table of one cell is a box drawn around paragraphs (a heading, a note), not a table of data. */
function boxed($: CheerioAPI, el: Element): boolean {
  const cells = $(el).find('td, th').filter((_, td) => $(td).closest('table')[0] === el);
  return cells.length === 1;
}

/** A table as a grid of cell texts; merged cells become the text and empty cells. */
function table($: CheerioAPI, el: Element, state: State): Block {
  const grid: string[][] = [];
  let merged = false;
  $(el)
    .find('tr')
    .filter((_, tr) => $(tr).closest('table')[0] === el)
    .each((r, tr) => {
      const row = (grid[r] ??= []);
      let col = 0;
      $(tr)
        .children('td, th')
        .each((_, td) => {
          while (row[col] !== undefined) col++;
          const cs = Math.max(1, Number($(td).attr('colspan')) || 1);
          const rs = Math.max(1, Number($(td).attr('rowspan')) || 1);
          if (cs > 1 || rs > 1) merged = true;
          const text = cellText($, td, state);
          for (let dr = 0; dr < rs; dr++) {
            const target = (grid[r + dr] ??= []);
            for (let dc = 0; dc < cs; dc++) target[col + dc] = dr === 0 && dc === 0 ? text : '';
          }
          col += cs;
        });
    });
  if (merged) state.merged++;
  return { kind: 'table', rows: grid.map((row) => Array.from(row, (c) => c ?? '')) };
}

function cellText($: CheerioAPI, td: Element, state: State): string {
  return walk($, $(td).contents(), state)
    .map((b) => {
      if (b.kind === 'table') return b.rows.map((r) => r.join(' ')).join('\n');
      state.notesInTables += b.notes?.length ?? 0;
      return b.text;
    })
    .join('\n');
}

/**
 * Notes typed by hand with superscript marks (see the module comment): each paragraph that
 * starts with a superscript mark and goes on is taken out and becomes the note of the nearest
 * earlier paragraph holding the same mark inside it, whose mark is taken out of its text.
 */
function typedNotes(blocks: readonly Block[], notes: Map<string, string>): Block[] {
  const out = [...blocks];
  const drop = new Set<number>();
  out.forEach((b, i) => {
    const first = b.kind === 'line' ? supsOf.get(b)?.[0] : undefined;
    if (!first || first.at !== 0 || b.kind !== 'line' || b.text.length === first.mark.length) return;
    const marked = markedBefore(out, i, first.mark, drop);
    if (!marked) return;
    const id = `typed-note-${i}`;
    out[marked.i] = withMark(out[marked.i] as Line, marked.sup, id);
    notes.set(id, (superscriptDigits(b) as Line).text.slice(first.mark.length).trim());
    drop.add(i);
  });
  return out.filter((_, i) => !drop.has(i)).map(superscriptDigits);
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A line whose superscript digits that mark no note are written as the superscript characters they look like (m², 见说明³). */
function superscriptDigits(b: Block): Block {
  const sups = b.kind === 'line' ? (supsOf.get(b) ?? []).filter((x) => /^\d+$/.test(x.mark)) : [];
  if (b.kind !== 'line' || !sups.length) return b;
  let text = b.text;
  for (const x of sups) text = text.slice(0, x.at) + [...x.mark].map((d) => SUPERSCRIPT_DIGITS[Number(d)]).join('') + text.slice(x.at + x.mark.length);
  return { ...b, text };
}

/** Text a superscript after which is a power, not a note's mark: a unit in Latin letters (m², km³). */
const POWER_OF = /[A-Za-z]$/;

/**
 * The nearest line before `until` with `mark` as a superscript inside it (not at its start, not
 * a power) still in its text; a line taken out as a note (`notes`) marks nothing.
 */
function markedBefore(blocks: readonly Block[], until: number, mark: string, notes: ReadonlySet<number>): { i: number; sup: Sup } | undefined {
  for (let i = until - 1; i >= 0; i--) {
    const b = blocks[i]!;
    const sup = b.kind === 'line' && !notes.has(i) ? supsOf.get(b)?.findLast((x) => x.mark === mark && x.at > 0 && !POWER_OF.test(b.text.slice(0, x.at))) : undefined;
    if (sup) return { i, sup };
  }
  return undefined;
}

/** A line with a superscript mark taken out of its text and a note mark recorded there. */
function withMark(line: Line, sup: Sup, id: string): Line {
  const length = sup.mark.length;
  const moved = (line.notes ?? []).map((r) => (r.at > sup.at ? { ...r, at: r.at - length } : r));
  const next: Line = { ...line, text: line.text.slice(0, sup.at) + line.text.slice(sup.at + length), notes: [...moved, { at: sup.at, id }].sort((a, b) => a.at - b.at) };
  supsOf.set(next, (supsOf.get(line) ?? []).filter((x) => x !== sup).map((x) => (x.at > sup.at ? { ...x, at: x.at - length } : x)));
  return next;
}
