/**
 * Footnotes, kept as GFM footnotes: the mark where it stood ([^1] in the paragraph) and the
 * note at the end of its part's text ([^1]: …).
 *
 * A Word document's notes come from mammoth (html.ts: Line.notes and their texts by id). In a
 * text copied from a PDF or web page a note is printed: a mark [1] (［1］, or a circled ①) in
 * the text, and a line starting with the same mark further on, usually at the foot of the page
 * or the end of the part. Such a line is the note when the mark stands earlier inside a
 * paragraph (not at its start); the mark is then taken out of that paragraph's text and
 * recorded as a note mark. A circled number is a mark only right after a word (《示例办法》①)
 * or ending a paragraph (…12件。①), not after a colon, a comma or a space, where reports use it
 * to number points (做到：①…；②…).
 * A remark line (注：…, 注释：…) after a paragraph is that paragraph's note, its words kept as
 * printed, its mark at the paragraph's end.
 *
 * Notes are numbered 1, 2, 3 … in the order their marks appear in the report, so that every
 * label is unique across the report's parts (they are shown on one page).
 */
import type { Block, BodyBlock, Footnote, Line, NoteRef, Notes } from './model.ts';
import { readLabel } from './labels.ts';

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
/** A note's line: its mark ([1], ［1］, ①) and its text. */
const DEFINITION = new RegExp(`^(?:[[［](\\d{1,2})[\\]］]|([${CIRCLED}]))\\s*(\\S.*)$`, 'u');
/** Where a mark stands in a text: [1] anywhere, ① right after a word (see above). */
const markOf = (n: string) => (/\d/.test(n) ? new RegExp(`[[［]${n}[\\]］]`, 'gu') : new RegExp(`(?<=[^\\s：:；;，,、。（(【])${n}|(?<=。)${n}$`, 'gu'));
/** A remark printed after a paragraph: 注：…, 注释：… */
const REMARK = /^注(?:释)?\s*[：:]\s*\S/u;

export interface TextNotes {
  blocks: Block[];
  notes: Map<string, string>;
}

/** The last place before `until` where the mark stands inside a paragraph, if any. */
function findMark(blocks: readonly Block[], until: number, n: string): { i: number; at: number; length: number } | undefined {
  for (let i = until - 1; i >= 0; i--) {
    const b = blocks[i]!;
    if (b.kind !== 'line') continue;
    const hits = [...b.text.matchAll(markOf(n))].filter((m) => m.index! > 0);
    const last = hits.at(-1);
    if (last) return { i, at: last.index!, length: last[0].length };
  }
  return undefined;
}

/** A line with the characters at..at+length taken out and a note mark recorded there. */
function withNote(line: Line, at: number, length: number, id: string): Line {
  const moved = (line.notes ?? []).map((r) => (r.at > at ? { ...r, at: r.at - length } : r));
  const notes = [...moved, { at, id }].sort((a, b) => a.at - b.at);
  return { ...line, text: line.text.slice(0, at) + line.text.slice(at + length), notes };
}

/** Where the note on line i is marked, if the line is a note: the mark's place and the note's text. */
function noteAt(blocks: readonly Block[], i: number): { i: number; at: number; length: number; text: string } | undefined {
  const b = blocks[i]!;
  if (b.kind !== 'line') return undefined;
  const m = DEFINITION.exec(b.text);
  const mark = m && findMark(blocks, i, m[1] ?? m[2]!);
  if (m && mark) return { ...mark, text: m[3]! };
  const before = blocks[i - 1];
  const paragraph = before?.kind === 'line' && !REMARK.test(before.text) && !readLabel(before.text);
  return REMARK.test(b.text) && paragraph ? { i: i - 1, at: before.text.length, length: 0, text: b.text } : undefined;
}

/** Printed notes of a text: each [N] or ① line whose mark stands earlier in a paragraph, each 注： line. */
export function textNotes(input: readonly Block[]): TextNotes {
  const blocks = [...input];
  const notes = new Map<string, string>();
  const drop = new Set<number>();
  blocks.forEach((_, i) => {
    const note = noteAt(blocks, i);
    if (!note || drop.has(note.i)) return;
    const id = `text-note-${i}`;
    blocks[note.i] = withNote(blocks[note.i] as Line, note.at, note.length, id);
    notes.set(id, note.text);
    drop.add(i);
  });
  return { blocks: blocks.filter((_, i) => !drop.has(i)), notes };
}

/**
 * The parts' note marks relabelled 1, 2, 3 … in reading order, and each part's notes; a mark
 * whose note is missing is dropped with a warning.
 */
export function numberNotes<B extends Block | BodyBlock>(parts: readonly (readonly B[])[], notes: Notes): { parts: B[][]; footnotes: Footnote[][]; warnings: string[] } {
  const labels = new Map<string, string>();
  const warnings: string[] = [];
  const footnotes: Footnote[][] = [];
  const relabel = (b: B, own: Footnote[]): B => {
    if (b.kind === 'table' || !b.notes?.length) return b;
    const refs: NoteRef[] = [];
    for (const r of b.notes) {
      const text = notes.get(r.id);
      if (text === undefined) {
        warnings.push(`“${b.text.slice(Math.max(0, r.at - 10), r.at)}”后面的脚注标记找不到脚注内容，没有导入这个脚注。`);
        continue;
      }
      if (!labels.has(r.id)) {
        labels.set(r.id, String(labels.size + 1));
        own.push({ label: labels.get(r.id)!, text });
      }
      refs.push({ at: r.at, id: labels.get(r.id)! });
    }
    return { ...b, notes: refs };
  };
  const out = parts.map((blocks) => {
    const own: Footnote[] = [];
    const relabelled = blocks.map((b) => relabel(b, own));
    footnotes.push(own);
    return relabelled;
  });
  return { parts: out, footnotes, warnings };
}
