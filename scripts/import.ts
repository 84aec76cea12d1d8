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
import { ImportError, InterruptedError } from '../src/importer/errors.ts';
import { parseReportYear } from '../src/domain/layout.ts';
import { argsError } from './lib/args.ts';
import { catchInterruptions, stopInterrupted, type Interruptions } from '../src/importer/interrupt.ts';
import type { Arguments } from './lib/import-run.ts';

const USAGE = '用法：npm run import -- <报告文件：.docx、.doc、.wps 或 .txt> [--year 年度] [--dry-run] [--force] [--correction "更正说明"]';
const OPTIONS = {
  year: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  correction: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;
const EXAMPLES = { year: '--year 2025', correction: '--correction "更正第二部分中的培训人数"' };

/** The command line, checked; every mistake is a Chinese message with the usage. */
function readArguments(argv: string[]): Arguments | { help: true } {
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
  return { file: positionals[0]!, year, dryRun: values['dry-run'], force: values.force, correction };
}

async function main(interrupts: Interruptions): Promise<void> {
  const args = readArguments(process.argv.slice(2));
  if ('help' in args) {
    console.log(USAGE);
    return;
  }
  // The importer is loaded once the command line holds (scripts/lib/import-run.ts).
  const { runImport } = await import('./lib/import-run.ts');
  await runImport(args, interrupts);
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
