/**
 * A comparison's marks put into the HTML of the bodies compared, so that the text keeps its
 * paragraphs, sub-headings and tables: a changed run becomes <del> (on the old side) or <ins>
 * (on the new side), each with words a screen reader speaks and a page without colour shows
 * nothing of (visually hidden: 删去：… （删去至此）), since <del> and <ins> themselves are
 * announced by few screen readers.
 *
 * What is compared is `streamOf` the bodies: their text nodes in order (the footnotes' label
 * and back links, which are the page's words, left out), one line break between two bodies.
 * text-diff.ts compares two streams; `markBodies` walks the same text nodes and cuts them where
 * a changed run starts and ends. Whitespace between elements is never wrapped (a table row
 * may hold none), so a change is marked within each block it covers, and announced in each.
 */
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import type { SidePiece } from './text-diff.ts';
import { isPageChrome } from './body-html.ts';

/** Between two bodies in a stream: they are separate blocks. */
const BETWEEN_BODIES = '\n';

type Node = RootContent | ElementContent;

function textsOf(nodes: readonly Node[], out: string[] = []): string[] {
  for (const n of nodes) {
    if (n.type === 'text') out.push(n.value);
    else if (n.type === 'element' && !isPageChrome(n)) textsOf(n.children, out);
  }
  return out;
}

const parse = (html: string): Root => fromHtml(html, { fragment: true });

/** The text compared of these bodies (HTML), in order. */
export const streamOf = (htmls: readonly string[]): string => htmls.map((h) => textsOf(parse(h).children).join('')).join(BETWEEN_BODIES);

/** How marked runs are written: the element, and the words a screen reader hears before and after. */
export interface MarkStyle {
  tag: 'del' | 'ins';
  start: string;
  end: string;
}

/** What else changes in the copy: headings lowered by some levels; ids dropped (a second copy of a text on the page). */
export interface CopyStyle {
  demote?: number;
  dropIds?: boolean;
}

/** The changed ranges [start, end) of a side, by character offset in its stream. */
function changedRanges(pieces: readonly SidePiece[]): [number, number][] {
  const out: [number, number][] = [];
  let at = 0;
  for (const p of pieces) {
    if (p.changed && p.text) out.push([at, at + p.text.length]);
    at += p.text.length;
  }
  return out;
}

/** Words for screen readers only; data-chrome: the site's words, not the report's (left out of 朗读 and of text read back). */
const hidden = (text: string): Element => ({ type: 'element', tagName: 'span', properties: { className: ['visually-hidden'], dataChrome: true }, children: [{ type: 'text', value: text }] });

/** A text node cut at the changed ranges; changed pieces with visible characters wrapped. */
function cut(node: Text, from: number, ranges: readonly [number, number][], style: MarkStyle): ElementContent[] {
  const end = from + node.value.length;
  const bounds = new Set([from, end]);
  for (const [a, b] of ranges) if (b > from && a < end) [a, b].forEach((x) => bounds.add(Math.min(end, Math.max(from, x))));
  const points = [...bounds].sort((a, b) => a - b);
  return points.slice(0, -1).map((a, i): ElementContent => {
    const value = node.value.slice(a - from, points[i + 1]! - from);
    const changed = ranges.some(([x, y]) => x <= a && a < y);
    if (!changed || !value.trim()) return { type: 'text', value };
    return { type: 'element', tagName: style.tag, properties: {}, children: [hidden(style.start), { type: 'text', value }, hidden(style.end)] };
  });
}

/** A heading's new name, some levels lower (h4 → h5), never below h6. */
const lowered = (tag: string, by: number) => (/^h[1-6]$/.test(tag) ? `h${Math.min(6, Number(tag[1]) + by)}` : tag);

/** Walks a body's nodes, cutting text nodes at the ranges; `at` is the stream offset, advanced. */
function walk(nodes: readonly Node[], at: { offset: number }, ranges: readonly [number, number][], mark: MarkStyle, copy: CopyStyle): ElementContent[] {
  return nodes.flatMap((n): ElementContent[] => {
    if (n.type === 'text') {
      const out = cut(n, at.offset, ranges, mark);
      at.offset += n.value.length;
      return out;
    }
    if (n.type !== 'element') return n.type === 'comment' ? [n] : [];
    const properties = copy.dropIds ? { ...n.properties, id: undefined, ariaDescribedBy: undefined } : n.properties;
    const tagName = lowered(n.tagName, copy.demote ?? 0);
    if (isPageChrome(n)) return [{ ...n, tagName, properties }];
    return [{ ...n, tagName, properties, children: walk(n.children, at, ranges, mark, copy) }];
  });
}

/**
 * The bodies (HTML) with a side's changed runs marked: `pieces` (text-diff.ts sideOf) spell
 * out streamOf(htmls) exactly; each body comes back as HTML, in order.
 */
export function markBodies(htmls: readonly string[], pieces: readonly SidePiece[], mark: MarkStyle, copy: CopyStyle = {}): string[] {
  const ranges = changedRanges(pieces);
  const at = { offset: 0 };
  return htmls.map((html, i) => {
    if (i > 0) at.offset += BETWEEN_BODIES.length;
    return toHtml({ type: 'root', children: walk(parse(html).children, at, ranges, mark, copy) });
  });
}
