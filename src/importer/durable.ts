/**
 * Writes that survive a power cut: a file's bytes are flushed to the disk (fsync) before it is
 * closed, and a folder is flushed after names in it are made, moved or removed, so that what a
 * rename commits is on the disk before the rename is recorded as done (write.ts, journal.ts).
 */
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

/** Writes a file and flushes it to the disk before closing it. */
export function writeFileDurably(path: string, data: string | Uint8Array): void {
  const fd = openSync(path, 'w');
  try {
    if (typeof data === 'string') writeSync(fd, data);
    else for (let at = 0; at < data.length; ) at += writeSync(fd, data, at, data.length - at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Error codes of systems that cannot flush a folder (Windows opens none): nothing to flush there. */
const NO_FOLDER_SYNC = new Set(['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP', 'EBADF']);

/** Flushes a folder's entries (names made, moved or removed in it) to the disk. */
export function syncFolder(path: string): void {
  let fd;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch (e) {
    if (!NO_FOLDER_SYNC.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
