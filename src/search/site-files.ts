/**
 * Every file the browser's search reads, made at build time from the units Pagefind extracted
 * (fragments.ts): the term index and texts (term-index.ts), the pinyin, typo and reading files
 * (vocabulary.ts), and the scripts' messages in each edition. Pure: the tools (jieba, pinyin,
 * OpenCC, jieba's IDF table, the stop list) are passed in (search-index.ts loads them).
 */
import { assistFiles, siteWordSet, wordWeights, type AssistTools } from './vocabulary.ts';
import { agencyForms, COMMON_IDF, commonWords, measuresOf, stopList, traditionalMap, type Lexicon } from './lexicon.ts';
import { termIndexFiles } from './term-index.ts';
import { messagesFile } from './assist-files.ts';
import { intentWords } from './intents.ts';
import { readerWords } from './thesaurus.ts';
import { searchMessages } from '../i18n/ui.ts';
import type { UnitSource } from './fragments.ts';
import type { IdfLookup } from './jieba-tables.ts';

export interface SiteTools extends AssistTools {
  /** Jieba's IDF of the words wanted and of every word below a level (jieba-tables.ts). */
  idf: IdfLookup;
  /** The one-character nouns of jieba's dictionary (jieba-tables.ts nounChars): the same for every site. */
  nouns?: string;
  /** The stop-word list to trim (stopwords-iso's zh). */
  stopSource: readonly string[];
  toSimplified: (ch: string) => string;
  toTraditional: (text: string) => string;
}

function lexiconOf(texts: readonly string[], idf: Map<string, number>, tools: SiteTools, agencies: readonly string[]): Lexicon {
  const reserved = intentWords();
  const stop = [...new Set([...stopList(tools.stopSource, reserved), ...agencyForms(agencies)])].sort();
  const common = commonWords(idf, new Set(stop), reserved);
  // The query words' characters too, so a question in 繁體 (怎麼, 什麼) loses them as a simplified one does.
  const chars = new Set([...texts, ...stop, ...common, ...reserved, ...readerWords()].join(''));
  return { stop, common, t2s: traditionalMap(chars, tools.toSimplified), measures: measuresOf(texts), nouns: tools.nouns ?? '' };
}

/** The messages of the search scripts in each edition, the 繁體 ones converted by the site's converter. */
function messageFiles(toTraditional: (text: string) => string): [string, string][] {
  const hant = Object.fromEntries(Object.entries(searchMessages).map(([k, v]) => [k, toTraditional(v)]));
  return [
    [messagesFile('hans'), JSON.stringify(searchMessages)],
    [messagesFile('hant'), JSON.stringify(hant)],
  ];
}

/** Every search file for the site's units (`agencies`: the reports' publishing agencies), as path (under the search folder) → JSON text. */
export function searchFiles(units: readonly UnitSource[], tools: SiteTools, agencies: readonly string[] = []): Map<string, string> {
  const texts = units.map((u) => `${u.title}\n${u.content}`);
  const words = siteWordSet(texts, tools);
  const idf = tools.idf(words, COMMON_IDF);
  const lexicon = lexiconOf(texts, idf, tools, agencies);
  return new Map([
    ...termIndexFiles({ units, words: wordWeights(words, (w) => idf.get(w)), lexicon, toTraditional: tools.toTraditional }),
    ...assistFiles(texts, { ...tools, stop: new Set(lexicon.stop) }),
    ...messageFiles(tools.toTraditional),
  ]);
}
