/**
 * What the search scripts say, in the reader's edition: the templates of ui.ts's
 * searchMessages, written at build time for each edition (the 繁體 ones by the site's one
 * converter, src/integrations/traditional.ts) and fetched once per visit beside the index.
 */
import { fillMessage, quoted, type SearchMessages } from '../i18n/ui';
import { pageEdition } from '../utils/edition';
import { messagesFile } from './assist-files';
import { searchFile } from './files';

export type MessageKey = keyof SearchMessages;

/** Says a message: its template in the page's edition with the places filled. */
export type Say = (key: MessageKey, values?: Record<string, string | number>) => string;

/** The page's messages (fetched once). */
export async function loadMessages(): Promise<Say> {
  const templates = await searchFile<SearchMessages>(messagesFile(pageEdition()));
  return (key, values = {}) => fillMessage(templates[key], values);
}

/** The missing-word notice: 没有找到“房贷”，以下结果不包含这个词. */
export const sayMissing = (say: Say, words: readonly string[]) => say(words.length > 1 ? 'missingMany' : 'missingOne', { w: quoted(words) });
