/**
 * The content folder on disk, as it is: every name in it with what it is (a file, a folder,
 * a symbolic link or something else), found without following links, and the bytes of a
 * file. The one place the content folder is read; what the names may be is decided by
 * layout.ts, what the files say by the readers that are given their bytes.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ItemKind = 'file' | 'folder' | 'link' | 'other';

export interface FolderItem {
  /** Relative to the content folder, joined with '/'. */
  path: string;
  kind: ItemKind;
}

function kindOf(path: string): ItemKind {
  const s = lstatSync(path);
  return s.isSymbolicLink() ? 'link' : s.isDirectory() ? 'folder' : s.isFile() ? 'file' : 'other';
}

/**
 * Every item of the folder, depth first in name order. `descend` says which folders to look
 * into (hidden ones, such as the importer's scratch folder, are not content and are skipped);
 * a link is never followed.
 */
export function listFolder(dir: string, descend: (path: string) => boolean = () => true, at = ''): FolderItem[] {
  const out: FolderItem[] = [];
  for (const name of readdirSync(join(dir, at)).sort()) {
    const path = at ? `${at}/${name}` : name;
    const kind = kindOf(join(dir, path));
    out.push({ path, kind });
    if (kind === 'folder' && descend(path)) out.push(...listFolder(dir, descend, path));
  }
  return out;
}

/** The bytes of a file of the folder. */
export const readItem = (dir: string, path: string): Uint8Array => readFileSync(join(dir, path));

/** Where a content folder's items come from: the folder on disk, or a commit of it in git (content-git.ts). */
export interface ItemSource {
  /** Every item, depth first in name order, looking only into the folders `descend` allows. */
  list(descend: (path: string) => boolean): FolderItem[];
  read(path: string): Uint8Array;
}

/** The content folder on disk as an item source. */
export const folderSource = (dir: string): ItemSource => ({ list: (descend) => listFolder(dir, descend), read: (path) => readItem(dir, path) });
