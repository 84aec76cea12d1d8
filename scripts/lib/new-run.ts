/**
 * What `npm run new` does once its command line holds (scripts/new.ts reads it first, so a
 * mistyped argument is answered before any of this loads): the draft scaffolded and written as
 * the importer writes entries, under the year's lock, after repairing what an interrupted
 * import or `new` left.
 */
import { loadSiteConfig } from './site.ts';
import { REQUIRED_ITEMS, type RequiredItem } from '../../src/domain/items.ts';
import { toChineseNumeral } from '../../src/domain/numerals.ts';
import { TO_BE_WRITTEN } from '../../src/domain/check.ts';
import type { ReportToWrite, SectionToWrite } from '../../src/importer/mdx.ts';
import { existing, planYear, writeYear } from '../../src/importer/write.ts';
import { ImportError, InterruptedError } from '../../src/importer/errors.ts';
import { acquireYearLock, tookOverMessage } from '../../src/importer/lock.ts';
import { repairInterrupted } from '../../src/importer/journal.ts';
import type { Interruptions } from '../../src/importer/interrupt.ts';
import { contentDir, show } from './content.ts';

const COMMAND = 'npm run new';

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

/** Writes the draft under the year's lock; a year that exists is refused (ImportError, its message for staff). */
async function writeDraft(year: number, dir: string, interrupts: Interruptions): Promise<void> {
  const { site } = await loadSiteConfig();
  const planned = planYear(dir, scaffold(year, site.bureau));
  const lock = acquireYearLock(dir, year, { command: COMMAND, show });
  try {
    const note = tookOverMessage(lock, show);
    if (note) console.log(note);
    const [already] = existing(planned);
    if (already) throw new ImportError(`${show(already)} 已存在：${year} 年的报告已经有了，没有改动任何文件。`);
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

/** Repairs what an interrupted write left in the content folder, then writes the year's draft. */
export async function newDraft(year: number, interrupts: Interruptions): Promise<void> {
  const dir = contentDir();
  for (const message of repairInterrupted(dir, { command: COMMAND, show })) console.log(message);
  await writeDraft(year, dir, interrupts);
}
