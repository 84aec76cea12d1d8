/**
 * Text copied out of a PDF breaks every paragraph where the page's line ended: most lines are
 * the same width, cut in mid-sentence. Such a text is found by that width (the lines of one
 * width, give or take a hanging punctuation mark, are many and mostly do not end a sentence),
 * and each full line is joined to the next. A line is never joined to one that starts a
 * paragraph (indented), a numbered heading, page furniture (a page number) or a line printed
 * again on every page (a running header): those stay lines of their own, and the joining goes on
 * past them. A heading that fills its line goes on only into a short tail without punctuation.
 * A text written a paragraph a line is left as it is.
 */
import { furnitureLine } from './furniture.ts';
import { readLabel } from './labels.ts';

/** How wide a line prints: a Han character or a full-width form is two columns, anything else one. */
export function printedWidth(line: string): number {
  let width = 0;
  for (const ch of line) width += /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2e80-\u2fdf]/u.test(ch) ? 2 : 1;
  return width;
}

/** Columns a full line may fall short of its page's width: a mark hung past the margin, a wider Latin run. */
const SLACK = 3;
const SENTENCE_END = /[。！？；!?;]$/u;

/** The width most lines of the text are cut at, when the text was cut at one; else undefined. */
export function wrapWidth(lines: readonly string[]): number | undefined {
  const widths = lines.map((l) => printedWidth(l.trimEnd())).filter((w) => w >= 24);
  if (widths.length < 6) return undefined;
  let best: { width: number; count: number } | undefined;
  for (const w of new Set(widths)) {
    const count = widths.filter((x) => x <= w && x >= w - SLACK).length;
    if (!best || count > best.count || (count === best.count && w > best.width)) best = { width: w, count };
  }
  if (!best || best.width > 120) return undefined;
  const full = lines.filter((l) => isFull(l, best.width));
  const cut = full.filter((l) => !SENTENCE_END.test(l.trim())).length;
  return full.length >= 4 && best.count >= widths.length * 0.5 && cut >= full.length * 0.7 ? best.width : undefined;
}

const isFull = (line: string, width: number) => {
  const w = printedWidth(line.trimEnd());
  return w <= width && w >= width - SLACK;
};

/** The text with the lines a PDF cut joined back into paragraphs; how many joins were made, and at what width. */
export function unwrap(text: string): { text: string; joined: number; width?: number } {
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim());
  const width = wrapWidth(lines);
  if (width === undefined) return { text, joined: 0 };
  const seen = new Map<string, number>();
  for (const l of lines) seen.set(l.trim(), (seen.get(l.trim()) ?? 0) + 1);
  // Lines that stand apart: page furniture, and short lines printed again and again (running headers).
  const apart = (l: string) => furnitureLine(l.trim()) !== undefined || ((seen.get(l.trim()) ?? 0) > 1 && printedWidth(l.trim()) < width);
  const starts = (l: string) => /^[\s\u3000]/u.test(l) || readLabel(l.trim()) !== undefined;
  // A heading (numbered, no punctuation) goes on only into a short tail with none either: a heading that happens to fill its line is followed by text.
  const PUNCTUATION = /[，。；：,;:]/u;
  const heading = (l: string) => readLabel(l) !== undefined && !PUNCTUATION.test(l);
  const continues = (open: string, l: string) => !starts(l) && (!heading(open) || (!isFull(l, width) && !PUNCTUATION.test(l)));
  const out: string[] = [];
  const set: string[] = [];
  let open: number | undefined; // the paragraph still being joined, by its place in out
  let joined = 0;
  for (const line of lines) {
    if (apart(line)) {
      set.push(line.trim());
      continue;
    }
    if (open !== undefined && continues(out[open]!, line)) {
      out[open] += line.trim();
      joined++;
    } else {
      out.push(...set.splice(0), line.trim());
      open = out.length - 1;
    }
    open = isFull(line, width) && !SENTENCE_END.test(line.trim()) ? open : undefined;
    if (open === undefined) out.push(...set.splice(0));
  }
  out.push(...set);
  return { text: out.join('\n'), joined, width };
}
