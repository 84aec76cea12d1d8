/**
 * npm run import -- <file> [--year YYYY] [--dry-run] [--force]
 *
 * Turns a report as staff have it (.docx, .doc/.wps or .txt) into its report entry, section
 * entries and 附件 (the file itself) under CONTENT_DIR (default src/content). Prints what it found first; a problem
 * with the input is one Chinese message and exit code 1, with nothing written.
 */
import { parseArgs } from 'node:util';
import { isAbsolute, relative, resolve } from 'node:path';
import { ImportError } from '../src/importer/errors.ts';
import { contentDirOf, parseReportYear } from '../src/domain/layout.ts';
import { prepare } from '../src/importer/index.ts';
import { summary } from '../src/importer/summary.ts';
import { existing, writeYear } from '../src/importer/write.ts';

const ROOT = resolve(import.meta.dirname, '..');
const USAGE = '用法：npm run import -- <报告文件：.docx、.doc、.wps 或 .txt> [--year 年度] [--dry-run] [--force]';

/** Paths inside the project are shown relative to it, as staff see them in the editor. */
function show(path: string): string {
  const rel = relative(ROOT, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel.split('\\').join('/');
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        year: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new ImportError(`参数有误：${(e as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = args;
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length !== 1) throw new ImportError(`请给出一个报告文件。\n${USAGE}`);
  const year = values.year === undefined ? undefined : parseReportYear(values.year);
  if (values.year !== undefined && year === undefined) {
    throw new ImportError(`--year 应为四位阿拉伯数字年份，例如 --year 2024；收到“${values.year}”。`);
  }
  // npm runs scripts in the project folder; INIT_CWD is where the command was typed.
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!);
  const contentDir = resolve(ROOT, contentDirOf(process.env));
  const shown = positionals[0]!;

  const prepared = await prepare(file, shown, contentDir, year);
  console.log(summary(prepared, shown, show).join('\n'));
  const already = existing(prepared.planned);
  if (values['dry-run']) {
    if (already.length) {
      console.log(`${prepared.report.year} 年的报告已经存在（${already.map(show).join('、')}）：正式导入时要加 --force 才会整体替换。`);
    }
    console.log('这是试运行（--dry-run），没有写入任何文件。');
    return;
  }
  writeYear(prepared.planned, contentDir, { force: values.force, show });
  console.log(
    `${already.length ? '已整体替换' : '已写入'} ${prepared.planned.sections.length + 1} 个文件。请核对各部分文件中推测的 item，然后运行 npm run dev 查看。`,
  );
}

try {
  await main();
} catch (e) {
  if (e instanceof ImportError) {
    console.error(e.message);
  } else {
    // Not a problem with the input: still one readable line; DEBUG=1 shows where it happened.
    console.error(`导入失败（程序出错）：${(e as Error)?.message ?? String(e)}`);
    if (process.env.DEBUG) console.error(e);
  }
  process.exitCode = 1;
}
