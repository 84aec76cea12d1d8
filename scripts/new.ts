/**
 * npm run new -- <year>: scaffolds a year's report as a draft, one section per required
 * item, frontmatter filled and text marked 待填写. A draft shows in `npm run dev` only.
 * The entries are rendered and written as the importer writes them (src/importer/mdx.ts,
 * src/importer/write.ts): all of them or none, under the year's lock (src/importer/lock.ts),
 * after repairing what an interrupted import or `new` left (journal.ts). Ctrl+C leaves the
 * content folder as it was, prints one line and exits with 130 (interrupt.ts).
 */
import { parseArgs } from 'node:util';
import { loadSiteConfig } from './lib/site.ts';
import { REQUIRED_ITEMS, type RequiredItem } from '../src/domain/items.ts';
import { toChineseNumeral } from '../src/domain/numerals.ts';
import { TO_BE_WRITTEN } from '../src/domain/check.ts';
import { parseReportYear, shownPath } from '../src/domain/layout.ts';
import type { ReportToWrite, SectionToWrite } from '../src/importer/mdx.ts';
import { existing, planYear, writeYear } from '../src/importer/write.ts';
import { ImportError, InterruptedError } from '../src/importer/errors.ts';
import { argsError } from './lib/args.ts';
import { acquireYearLock, tookOverMessage } from '../src/importer/lock.ts';
import { repairInterrupted } from '../src/importer/journal.ts';
import { catchInterruptions, stopInterrupted, type Interruptions } from '../src/importer/interrupt.ts';
import { contentDir, ROOT } from './lib/content.ts';

const COMMAND = 'npm run new';
const USAGE = '用法：npm run new -- <年度>，例如 npm run new -- 2025（四位阿拉伯数字）';
const OPTIONS = { help: { type: 'boolean', short: 'h', default: false } } as const;

/** The heading a draft section starts with: the item as the regulation words it, the plan naming next year. */
const draftHeading = (item: RequiredItem, year: number) =>
  item.slug === 'next-year' ? `${year + 1}年度推进法治政府建设的主要安排` : item.full;

/** A year's draft report by a bureau: dated 1月10日 of the next year, one section per required item. */
export function scaffold(year: number, bureau: string): ReportToWrite & { sections: SectionToWrite[] } {
  return {
    year,
    title: `${bureau}${year}年法治政府建设年度报告`,
    agency: bureau,
    signedOn: `${year + 1}-01-10`,
    draft: true,
    notes: { signedOn: `${TO_BE_WRITTEN}：落款日期`, draft: '写完、核对后删除这一行即发布' },
    preface: [{ kind: 'line', text: `${TO_BE_WRITTEN}：前言。` }],
    sections: REQUIRED_ITEMS.map((item, i) => ({
      order: i + 1,
      label: `${toChineseNumeral(i + 1)}、`,
      heading: draftHeading(item, year),
      items: [item.name],
      body: [{ kind: 'line', text: `${TO_BE_WRITTEN}。` }],
    })),
  };
}

/** Prints one Chinese line and stops with exit code 1 (a lock held is released at exit). */
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

/** Writes the draft under the year's lock, refusing a year that exists. */
async function writeDraft(year: number, dir: string, interrupts: Interruptions): Promise<void> {
  const show = (p: string) => shownPath(ROOT, p);
  const { site } = await loadSiteConfig();
  const planned = planYear(dir, scaffold(year, site.bureau));
  const lock = acquireYearLock(dir, year, { command: COMMAND, show });
  try {
    const note = tookOverMessage(lock, show);
    if (note) console.log(note);
    const [already] = existing(planned);
    if (already) fail(`${show(already)} 已存在：${year} 年的报告已经有了，没有改动任何文件。`);
    interrupts.enter('writing');
    await writeYear(planned, dir, { force: false, show, signal: interrupts.signal });
    interrupts.enter('after');
    if (interrupts.signal.aborted) throw new InterruptedError(true);
  } finally {
    lock.release();
  }
  console.log(`已创建 ${year} 年报告草稿（draft: true，只在 npm run dev 中显示）：`);
  console.log(`  ${show(planned.reportFile)}`);
  for (const s of planned.sections) console.log(`  ${show(`${planned.sectionsDir}/${s.name}`)}`);
  console.log(`把“${TO_BE_WRITTEN}”换成正文，核对各部分的 item，删除 draft: true 后运行 npm run check。`);
}

/** Checks the year, repairs what an interrupted write left, writes the draft and says what to do next. */
async function main(argv: string[]): Promise<void> {
  const interrupts = catchInterruptions();
  try {
    const year = yearArgument(argv);
    if (year === undefined) {
      console.log(USAGE);
      return;
    }
    const dir = contentDir();
    for (const message of repairInterrupted(dir, { command: COMMAND, show: (p) => shownPath(ROOT, p) })) console.log(message);
    await writeDraft(year, dir, interrupts);
  } catch (e) {
    if (e instanceof InterruptedError) stopInterrupted(e);
    if (e instanceof ImportError) fail(e.message);
    throw e;
  }
}

if (import.meta.main) await main(process.argv.slice(2));
