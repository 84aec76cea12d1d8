/**
 * Writing a file so that it is either the old file or the new one, whatever happens: the
 * text goes to a temporary file beside it, which is flushed to the disk (fsync) before it is
 * renamed over the file, and the folder is flushed after, so that a power cut cannot leave the
 * name pointing at a file whose bytes never reached the disk.
 */
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Flushes a file or folder to the disk (a folder: where the system allows opening one). */
export function fsyncPath(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder to flush it; its renames are journalled by NTFS.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  // Hidden, so that one left by a killed process is never taken for content.
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  fsyncPath(dirname(path));
}
