/**
 * The content folder as the build reads it, once per build: `npm run build` checks it before
 * Astro starts (the same check as `npm run check`, src/domain/content-folder.ts) and stops
 * with the Chinese messages when it finds an error; the content collections are then filled
 * from that very reading (content-loader.ts), so the build never publishes an entry the check
 * did not read, and nothing is read or parsed twice. In `astro dev` the reading is made
 * again whenever a file of the folder changes.
 *
 * The reading is kept on globalThis, for whatever instance of this module asks: the check,
 * the collections' filling (content-fill.ts) and the attachments all read this one.
 */
import { checkContentFolder, type CheckOptions, type FolderCheck } from '../domain/content-folder.ts';

interface Held {
  dir: string;
  check: FolderCheck;
}

const KEY = Symbol.for('fznb.content');
const FOLDER = Symbol.for('fznb.content-folder');
const held = globalThis as typeof globalThis & { [KEY]?: Held; [FOLDER]?: string };

/** Sets the content folder of this build or dev server: the deployment's (absolute). */
export function useContentFolder(dir: string): void {
  if (held[FOLDER] !== dir) forgetContent();
  held[FOLDER] = dir;
}

/** The content folder of this build, as the integration set it. */
export function contentFolder(): string {
  const dir = held[FOLDER];
  if (!dir) throw new Error('content folder not set: the fznb integration sets it in astro:config:setup');
  return dir;
}

/**
 * The checked content of the folder: the reading made before (when it is of this folder and
 * `fresh` is not asked for), else a new one, kept for the next caller.
 */
export function checkedContent(options: Partial<CheckOptions> & { fresh?: boolean } = {}): FolderCheck {
  const dir = contentFolder();
  const before = held[KEY];
  if (before && before.dir === dir && !options.fresh) return before.check;
  const check = checkContentFolder(dir, { root: process.cwd(), ...options });
  held[KEY] = { dir, check };
  return check;
}

/** Forget the reading, so that the next caller reads the folder again (a file changed in dev). */
export function forgetContent(): void {
  delete held[KEY];
}
