/**
 * npm run new -- <year>: scaffolds a year's report as a draft, one section per required
 * item, frontmatter filled and text marked 待填写. A draft shows in `npm run dev` only.
 * The entries are rendered and written as the importer writes them (src/importer/mdx.ts,
 * src/importer/write.ts): all of them or none, under the year's lock (src/importer/lock.ts),
 * after repairing what an interrupted import or `new` left (journal.ts). Ctrl+C leaves the
 * content folder as it was, prints one line and exits with 130 (interrupt.ts).
 */
import { parseArgs } from 'node:util';
import { parseReportYear } from '../src/domain/layout.ts';
import { ImportError, InterruptedError } from '../src/importer/errors.ts';
import { argsError } from './lib/args.ts';
import { catchInterruptions, stopInterrupted } from '../src/importer/interrupt.ts';

const USAGE = '用法：npm run new -- <年度>，例如 npm run new -- 2025（四位阿拉伯数字）';
const OPTIONS = { help: { type: 'boolean', short: 'h', default: false } } as const;

/** Prints one Chinese line and stops with exit code 1. */
function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** The year on the command line; any other argument is a Chinese message with the usage. */
function yearArgument(argv: string[]): number | undefined {
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (e) {
    const error = argsError(e, argv, { options: OPTIONS, usage: USAGE });
    if (error instanceof ImportError) fail(error.message);
    throw error;
  }
  if (args.values.help) return undefined;
  if (args.positionals.length !== 1) fail(USAGE);
  return parseReportYear(args.positionals[0]) ?? fail(USAGE);
}

/** Checks the year, then loads the rest (scripts/lib/new-run.ts) and writes the draft. */
async function main(argv: string[]): Promise<void> {
  const interrupts = catchInterruptions();
  try {
    const year = yearArgument(argv);
    if (year === undefined) {
      console.log(USAGE);
      return;
    }
    const { newDraft } = await import('./lib/new-run.ts');
    await newDraft(year, interrupts);
  } catch (e) {
    if (e instanceof InterruptedError) stopInterrupted(e);
    if (e instanceof ImportError) fail(e.message);
    throw e;
  }
}

if (import.meta.main) await main(process.argv.slice(2));
