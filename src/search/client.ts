/**
 * The browser side of search: the searcher (searcher.ts) over files fetched from the site, and
 * the results shown, read from their text files in the page's edition (the 繁體 texts written
 * at build time), each linking to its page in that edition with the terms to mark there.
 */
import { allTerms, excerpt } from './engine';
import { searcher } from './searcher';
import { searchFile } from './files';
import { hitHref } from './render';
import { inPageEdition, pageEdition } from '../utils/edition';
import { withBase } from '../utils/routes';
import type { IndexedUnit } from './term-index';

export type { SearchOutcome } from './searcher';

const base = import.meta.env.BASE_URL;
const site = searcher(searchFile);

/** The index's manifest, fetched on first use (the header field fetches it as the reader starts typing). */
export const loadIndex = site.loadIndex;
export const searchSections = site.search;

/** A result as shown: its link, heading and excerpt. */
export interface ShownHit {
  /** The unit's address on the site, in the reader's edition. */
  url: string;
  /** The link, marking the terms on arrival. */
  href: string;
  year: number;
  title: string;
  /** HTML: the text escaped, each whole term in <mark>; empty when the text could not be read. */
  excerpt: string;
}

/** The terms as the shown text writes them: in the 繁體 text, the characters where each term stands in the simplified one. */
export function shownTerms(terms: readonly string[], matched: string, shown: string): string[] {
  if (matched === shown || matched.length !== shown.length) return [...terms];
  const folded = matched.toLowerCase();
  return terms.flatMap((t) => {
    const at = folded.indexOf(t);
    return at < 0 ? [] : [shown.slice(at, at + t.length)];
  });
}

/** The heading and excerpt of each result shown, from its text file in the page's edition. */
export async function showHits(hits: readonly IndexedUnit[], terms: readonly string[]): Promise<ShownHit[]> {
  const edition = pageEdition();
  const marked = allTerms([{ term: '', alternatives: terms.map((text) => ({ text, weight: 1 })) }]);
  return Promise.all(
    hits.map(async (h) => {
      try {
        const { url: path, title, shown, matched } = await site.text(h, edition);
        const url = inPageEdition(withBase(base, path), base);
        return { url, href: hitHref({ url }, shownTerms(marked, matched, shown)), year: h.year, title, excerpt: excerpt(matched, marked, undefined, undefined, shown) };
      } catch {
        return { url: '', href: '', year: h.year, title: '', excerpt: '' };
      }
    }),
  );
}
