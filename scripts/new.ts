/**
 * npm run new -- <year>: scaffolds a year's report as a draft, one section per required
 * item, frontmatter filled and text marked 待填写. A draft shows in `npm run dev` only.
 * The entries are rendered and written as the importer writes them (src/importer/mdx.ts,
 * src/importer/write.ts): all of them or none.
 */
import { relative } from 'node:path';
import site from '../site.config.ts';
import { REQUIRED_ITEMS, type RequiredItem } from '../src/domain/items.ts';
import { toChineseNumeral } from '../src/domain/numerals.ts';
import { TO_BE_WRITTEN } from '../src/domain/check.ts';
import { parseReportYear } from '../src/domain/layout.ts';
import type { ReportToWrite, SectionToWrite } from '../src/importer/mdx.ts';
import { existing, planYear, writeYear } from '../src/importer/write.ts';
import { ImportError } from '../src/importer/errors.ts';
import { contentDir, ROOT } from './lib/content.ts';

const USAGE = '用法：npm run new -- <年度>，例如 npm run new -- 2025（四位阿拉伯数字）';

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
      numeral: toChineseNumeral(i + 1),
      heading: draftHeading(item, year),
      item: item.name,
      body: [{ kind: 'line', text: `${TO_BE_WRITTEN}。` }],
    })),
  };
}

/** Prints one Chinese line and stops with exit code 1. */
function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Checks the year, refuses one that exists, writes the draft and says what to do next. */
function main(arg: string | undefined): void {
  const year = parseReportYear(arg) ?? fail(USAGE);
  const dir = contentDir();
  const planned = planYear(dir, scaffold(year, site.bureau));
  const [already] = existing(planned);
  if (already) fail(`${relative(ROOT, already)} 已存在：${year} 年的报告已经有了，没有改动任何文件。`);
  try {
    writeYear(planned, dir, { force: false, show: (p) => relative(ROOT, p) });
  } catch (e) {
    if (e instanceof ImportError) fail(e.message);
    throw e;
  }
  console.log(`已创建 ${year} 年报告草稿（draft: true，只在 npm run dev 中显示）：`);
  console.log(`  ${relative(ROOT, planned.reportFile)}`);
  for (const s of planned.sections) console.log(`  ${relative(ROOT, `${planned.sectionsDir}/${s.name}`)}`);
  console.log(`把“${TO_BE_WRITTEN}”换成正文，核对各部分的 item，删除 draft: true 后运行 npm run check。`);
}

if (import.meta.main) main(process.argv[2]);
