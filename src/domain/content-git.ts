/**
 * A content folder as a commit of git holds it, as an item source for the one reader
 * (content-folder.ts readContent): the same layout rules and parse as the folder on disk, so an
 * earlier version of a report is read exactly as the build read it then. Read with git's
 * plumbing: one `ls-tree` for the names, one `cat-file --batch` for the bytes.
 */
import { execFileSync } from 'node:child_process';
import type { FolderItem, ItemSource } from './content-fs.ts';

const git = (top: string, args: string[], input?: string) =>
  execFileSync('git', args, { cwd: top, input, stdio: ['pipe', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });

/** The blobs of these objects, by id, from one `git cat-file --batch`. */
function blobs(top: string, ids: readonly string[]): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  if (!ids.length) return out;
  const data = git(top, ['cat-file', '--batch'], ids.map((id) => `${id}\n`).join(''));
  let at = 0;
  for (const id of ids) {
    const end = data.indexOf(0x0a, at);
    const size = Number(/ blob (\d+)$/.exec(data.toString('utf8', at, end))?.[1] ?? -1);
    at = end + 1;
    if (size < 0) continue;
    out.set(id, new Uint8Array(data.subarray(at, at + size)));
    at += size + 1;
  }
  return out;
}

const KINDS: Record<string, FolderItem['kind']> = { tree: 'folder', blob: 'file', commit: 'other' };

/**
 * The content folder `contentPath` (relative to the repository's top) at `commit`, limited to
 * `paths` inside it when given (a year's report, sections and attachments).
 */
export function commitSource(top: string, commit: string, contentPath: string, paths: readonly string[] = []): ItemSource {
  const prefix = contentPath ? `${contentPath.replace(/\/$/, '')}/` : '';
  const specs = paths.length ? paths.map((p) => prefix + p) : [prefix || '.'];
  const listed = git(top, ['ls-tree', '-r', '-t', '-z', '--full-tree', commit, '--', ...specs]).toString('utf8').split('\0').filter(Boolean);
  const items: (FolderItem & { id: string })[] = listed.flatMap((line) => {
    const [meta, path] = line.split('\t') as [string, string];
    const [mode, type, id] = meta.split(' ') as [string, string, string];
    if (!path.startsWith(prefix)) return [];
    return [{ path: path.slice(prefix.length), kind: mode === '120000' ? 'link' : (KINDS[type] ?? 'other'), id }];
  });
  const bytes = blobs(top, items.filter((i) => i.kind === 'file').map((i) => i.id));
  return {
    list: () => items.map(({ path, kind }) => ({ path, kind })),
    read: (path) => bytes.get(items.find((i) => i.path === path)!.id) ?? new Uint8Array(),
  };
}
