/**
 * One required item in one year against the previous report covering it, as the /items/
 * pages show it: the repeated share (repeats.ts) of this year's text, and both texts as HTML
 * with what changed marked, <ins> in this year's and <del> in last year's (text-diff.ts,
 * mark-html.ts). Last year's copy drops its ids, since its text has its own place on the page.
 */
import { repeatedShare, type Repeat } from './repeats.ts';
import { diffText, sideOf } from './text-diff.ts';
import { markBodies, streamOf, type MarkStyle } from './mark-html.ts';

/** A section's body as compared: its HTML (sub-headings without ids) and its reader-visible text. */
export interface ComparedBody {
  html: string;
  text: readonly string[];
}

/** The words a screen reader hears around a deletion and an insertion (src/i18n/ui.ts). */
export interface MarkWords {
  del: Omit<MarkStyle, 'tag'>;
  ins: Omit<MarkStyle, 'tag'>;
}

export interface ItemComparison {
  repeat: Repeat;
  /** This year's sections' HTML, in order, insertions marked. */
  current: string[];
  /** The previous report's sections' HTML, in order, deletions marked, without ids. */
  previous: string[];
}

/** This year's sections on an item against the previous report's sections on it. */
export function compareItem(current: readonly ComparedBody[], previous: readonly ComparedBody[], words: MarkWords): ItemComparison {
  const html = (bodies: readonly ComparedBody[]) => bodies.map((b) => b.html);
  const marks = diffText(streamOf(html(previous)), streamOf(html(current)));
  return {
    repeat: repeatedShare(current.flatMap((b) => b.text), previous.flatMap((b) => b.text)),
    current: markBodies(html(current), sideOf(marks, 'after'), { tag: 'ins', ...words.ins }),
    previous: markBodies(html(previous), sideOf(marks, 'before'), { tag: 'del', ...words.del }, { dropIds: true }),
  };
}
