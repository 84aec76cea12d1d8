/**
 * Locks shared by the site project's test files, which run two at a time (vitest.config.ts),
 * each file in one of two worker processes.
 *
 * - `astro`: every `astro build` and `astro dev` writes the project's .astro folder, whatever
 *   cache folder it is given (Astro keeps there the list of content modules a build then reads
 *   back), so no two of them run at once.
 * - a fixture's name: a fixture is made once per run (fixtures.ts); a second file asking for it
 *   waits for the first to finish instead of making it too.
 *
 * A lock is a folder made in the run's folder: making a folder either succeeds or fails, so it
 * has one holder. It holds the holder's process id; a lock whose holder has died is taken over.
 * A process that holds a lock may take it again (a file whose dev server is running may still
 * build). Outside a vitest run (a benchmark) nothing runs beside the caller and no lock is taken.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

/** How long a file waits for another's lock before it says so and fails (a run that hangs helps nobody). */
const WAIT_LIMIT_MS = 15 * 60_000;
const POLL_MS = 50;

/** The run's folder (global-setup.ts); none outside a vitest run of the site project. */
export function runFolderOrNone(): string | undefined {
  try {
    return inject('buildCache');
  } catch {
    return undefined;
  }
}

const held = new Map<string, number>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock if free (or its holder is gone); true when this process now holds it. */
function tryTake(dir: string): boolean {
  try {
    mkdirSync(dir);
    writeFileSync(join(dir, 'pid'), String(process.pid));
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  let pid: number;
  try {
    pid = Number(readFileSync(join(dir, 'pid'), 'utf8'));
  } catch {
    return false; // Being made or being let go right now: the next try decides.
  }
  if (pid && !alive(pid)) rmSync(dir, { recursive: true, force: true });
  return false;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Takes the lock `name`, waiting for its holder (on a synchronous caller's thread: a build is
 * spawned synchronously anyway); returns the function that lets it go.
 */
export function takeLock(name: string): () => void {
  const folder = runFolderOrNone();
  if (!folder) return () => {};
  const dir = join(folder, `lock-${name}`);
  const count = held.get(dir) ?? 0;
  if (count === 0) {
    const since = Date.now();
    while (!tryTake(dir)) {
      if (Date.now() - since > WAIT_LIMIT_MS) throw new Error(`waited ${WAIT_LIMIT_MS / 60_000} min for the test lock ${dir}; its holder is stuck`);
      Atomics.wait(pause, 0, 0, POLL_MS);
    }
  }
  held.set(dir, count + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = held.get(dir)! - 1;
    held.set(dir, left);
    if (left === 0) rmSync(dir, { recursive: true, force: true });
  };
}

/** Runs `fn` holding the lock `name`. */
export function withLock<T>(name: string, fn: () => T): T {
  const release = takeLock(name);
  try {
    return fn();
  } finally {
    release();
  }
}

/** The same for an asynchronous `fn`. */
export async function withLockAsync<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const release = takeLock(name);
  try {
    return await fn();
  } finally {
    release();
  }
}
