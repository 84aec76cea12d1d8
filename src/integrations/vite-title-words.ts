/**
 * `virtual:fznb/title-words`: the words of the texts the build's worker has segmented already
 * (the site's names and the reports' titles, after-build.ts), as an object of text → words, so
 * the pages break those titles without loading jieba themselves (src/utils/words.ts). In
 * `astro dev`, and for any other text, the pages segment it as before.
 */
import type { Plugin } from 'vite';
import type { TitleWords } from './after-build.ts';

const ID = 'virtual:fznb/title-words';
const RESOLVED = `\0${ID}`;

export function viteTitleWords(words: () => Promise<TitleWords> | undefined): Plugin {
  return {
    name: 'fznb-title-words',
    resolveId: (source) => (source === ID ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      return `export default ${JSON.stringify(Object.fromEntries((await words()) ?? []))};`;
    },
  };
}
