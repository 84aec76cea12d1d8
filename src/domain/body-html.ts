/**
 * A body's HTML as pages show it, from the pieces the content loader stores (body.ts
 * bodyPieces): runs of HTML, and the sub-headings between them, each joined at the page's
 * level. Kept apart from body.ts so that pages, which only join, do not load the parser.
 */
import type { Element } from 'hast';

/** The id mdast-util-to-hast gives the footnotes' label; body.ts prefixes it per body. */
export const FOOTNOTE_LABEL = 'footnote-label';

/**
 * Elements of a body that are the page's own words, not the report's: the footnotes' label
 * and their back links. What a reader sees (body.ts) and what a comparison compares
 * (mark-html.ts) both leave them out.
 */
export const isPageChrome = (e: Element): boolean =>
  e.properties?.dataFootnoteBackref !== undefined ||
  String(e.properties?.id ?? '').endsWith(FOOTNOTE_LABEL) ||
  String(e.properties?.className ?? '').includes('footnotes-label');

/** How a page shows a body's sub-headings: their level, and whether they keep their ids. */
export interface SubheadingStyle {
  level: 2 | 3 | 4;
  ids: boolean;
}

/** A sub-heading of a body, kept apart so that each page can show it at its own level. */
export interface SubheadingPiece {
  /** How far below ### it stands: 0 for ###, 1 for #### (the level below, 1. under （一）). */
  below: number;
  /** Its attributes as written in the tag: with its id, and without. */
  attributes: [string, string];
  /** Its content's HTML. */
  inner: string;
}

/** A body's HTML in pieces: runs of HTML, and the sub-headings between them (one copy of the text for every level). */
export type BodyPieces = (string | SubheadingPiece)[];

/**
 * The body as an HTML string for a page. Entries write sub-headings as ### (and the level below
 * them as ####), which suits the whole-report page (h2 sections); a section's own page (h1
 * section) shows them one level up (h2, h3), a page of several reports' sections (/items/…)
 * one down (h4, h5) without ids, which would repeat across years.
 */
export function joinBody(pieces: BodyPieces, style: SubheadingStyle): string {
  return pieces
    .map((p) => {
      if (typeof p === 'string') return p;
      const tag = `h${style.level + p.below}`;
      return `<${tag}${p.attributes[style.ids ? 0 : 1]}>${p.inner}</${tag}>`;
    })
    .join('');
}
