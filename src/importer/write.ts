/**
 * All of a year's files or none, also when the write is interrupted or the computer stops.
 *
 * Everything is first written into the year's scratch folder at the top of the content folder
 * (journal.ts: same file system, so moves are renames). Then, step by step, the folders that
 * are missing are made, the old report, sections folder and attachments folder (with force)
 * are moved into the scratch folder, and the new ones moved into place, the report last.
 * Every step is recorded in the journal before the next one starts; right after the last
 * move the journal is marked committed, in the same event-loop turn, so no interruption falls
 * between them. A failing step, or an interruption (`signal`), puts back every step done and
 * leaves the content folder as it was; a crash is repaired the same way by the next command
 * (journal.ts). The caller holds the year's lock (lock.ts) for the whole write.
 *
 * Every new file is flushed to the disk (fsync), and so are the folders holding them, before the
 * moves that commit them; each move's folders are flushed before the move is recorded
 * (durable.ts). A power cut then finds the new files whole wherever the journal says they are.
 *
 * The steps are asynchronous: Node runs a signal handler only between event-loop turns, so
 * the write yields after every step and looks at `signal` before the next one.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { attachmentsDir, reportFile, reportsRoot, sectionsDir, sectionsRoot } from '../domain/layout.ts';
import { ImportError, InterruptedError } from './errors.ts';
import { applyStep, commit, discard, inScratch, recordDone, rollBack, startJournal, type Journal, type Step } from './journal.ts';
import { renderYear, type ReportToWrite, type SectionToWrite } from './mdx.ts';
import { syncFolder, writeFileDurably } from './durable.ts';

export interface Planned {
  year: number;
  reportFile: string;
  reportText: string;
  sectionsDir: string;
  sections: { name: string; text: string }[];
  /** attachments/YYYY/ in the content folder. */
  attachmentsDir: string;
  /**
   * The original file(s) the report is published from (附件), written to attachmentsDir and
   * replacing what was there; when left out, the year's attachments are not touched.
   * (Re-importing a published year lists the published ones here too: republish.ts.)
   */
  attachments?: { name: string; data: Uint8Array }[];
}

/** Where a year's texts go in a content folder (src/domain/layout.ts). */
export function plan(contentDir: string, year: number, reportText: string, sections: Planned['sections']): Planned {
  return {
    year,
    reportFile: reportFile(year, contentDir),
    reportText,
    sectionsDir: sectionsDir(year, contentDir),
    sections,
    attachmentsDir: attachmentsDir(year, contentDir),
  };
}

/** A year's entries rendered (src/importer/mdx.ts) and placed in a content folder. */
export function planYear(contentDir: string, report: ReportToWrite & { sections: readonly SectionToWrite[] }): Planned {
  const { reportText, sections } = renderYear(report);
  return plan(contentDir, report.year, reportText, sections);
}

/** The year's report file and sections folder, where they exist already. */
export function existing(p: Planned): string[] {
  return [p.reportFile, p.sectionsDir].filter((f) => existsSync(f));
}

export interface Ops {
  rename(from: string, to: string): void;
}

export interface WriteOptions {
  force: boolean;
  /** How a path is shown in messages. */
  show?: (path: string) => string;
  ops?: Ops;
  /** Aborted on Ctrl+C or SIGTERM: the write puts back what it did and throws InterruptedError. */
  signal?: AbortSignal;
}

/** Yields to the event loop, so that a signal handler can run. */
const yieldTurn = () => new Promise<void>((done) => setImmediate(done));

/** A path relative to the content folder, with '/'. */
const rel = (contentDir: string, path: string) => relative(contentDir, path).split('\\').join('/');

/** Where the new and old files stay in the scratch folder while the moves run. */
function scratchPaths(year: number) {
  return {
    newReport: inScratch(year, 'new', 'report.mdx'),
    newSections: inScratch(year, 'new', 'sections'),
    newAttachments: inScratch(year, 'new', 'attachments'),
    oldReport: inScratch(year, 'old', 'report.mdx'),
    oldSections: inScratch(year, 'old', 'sections'),
    oldAttachments: inScratch(year, 'old', 'attachments'),
  };
}

