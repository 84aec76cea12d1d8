/**
 * The scratch folder and journal of a year's write, and the repair of a write that did not
 * finish. At the top of the content folder (dot names, so no collection's glob reaches them;
 * .gitignore lists them; on the entries' file system, so every move is a rename):
 *
 *   .import-2030.lock       the year's lock (lock.ts)
 *   .import-2030/           scratch: new/ (files to move in), old/ (what they replace), journal.json
 *   .import-2030.trash-…    a finished scratch folder on its way out
 *
 * journal.json lists the planned steps (make a folder, move a file or folder), how many are
 * done, and `committed` once the last move is done. It is rewritten atomically (temporary
 * file, fsync, rename) after every step. A step's effect can also be read off the file
 * system (a move is done when its target exists and its source does not; a folder made is
 * undone when it is empty), so the journal is right even when a crash falls between a step
 * and its record. Undoing is therefore safe to repeat.
 *
 * Repair, at the start of every import and `new`: a scratch folder whose lock is free or
 * stale is rolled back (not committed) or simply deleted (committed, or no journal yet:
 * the journal is written before the first move). A finished scratch folder is renamed to a
 * trash name before it is deleted, so a half-deleted one is never read as a journal.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { syncFolder, writeFileDurably } from './durable.ts';
import { ImportError } from './errors.ts';
import { acquireYearLock, isRunning, tookOverMessage } from './lock.ts';

/** A step of a write; paths are relative to the content folder, with '/'. */
export type Step = { op: 'mkdir'; path: string } | { op: 'move'; from: string; to: string };

export interface JournalData {
  version: 1;
  year: number;
  pid: number;
  steps: Step[];
  /** Steps done, in order. */
  done: number;
  /** Set right after the last move: the year is written. */
  committed: boolean;
}

export interface Journal {
  contentDir: string;
  /** The scratch folder (absolute). */
  dir: string;
  data: JournalData;
}

const JOURNAL = 'journal.json';

/** .import-2030: the year's scratch folder name. */
export const scratchName = (year: number) => `.import-${year}`;
export const scratchDir = (contentDir: string, year: number) => join(contentDir, scratchName(year));
/** A path inside the scratch folder, relative to the content folder: .import-2030/new/report.mdx */
export const inScratch = (year: number, ...parts: string[]) => [scratchName(year), ...parts].join('/');

/** Whether anything is at a path (a dangling link counts). */
const present = (path: string) => lstatSync(path, { throwIfNoEntry: false }) !== undefined;

/** Writes a file so that a reader sees the old text or the new one, even after a power cut. */
function writeDurably(file: string, text: string): void {
  const tmp = `${file}.tmp`;
  writeFileDurably(tmp, text);
  renameSync(tmp, file);
  syncFolder(dirname(file));
}

function save(j: Journal): void {
  writeDurably(join(j.dir, JOURNAL), `${JSON.stringify(j.data, null, 1)}\n`);
}

/**
 * Creates the year's scratch folder with its journal of planned steps. The folder must not
 * exist: a second writer (which the lock should have stopped) or an unrepaired one fails here.
 */
export function startJournal(contentDir: string, year: number, steps: Step[], show: (path: string) => string = (f) => f): Journal {
  const dir = scratchDir(contentDir, year);
  try {
    mkdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    throw new ImportError(
      `${show(dir)} 已经存在：另一个导入可能正在写入 ${year} 年，或上次导入中断了。没有改动任何文件。请再运行一次这条命令（开始时会先修复上次中断留下的改动）。`,
    );
  }
  const j: Journal = { contentDir, dir, data: { version: 1, year, pid: process.pid, steps, done: 0, committed: false } };
  save(j);
  return j;
}

/** Records that the first `done` steps are done. */
export function recordDone(j: Journal, done: number): void {
  j.data.done = done;
  save(j);
}

/** Records that the last move is done: from here on the write stands. */
export function commit(j: Journal): void {
  j.data.done = j.data.steps.length;
  j.data.committed = true;
  save(j);
}

/**
 * Applies one step and flushes the folders it changed, so the step is on the disk before it is
 * recorded; `rename` is the move (tests replace it to fail on purpose).
 */
export function applyStep(contentDir: string, s: Step, rename: (from: string, to: string) => void = renameSync): void {
  if (s.op === 'mkdir') {
    mkdirSync(join(contentDir, s.path));
    syncFolder(dirname(join(contentDir, s.path)));
    return;
  }
  rename(join(contentDir, s.from), join(contentDir, s.to));
  for (const folder of new Set([dirname(join(contentDir, s.from)), dirname(join(contentDir, s.to))])) syncFolder(folder);
}

/** Undoes one step if the file system shows it done; does nothing otherwise. */
function undoStep(contentDir: string, s: Step): boolean {
  if (s.op === 'mkdir') {
    const dir = join(contentDir, s.path);
    if (!present(dir) || readdirSync(dir).length) return false;
    rmdirSync(dir);
    return true;
  }
  const [from, to] = [join(contentDir, s.from), join(contentDir, s.to)];
  if (!present(to) || present(from)) return false;
  renameSync(to, from);
  return true;
}

