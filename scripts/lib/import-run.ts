/**
 * The work of `npm run import` once its command line is read (scripts/import.ts): the file
 * read and planned, shown, and written under the year's lock, or only shown with --dry-run.
 * Loaded only for a command line that holds, so a mistake in it is answered without loading
 * the importer (the Word readers, the MDX writer, the schemas).
 */
import { resolve } from 'node:path';
import { InterruptedError } from '../../src/importer/errors.ts';
import { prepare, type Prepared } from '../../src/importer/index.ts';
import { summary } from '../../src/importer/summary.ts';
import { existing, writeYear } from '../../src/importer/write.ts';
import { acquireYearLock, tookOverMessage } from '../../src/importer/lock.ts';
import { repairInterrupted } from '../../src/importer/journal.ts';
import type { Interruptions } from '../../src/importer/interrupt.ts';
import { readPublishedYear, republish, todayInChina, type Republished } from '../../src/importer/republish.ts';
import { contentDir as contentFolder, ROOT, show } from './content.ts';
import { loadSiteConfig } from './site.ts';

const COMMAND = 'npm run import';

/** The command line, read and checked (scripts/import.ts). */
export interface Arguments {
  file: string;
  year?: number;
  dryRun: boolean;
  force: boolean;
  correction?: string;
}

/** Prints what re-importing a year keeps, drops and needs. */
function printRepublished(r: Republished): void {
  console.log(r.kept.filter(Boolean).join('\n'));
  if (r.warnings.length) console.log(['请注意（重新导入已有的报告）：', ...r.warnings.map((w) => `  - ${w}`)].join('\n'));
}

/**
 * Carries over what the file cannot hold when a year that is not a draft is re-imported
 * (--force, or shown by a dry run); a --correction without such a year is left unused, saying so.
 */
function carryPublished(prepared: Prepared, contentDir: string, args: Arguments): Prepared {
  const year = prepared.report.year;
  const published = args.force || args.dryRun ? readPublishedYear(contentDir, year, ROOT) : undefined;
  if (!published) {
    if (args.correction) console.log(`请注意：${year} 年的报告还没有发布（不存在，或是 draft: true 的草稿），不需要更正说明：--correction 未使用。`);
    return prepared;
  }
  const r = republish(prepared.report, prepared.planned, published, {
    contentDir,
    correction: args.correction,
    today: todayInChina(),
    dryRun: args.dryRun,
    root: ROOT,
  });
  printRepublished(r);
  if (r.needsCorrection) console.log(`正式导入时：${r.needsCorrection}`);
  return { ...prepared, planned: r.planned };
}

/** The dry run: what would happen, nothing written. */
function dryRun(prepared: Prepared, contentDir: string, args: Arguments): void {
  const already = existing(prepared.planned);
  if (already.length) {
    console.log(`${prepared.report.year} 年的报告已经存在（${already.map(show).join('、')}）：正式导入时要加 --force 才会整体替换。`);
  }
  carryPublished(prepared, contentDir, args);
  console.log('这是试运行（--dry-run），没有写入任何文件。');
}

/** The real import, under the year's lock. */
async function importYear(prepared: Prepared, contentDir: string, args: Arguments, interrupts: Interruptions): Promise<void> {
  const lock = acquireYearLock(contentDir, prepared.report.year, { command: COMMAND, show });
  try {
    const note = tookOverMessage(lock, show);
    if (note) console.log(note);
    const already = existing(prepared.planned);
    const toWrite = carryPublished(prepared, contentDir, args);
    interrupts.enter('writing');
    await writeYear(toWrite.planned, contentDir, { force: args.force, show, signal: interrupts.signal });
    interrupts.enter('after');
    if (interrupts.signal.aborted) throw new InterruptedError(true);
    console.log(
      `${already.length ? '已整体替换' : '已写入'} ${toWrite.planned.sections.length + 1} 个文件。请核对各部分文件中推测的 items，然后运行 npm run dev 查看。`,
    );
  } finally {
    lock.release();
  }
}

/** Imports the file the arguments name into the content folder (CONTENT_DIR), or shows what it would do. */
export async function runImport(args: Arguments, interrupts: Interruptions): Promise<void> {
  // npm runs scripts in the project folder; INIT_CWD is where the command was typed.
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), args.file);
  const contentDir = contentFolder();
  for (const message of repairInterrupted(contentDir, { command: COMMAND, show })) console.log(message);

  // The site's bureau stands in for an original that names no agency (the summary says so).
  const { site } = await loadSiteConfig();
  const prepared = await prepare(file, args.file, contentDir, args.year, site.bureau);
  console.log(summary(prepared, args.file, show).join('\n'));
  if (args.dryRun) dryRun(prepared, contentDir, args);
  else await importYear(prepared, contentDir, args, interrupts);
}
