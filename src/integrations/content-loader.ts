/**
 * The content collections' loader and schemas (src/content.config.ts). Vite loads this module
 * with the content config; what fills the collections (content-fill.ts) and the schemas are
 * the integration's, loaded with Node with the check, and handed over on globalThis, so Vite
 * never loads the content folder's reading, rules, history and schemas a second time.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import type { reportSchema, sectionSchema } from '../domain/schema.ts';
import type { recordFileSchema } from '../domain/record.ts';

export type Collection = 'reports' | 'sections' | 'record' | 'history';

/** What the integration hands over (content-fill.ts provideCollections). */
export interface Provided {
  fill: (collection: Collection, context: LoaderContext) => void;
  schemas: { reports: typeof reportSchema; sections: typeof sectionSchema; record: typeof recordFileSchema };
}

/** Where content-fill.ts leaves what it provides. */
export const PROVIDED = Symbol.for('fznb.collections');

function provided(): Provided {
  const p = (globalThis as typeof globalThis & { [PROVIDED]?: Provided })[PROVIDED];
  if (!p) throw new Error('内容集合只能由本站的集成（src/integrations/fznb.ts，见 astro.config.mjs）填充：请用 npm run build、npm run dev 或 astro sync 运行。');
  return p;
}

/** The collections' schemas, the same modules the check validated the entries with. */
export const collectionSchemas = (): Provided['schemas'] => provided().schemas;

export function contentLoader(collection: Collection): Loader {
  return {
    name: `fznb-${collection}`,
    load: async (context) => provided().fill(collection, context),
  };
}