/**
 * Undoes the steps done (and the one that may have been done when a crash came), newest
 * first, recording progress; returns how many were undone.
 */
export function rollBack(j: Journal): number {
  let undone = 0;
  for (let i = Math.min(j.data.done, j.data.steps.length - 1); i >= 0; i--) {
    if (undoStep(j.contentDir, j.data.steps[i]!)) undone++;
    j.data.done = i;
    save(j);
  }
  return undone;
}

/** Deletes the scratch folder: renamed to a trash name first, then removed. */
export function discard(dir: string): void {
  if (!present(dir)) return;
  const trash = `${dir}.trash-${process.pid}-${Date.now()}`;
  renameSync(dir, trash);
  rmSync(trash, { recursive: true, force: true });
}

/** The journal in a scratch folder, or undefined when it has none (nothing was moved yet). */
export function readJournal(contentDir: string, dir: string, show: (path: string) => string = (f) => f): Journal | undefined {
  const file = join(dir, JOURNAL);
  if (!existsSync(file)) return undefined;
  let data: JournalData;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as JournalData;
  } catch {
    throw new ImportError(`${show(file)} 无法读取：上次导入留下的记录已损坏。请不要删除这个文件夹，把这条信息发给负责网站的技术人员。`);
  }
  return { contentDir, dir, data };
}

/** Top-level names the importer uses: a year's scratch folder, its lock, and leftovers. */
const SCRATCH = /^\.import-(\d{4})$/;
const LOCK = /^\.import-(\d{4})\.lock$/;
const LEFTOVER = /^\.import-\d{4}(?:\.lock\.stale|\.trash)-(\d+)-\d+$/;
const LEGACY = /^\.import-\d{4}-/;

/**
 * Repairs what interrupted writes left in a content folder, for every year whose lock is
 * free or stale (a year another process is writing is left alone), and says what it did.
 */
export function repairInterrupted(contentDir: string, { command, show = (f) => f }: { command: string; show?: (path: string) => string }): string[] {
  if (!existsSync(contentDir)) return [];
  const names = readdirSync(contentDir);
  const messages: string[] = [];
  const years = new Set<number>();
  for (const name of names) {
    const year = SCRATCH.exec(name)?.[1] ?? LOCK.exec(name)?.[1];
    if (year) years.add(Number(year));
    const leftover = LEFTOVER.exec(name);
    if (leftover && !isRunning(Number(leftover[1]))) rmSync(join(contentDir, name), { recursive: true, force: true });
    if (!leftover && LEGACY.test(name)) messages.push(legacyMessage(show(join(contentDir, name))));
  }
  for (const year of [...years].sort()) messages.push(...repairYear(contentDir, year, command, show));
  return messages;
}

/** A scratch folder left by an earlier version of the importer, which kept no journal. */
function legacyMessage(shown: string): string {
  return (
    `发现以前的导入中断后留下的文件夹 ${shown}：里面可能有被替换前的原文件（old-report.mdx、old-sections 等）。` +
    '请核对这一年的报告和各部分文件是否完整，需要时从这个文件夹中取回，然后删除它。'
  );
}

/** Repairs one year under its lock; nothing when another process holds the lock. */
function repairYear(contentDir: string, year: number, command: string, show: (path: string) => string): string[] {
  let lock;
  try {
    lock = acquireYearLock(contentDir, year, { command, show });
  } catch (e) {
    if (e instanceof ImportError) return []; // being written right now: not ours to repair
    throw e;
  }
  try {
    const messages: string[] = [];
    const dir = scratchDir(contentDir, year);
    if (present(dir)) messages.push(repairScratch(contentDir, year, dir, show));
    else if (lock.tookOver) messages.push(tookOverMessage(lock, show, '已清除这把锁')!);
    return messages;
  } finally {
    lock.release();
  }
}

function repairScratch(contentDir: string, year: number, dir: string, show: (path: string) => string): string {
  const j = readJournal(contentDir, dir, show);
  const shown = show(dir);
  if (!j) {
    discard(dir);
    return `上次写入 ${year} 年时中断，还没有改动任何内容文件：已删除它留下的临时文件夹 ${shown}。`;
  }
  if (j.data.committed) {
    discard(dir);
    return `上次写入 ${year} 年时在最后一步之后中断：那次导入已经完整写入，已删除它留下的临时文件夹 ${shown}。`;
  }
  let undone;
  try {
    undone = rollBack(j);
  } catch (e) {
    throw new ImportError(
      `上次写入 ${year} 年时中断，自动撤回没有成功（${(e as Error).message}）。原有文件保存在 ${shown} 的 old 文件夹中：请不要删除它，把这条信息发给负责网站的技术人员。`,
    );
  }
  discard(dir);
  return undone
    ? `上次写入 ${year} 年时中断：已撤回它做了一半的 ${undone} 步改动，${year} 年的文件恢复到那次写入之前的样子。`
    : `上次写入 ${year} 年时中断，还没有改动任何内容文件：已删除它留下的临时文件夹 ${shown}。`;
}
