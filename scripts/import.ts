/**
 * npm run import -- <file> [--year YYYY] [--dry-run] [--force] [--correction "说明"]
 *
 * Turns a report as staff have it (.docx, .doc/.wps or .txt) into its report entry, section
 * entries and 附件 (the file itself) under CONTENT_DIR (default src/content). Prints what it
 * found first; a problem with the input is one Chinese message and exit code 1, with nothing
 * written.
 *
 * The write is all or nothing (src/importer/write.ts), under the year's lock (lock.ts): a
 * second import or `new` of the same year waits for nobody and refuses at once. Ctrl+C leaves
 * the content folder as before (or, after the last move, as after), prints one line and exits
 * with 130 (interrupt.ts); what a killed import left is repaired when the next one starts
 * (journal.ts). --force over a published year keeps what the file cannot hold and needs
 * --correction when the published text changes (republish.ts).
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { ImportError, InterruptedError } from '../src/importer/errors.ts';
import { contentDirOf, parseReportYear, shownPath } from '../src/domain/layout.ts';
import { prepare, type Prepared } from '../src/importer/index.ts';
import { summary } from '../src/importer/summary.ts';
import { existing, writeYear } from '../src/importer/write.ts';
import { argsError } from './lib/args.ts';
import { acquireYearLock, tookOverMessage } from '../src/importer/lock.ts';
import { repairInterrupted } from '../src/importer/journal.ts';
import { catchInterruptions, stopInterrupted, type Interruptions } from '../src/importer/interrupt.ts';
import { readPublishedYear, republish, todayInChina, type Republished } from '../src/importer/republish.ts';

const ROOT = resolve(import.meta.dirname, '..');
const COMMAND = 'npm run import';
const USAGE = '用法：npm run import -- <报告文件：.docx、.doc、.wps 或 .txt> [--year 年度] [--dry-run] [--force] [--correction "更正说明"]';
const OPTIONS = {
  year: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  correction: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;
const EXAMPLES = { year: '--year 2025', correction: '--correction "更正第二部分中的培训人数"' };

/** Paths inside the project are shown relative to it, as staff see them in the editor. */
const show = (path: string) => shownPath(ROOT, path);

/** The command line, checked; every mistake is a Chinese message with the usage. */
function readArguments(argv: string[]) {
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (e) {
    throw argsError(e, argv, { options: OPTIONS, examples: EXAMPLES, usage: USAGE });
  }
  const { values, positionals } = args;
  if (values.help) return { help: true as const };
  if (positionals.length !== 1) throw new ImportError(`请给出一个报告文件。\n${USAGE}`);
  const year = values.year === undefined ? undefined : parseReportYear(values.year);
  if (values.year !== undefined && year === undefined) {
    throw new ImportError(`--year 应为四位阿拉伯数字年份，例如 --year 2024；收到“${values.year}”。`);
  }
  const correction = values.correction?.trim();
  if (values.correction !== undefined && !correction) throw new ImportError(`--correction 后面要写改了什么，例如 ${EXAMPLES.correction}。\n${USAGE}`);
  if (correction && !values.force) {
    throw new ImportError(`--correction 用于重新导入已经发布的报告，要和 --force 一起用，例如：npm run import -- 报告.docx --force ${EXAMPLES.correction}\n${USAGE}`);
  }
  return { help: false as const, file: positionals[0]!, year, dryRun: values['dry-run'], force: values.force, correction };
}

type Arguments = Exclude<ReturnType<typeof readArguments>, { help: true }>;

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

async function main(interrupts: Interruptions): Promise<void> {
  const args = readArguments(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  // npm runs scripts in the project folder; INIT_CWD is where the command was typed.
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), args.file);
  const contentDir = resolve(ROOT, contentDirOf(process.env));
  for (const message of repairInterrupted(contentDir, { command: COMMAND, show })) console.log(message);

  const prepared = await prepare(file, args.file, contentDir, args.year);
  console.log(summary(prepared, args.file, show).join('\n'));
  if (args.dryRun) dryRun(prepared, contentDir, args);
  else await importYear(prepared, contentDir, args, interrupts);
}

const interrupts = catchInterruptions();
try {
  await main(interrupts);
} catch (e) {
  if (e instanceof InterruptedError) stopInterrupted(e);
  if (e instanceof ImportError) {
    console.error(e.message);
  } else {
    // Not a problem with the input: still one readable line; DEBUG=1 shows where it happened.
    console.error(`导入失败（程序出错）：${(e as Error)?.message ?? String(e)}`);
    if (process.env.DEBUG) console.error(e);
  }
  process.exitCode = 1;
}
