/**
 * The content collections' loader (src/content.config.ts). Vite loads it with the content
 * config; what fills the collections (content-fill.ts) is the integration's, loaded with Node
 * with the check, and handed over on globalThis, so Vite never loads the content folder's
 * reading, rules and history a second time.
 */
import type { Loader, LoaderContext } from 'astro/loaders';

export type Collection = 'reports' | 'sections' | 'record' | 'history';

/** Where content-fill.ts leaves its `fillCollection`. */
export const FILL = Symbol.for('fznb.fill-collection');

type Fill = (collection: Collection, context: LoaderContext) => void;

export function contentLoader(collection: Collection): Loader {
  return {
    name: `fznb-${collection}`,
    load: async (context) => {
      const fill = (globalThis as typeof globalThis & { [FILL]?: Fill })[FILL];
      if (!fill) throw new Error('内容集合只能由本站的集成（src/integrations/fznb.ts，见 astro.config.mjs）填充：请用 npm run build、npm run dev 或 astro sync 运行。');
      fill(collection, context);
    },
  };
}
