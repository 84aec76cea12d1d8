/**
 * One writer per year and content folder: `npm run import` and `npm run new` hold the year's
 * lock, a file at the top of the content folder (.import-2030.lock), from before they look
 * at the year's files until they have written them. The lock is created with an exclusive
 * create (open 'wx'), which the file system grants to one process only; it records who holds
 * it (process id, host, start time, command), so a second command can say whom it waits for.
 *
 * A lock whose process no longer runs (it was killed, or the computer restarted) is taken
 * over: renamed aside, checked to be the one judged stale, deleted, and created anew. A lock
 * from another host cannot be checked and counts as held. Locks this process holds are
 * released when it exits, however it exits short of being killed.
 */
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ImportError } from './errors.ts';

/** What a lock file says about its holder. */
export interface LockInfo {
  pid: number;
  host: string;
  /** ISO time the holder took the lock. */
  startedAt: string;
  /** The command that holds it, e.g. 'npm run import'. */
  command: string;
}

export interface YearLock {
  year: number;
  file: string;
  /** The holder of the stale lock this one replaced, if any. */
  tookOver?: LockInfo;
  /** Deletes the lock (only if it is still this process's). */
  release(): void;
}

/** A lock file still being written by its creator is given this long before it counts as stale. */
const UNREADABLE_GRACE_MS = 10_000;

/** .import-2030.lock at the top of the content folder. */
export const lockFileName = (year: number) => `.import-${year}.lock`;
export const lockFile = (contentDir: string, year: number) => join(contentDir, lockFileName(year));

/** Lock files this process holds, with their exact text, released at exit. */
const held = new Map<string, string>();
let releaseAtExit = false;

/** A time as staff in China read it: 2025-03-01 10:20:30. */
export function shanghaiTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '时间不明';
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'medium' }).format(date);
}

/** Whether a process id is running on this host (a process of another user counts). */
export function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The holder of a lock file as read from its text; undefined when the text is not a lock. */
function parseLock(text: string): LockInfo | undefined {
  try {
    const v = JSON.parse(text) as Partial<LockInfo>;
    if (typeof v.pid === 'number' && typeof v.host === 'string' && typeof v.startedAt === 'string') {
      return { pid: v.pid, host: v.host, startedAt: v.startedAt, command: typeof v.command === 'string' ? v.command : '导入' };
    }
  } catch {
    // not JSON: a lock being written, or not a lock at all
  }
  return undefined;
}

/** Whether a lock's holder may still be running. */
function holderAlive(file: string, text: string, info: LockInfo | undefined): boolean {
  if (!info) {
    // Created but not yet written, or garbage: young ones are given time.
    const age = Date.now() - (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    return age < UNREADABLE_GRACE_MS;
  }
  if (info.host !== hostname()) return true;
  if (info.pid === process.pid) return held.get(file) === text;
  return isRunning(info.pid);
}

/** Creates the lock file exclusively; false when it exists. */
function tryCreate(file: string, text: string): boolean {
  let fd;
  try {
    fd = openSync(file, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Removes a stale lock, unless another process replaced it meanwhile: it is renamed aside
 * (one process wins the rename), and deleted only if it is the text judged stale.
 */
function removeStale(file: string, staleText: string): void {
  const aside = `${file}.stale-${process.pid}-${Date.now()}`;
  try {
    renameSync(file, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  if (readFileSync(aside, 'utf8') !== staleText) {
    // A live lock taken in between: put it back unless yet another one exists.
    try {
      linkSync(aside, file);
    } catch {
      // the next acquisition reads whichever lock is there
    }
  }
  unlinkSync(aside);
}

/** The message for a year locked by another process. */
function heldMessage(year: number, info: LockInfo | undefined, shownFile: string): string {
  const who = info
    ? `进程 ${info.pid}${info.host === hostname() ? '' : `（电脑 ${info.host}）`}，${shanghaiTime(info.startedAt)} 开始的 ${info.command}`
    : '一个刚刚开始的导入';
  return (
    `另一个导入正在写入 ${year} 年的报告（${who}），这次没有改动任何文件。` +
    `请等它结束后再运行；如果确认它已经不在运行（例如那个窗口已经关闭），删除 ${shownFile} 后重试。`
  );
}

function readLockText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

export interface LockOptions {
  /** The command taking the lock, shown to a second one. */
  command: string;
  /** How a path is shown in messages. */
  show?: (path: string) => string;
}

/**
 * Takes a year's lock in a content folder at once, or throws an ImportError naming the
 * process that holds it. A stale lock is taken over (`tookOver` says whose it was).
 */
export function acquireYearLock(contentDir: string, year: number, { command, show = (f) => f }: LockOptions): YearLock {
  mkdirSync(contentDir, { recursive: true });
  const file = lockFile(contentDir, year);
  const text = `${JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), command } satisfies LockInfo)}\n`;
  let tookOver: LockInfo | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreate(file, text)) return holding(year, file, text, tookOver);
    const existing = readLockText(file);
    if (existing === undefined) continue; // released meanwhile
    const info = parseLock(existing);
    if (holderAlive(file, existing, info)) throw new ImportError(heldMessage(year, info, show(file)));
    removeStale(file, existing);
    tookOver = info ?? { pid: 0, host: hostname(), startedAt: '', command: '导入' };
  }
  const now = readLockText(file) ?? '';
  throw new ImportError(heldMessage(year, parseLock(now), show(file)));
}

/** Records a lock as held and returns its handle. */
function holding(year: number, file: string, text: string, tookOver: LockInfo | undefined): YearLock {
  held.set(file, text);
  if (!releaseAtExit) {
    releaseAtExit = true;
    process.on('exit', releaseHeldLocks);
  }
  return { year, file, tookOver, release: () => release(file) };
}

function release(file: string): void {
  const text = held.get(file);
  if (text === undefined) return;
  held.delete(file);
  if (readLockText(file) === text) unlinkSync(file);
}

/** Releases every lock this process holds (on exit, or when a command stops early). */
export function releaseHeldLocks(): void {
  for (const file of [...held.keys()]) {
    try {
      release(file);
    } catch {
      // exiting anyway; a lock left behind is taken over next time
    }
  }
}

/** The message a command prints when it took over a stale lock; `outcome` says what became of it. */
export function tookOverMessage(lock: YearLock, show: (path: string) => string = (f) => f, outcome = '这把锁已被接管'): string | undefined {
  const t = lock.tookOver;
  if (!t) return undefined;
  const who = t.pid ? `进程 ${t.pid}（${shanghaiTime(t.startedAt)} 开始的 ${t.command}）` : '一个没有写完的导入';
  return `${lock.year} 年的锁 ${show(lock.file)} 是${who}留下的，它已经不在运行，${outcome}。`;
}
