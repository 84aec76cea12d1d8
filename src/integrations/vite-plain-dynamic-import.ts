/**
 * Vite wraps every dynamic import() in a helper (\0vite/preload-helper.js) that, besides
 * importing, fetches the imported chunk's own imports and stylesheets in parallel. The helper
 * is 880 B gzip, loaded on every page before the reader does anything, to save one round trip
 * when the search code (on focus) or the highlight code (after a search) loads; the site's
 * budget for script before interaction is 2 KB. This one only imports. None of the code loaded
 * later has a stylesheet of its own (tests/build/head.test.ts checks), so nothing goes missing:
 * the chunk's imports load as the browser reads it.
 */
import type { Plugin } from 'vite';

const HELPER = '\0vite/preload-helper.js';

export function vitePlainDynamicImport(): Plugin {
  return {
    name: 'fznb-plain-dynamic-import',
    enforce: 'pre',
    load: (id) => (id === HELPER ? 'export const __vitePreload = (load) => load();' : null),
  };
}
