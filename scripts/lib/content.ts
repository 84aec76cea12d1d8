/**
 * Content entries read from disk for the scripts (check, new, import), the benchmarks and the tests,
 * read and validated exactly as both front doors do (src/domain/content-folder.ts).
 */
import { resolve } from 'node:path';
import { contentDirOf, shownPath } from '../../src/domain/layout.ts';
import { loadContentFolder, type LoadedContent } from '../../src/domain/content-folder.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Paths inside the project are shown relative to it, as staff see them in the editor. */
export const show = (path: string): string => shownPath(ROOT, path);

/** The content folder: CONTENT_DIR, else src/content. */
export function contentDir(): string {
  return resolve(ROOT, contentDirOf(process.env));
}

/** Every report and section entry of a content folder, validated by the schemas; paths relative to the project. */
export function loadContent(dir = contentDir()): LoadedContent {
  return loadContentFolder(dir, ROOT);
}

export type { LoadedContent };
