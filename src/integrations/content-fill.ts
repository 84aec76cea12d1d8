/**
 * How the content collections are filled (content-loader.ts is their loader): reports,
 * sections and the record from the one reading of the content folder (content.ts,
 * src/domain/content-folder.ts), never from the files again. Each entry carries its data as
 * validated, and its body already made into HTML by the site (body.ts), in pieces each page
 * joins at its own heading level: report text is data, and no MDX is compiled or run. The
 * store is refilled whole on every load, so an entry cached by an older build or an older
 * schema can never be served.
 *
 * In `astro dev` a change to any file of the content folder reads it again and refills every
 * collection; content with errors shows the Chinese messages in the browser instead.
 *
 * This module is loaded by the integration (fznb.ts), with Node, as the check is: the loader,
 * which Vite loads with the content config, finds `fillCollection` and the schemas on
 * globalThis, so the content folder's reading, rules, history and schemas are loaded once,
 * not again through Vite.
 */
import type { LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { bodyPieces } from '../domain/body.ts';
import { errorsOf, formatProblems } from '../domain/check.ts';
import type { ReadEntry, FolderCheck } from '../domain/content-folder.ts';
import type { AttachmentFile } from '../domain/attachments.ts';
import { HISTORY_ID, RECORD_ID, type BodyMetadata, type HistoryData } from './collections.ts';
import { recordHistory } from '../domain/history-git.ts';
import { checkedContent, contentFolder, forgetContent } from './content.ts';
import { PROVIDED, type Collection, type Provided } from './content-loader.ts';
import { reportSchema, sectionSchema } from '../domain/schema.ts';
import { recordFileSchema } from '../domain/record.ts';

/**
 * The body of an entry for the store: its HTML in pieces, which each page joins at its own
 * level (body-html.ts joinBody), and the text a reader sees; of a report, its attachments. One copy
 * of the text each: the store is bundled into the build and read whole by every page.
 */
function rendered(e: ReadEntry<unknown>, attachments?: readonly AttachmentFile[]) {
  const metadata: BodyMetadata = {
    pieces: bodyPieces(e.hast),
    text: e.text,
    ...(attachments ? { attachments: attachments.map(({ data: _bytes, ...a }) => a) } : {}),
  };
  return { html: '', metadata: metadata as unknown as Record<string, unknown> };
}

/** Puts one collection of the reading into the store. */
function fill(collection: Collection, content: FolderCheck, { store, generateDigest }: LoaderContext): void {
  store.clear();
  if (collection === 'record') return void store.set({ id: RECORD_ID, data: content.record as unknown as Record<string, unknown> });
  if (collection === 'history') {
    const years = Object.fromEntries([...recordHistory(contentFolder(), content.record, content, content.versions)].map(([y, h]) => [String(y), h]));
    return void store.set({ id: HISTORY_ID, data: { years } satisfies HistoryData as unknown as Record<string, unknown> });
  }
  const entries: ReadEntry<unknown>[] = collection === 'reports' ? content.reports : content.sections;
  for (const e of entries) {
    const attachments = collection === 'reports' ? (content.attachments.get(e.id) ?? []) : undefined;
    // Astro keeps a path only relative to the project (a fixture outside it has none).
    const filePath = e.filePath.startsWith('/') ? undefined : e.filePath;
    store.set({ id: e.id, data: e.data as Record<string, unknown>, filePath, digest: generateDigest(e.raw), rendered: rendered(e, attachments) });
  }
}

/** The reading, or in dev a Chinese error for the overlay when the content has errors. */
function reading(fresh: boolean): FolderCheck {
  const content = checkedContent({ fresh });
  if (errorsOf(content.problems).length) {
    throw new AstroError(formatProblems(errorsOf(content.problems)), '按上面每一条的说明修改对应文件，然后保存。');
  }
  return content;
}

/** In dev, each collection's store, refilled together when a file of the content folder changes. */
const loaded = new Map<Collection, LoaderContext>();
let watched = false;

/** Reads the folder again once and refills every collection; errors go to the dev server's log. */
function reload(): void {
  forgetContent();
  try {
    const content = reading(true);
    for (const [collection, context] of loaded) fill(collection, content, context);
  } catch (e) {
    loaded.values().next().value?.logger.error((e as Error).message);
  }
}

/** Fills one collection's store; in dev, watches the content folder to refill them all. */
export function fillCollection(collection: Collection, context: LoaderContext): void {
  fill(collection, reading(false), context);
  if (!context.watcher) return;
  loaded.set(collection, context);
  if (watched) return;
  watched = true;
  const dir = contentFolder();
  context.watcher.add(dir);
  context.watcher.on('all', (_event, path) => {
    if (path.startsWith(dir)) reload();
  });
}

/** Hands `fillCollection` and the schemas to the content config (content-loader.ts), in whatever module instance Vite loads it. */
export function provideCollections(): void {
  const provided: Provided = { fill: fillCollection, schemas: { reports: reportSchema, sections: sectionSchema, record: recordFileSchema } };
  (globalThis as typeof globalThis & { [PROVIDED]?: Provided })[PROVIDED] = provided;
}
