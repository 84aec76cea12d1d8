/**
 * Near words (thesaurus.json): the words readers use for what the reports call 退役军人,
 * 信访, 就业… and common confusions such as 法制 for 法治. A term containing a reader word
 * gains, as an alternative, the term with the report's word in its place.
 */
import data from './thesaurus.json' with { type: 'json' };

export interface ThesaurusEntry {
  report: string;
  readers: string[];
}

export const THESAURUS: readonly ThesaurusEntry[] = data.entries;

/** The weight of a near word against the reader's own word (1). */
export const NEAR_WEIGHT = 0.6;

/** The report's words for a term: each reader word inside it replaced by its report word. */
export function nearWords(term: string, thesaurus: readonly ThesaurusEntry[] = THESAURUS): string[] {
  const out = new Set<string>();
  for (const { report, readers } of thesaurus) {
    for (const r of readers) {
      if (term.includes(r)) out.add(term.split(r).join(report));
    }
  }
  out.delete(term);
  return [...out];
}

/** Every reader word of the thesaurus, for splitting a query into words. */
export const readerWords = (thesaurus: readonly ThesaurusEntry[] = THESAURUS): Set<string> => new Set(thesaurus.flatMap((e) => e.readers));