/** The steps of a write, in order: missing folders, old files out, new files in, the report last. */
export function planSteps(p: Planned, contentDir: string): Step[] {
  const s = scratchPaths(p.year);
  const at = (path: string) => rel(contentDir, path);
  const folders = [reportsRoot(contentDir), sectionsRoot(contentDir), ...(p.attachments ? [dirname(p.attachmentsDir)] : [])];
  const steps: Step[] = folders.filter((f) => !existsSync(f)).map((f) => ({ op: 'mkdir', path: at(f) }));
  const moveOut = (from: string, to: string) => existsSync(from) && steps.push({ op: 'move', from: at(from), to });
  moveOut(p.sectionsDir, s.oldSections);
  moveOut(p.reportFile, s.oldReport);
  if (p.attachments) moveOut(p.attachmentsDir, s.oldAttachments);
  steps.push({ op: 'move', from: s.newSections, to: at(p.sectionsDir) });
  if (p.attachments) steps.push({ op: 'move', from: s.newAttachments, to: at(p.attachmentsDir) });
  steps.push({ op: 'move', from: s.newReport, to: at(p.reportFile) });
  return steps;
}

/**
 * The new files, written into the scratch folder one step at a time, each flushed to the disk;
 * last, the folders holding them are flushed too.
 */
function scratchWrites(p: Planned, contentDir: string): (() => void)[] {
  const s = scratchPaths(p.year);
  const at = (path: string) => join(contentDir, path);
  const writes: (() => void)[] = [() => mkdirSync(at(s.newSections), { recursive: true }), () => mkdirSync(dirname(at(s.oldReport)))];
  for (const sec of p.sections) writes.push(() => writeFileDurably(join(at(s.newSections), sec.name), sec.text));
  if (p.attachments) {
    writes.push(() => mkdirSync(at(s.newAttachments)));
    for (const a of p.attachments) writes.push(() => writeFileDurably(join(at(s.newAttachments), a.name), a.data));
  }
  writes.push(() => writeFileDurably(at(s.newReport), p.reportText));
  const folders = [s.newSections, ...(p.attachments ? [s.newAttachments] : []), dirname(s.newReport), dirname(dirname(s.newReport))];
  writes.push(() => folders.forEach((f) => syncFolder(at(f))));
  return writes;
}

/** Refuses an existing year without force; the message names its files. */
function refuseExisting(p: Planned, force: boolean, show: (path: string) => string): void {
  const old = existing(p);
  if (old.length && !force) {
    throw new ImportError(
      `${p.year} 年的报告已经存在（${old.map(show).join('、')}），没有写入任何文件。要用这份原文整体替换它，请加 --force；如果这是另一年的报告，请用 --year 指定年度。`,
    );
  }
}

/** Writes a planned year all or nothing; an existing year only with force, replaced as a whole. */
export async function writeYear(p: Planned, contentDir: string, options: WriteOptions): Promise<void> {
  const { force, show = (f) => f, ops = { rename: renameSync }, signal } = options;
  refuseExisting(p, force, show);
  const pause = async () => {
    await yieldTurn();
    if (signal?.aborted) throw new InterruptedError();
  };
  await pause();
  const steps = planSteps(p, contentDir);
  const journal = startJournal(contentDir, p.year, steps, show);
  try {
    for (const write of scratchWrites(p, contentDir)) {
      await pause();
      write();
    }
    for (const [i, step] of steps.entries()) {
      await pause();
      applyStep(contentDir, step, ops.rename);
      // The last move and the commit happen in one turn: no interruption between them.
      if (i === steps.length - 1) commit(journal);
      else recordDone(journal, i + 1);
    }
  } catch (error) {
    putBack(journal, error, show);
    throw error;
  }
  try {
    discard(journal.dir);
  } catch {
    // The year is written and committed; the next command deletes the scratch folder (journal.ts).
  }
}

/** Undoes a failed or interrupted write and deletes its scratch folder; keeps it if undoing fails. */
function putBack(journal: Journal, error: unknown, show: (path: string) => string): void {
  try {
    rollBack(journal);
  } catch {
    // The old files may still be in the scratch folder: never delete it then.
    throw new ImportError(
      `写入失败，也没能恢复原有文件。原有文件保存在 ${show(journal.dir)} 的 old 文件夹中，请不要删除它：再运行一次这条命令会先尝试自动恢复。（${String(error)}）`,
    );
  }
  discard(journal.dir);
}
