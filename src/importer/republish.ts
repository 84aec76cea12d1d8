/**
 * Re-importing a published year (--force over a report without draft: true). The source file
 * gives the text; what no source file holds is carried over from the published entries:
 * - the report's corrections and withdrawn, and its publishedOn, indexNumber, topic, validity
 *   and documentNumber where the new original does not print them;
 * - each section's item (checked by staff after the first import) and figures, matched by
 *   order; a figure is kept only where its printed value is still in the new section's text
 *   (src/domain/figures.ts), and each one dropped is named in a warning;
 * - the year's attachments: the new file is added beside them (under a new name if its name
 *   is taken), never in place of one, and not at all when the same bytes are there already.
 * A published report changes only with a dated correction. Whether this import is such a
 * change is decided by the record of what was published and its rules (src/domain/record.ts):
 * the year as it will be written is compared with the year's entry in published-digests.json,
 * as `npm run check` will compare it (git's older versions of the record are left to check).
 * When a correction is needed, the import needs --correction "说明", which becomes
 * { date: today in China, note }; without it nothing is written. A year not in the record
 * has not been published yet and needs none.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { AttachmentFile } from '../domain/attachments.ts';
import { entryFromText, loadContentFolder, type ReadEntry } from '../domain/content-folder.ts';
import { printedIn, printedValue, textForMatching, type Figure } from '../domain/figures.ts';
import { reportFile, sectionFile, sectionsDir, shownPath } from '../domain/layout.ts';
import { changesSince, parseRecordFile, RECORD_FILE, recordedYears, snapshotOf, type RecordedYear } from '../domain/record.ts';
import { reportSchema, sectionSchema, type ReportData, type SectionData } from '../domain/schema.ts';
import type { Entry, Problem } from '../domain/check.ts';
import { todayInChina, type IsoDate } from '../domain/dates.ts';
import { sha256Hex } from '../domain/digest.ts';
import { ImportError } from './errors.ts';
import { renderBlock, renderYear, type ReportToWrite, type SectionToWrite } from './mdx.ts';
import type { Report } from './model.ts';
import { plan, type Planned } from './write.ts';

/** A year that is not a draft, as it is in the content folder, with what the record holds of it. */
export interface PublishedYear {
  report: Entry<ReportData>;
  sections: Entry<SectionData>[];
  attachments: AttachmentFile[];
  /** What the record of what was published holds of the year; none when it was never published. */
  recorded?: RecordedYear;
}

/** Today's date in China (Asia/Shanghai), as corrections are dated. */
export { todayInChina };

/** Problems as lines under a heading that says nothing was written and what to do. */
function brokenEntries(problems: readonly Problem[]): ImportError {
  return new ImportError(
    [
      '已有的报告文件有误，无法确定要保留的内容，没有改动任何文件。请先按下面的说明改好（npm run check 会列出全部问题），再重新导入：',
      ...problems.map((p) => `  ${p.file} · ${p.field}：${p.message}`),
    ].join('\n'),
  );
}

/**
 * The year's entries and attachments when its report is not a draft, read as the build reads
 * them; undefined when it has no readable report or the report is a draft. A year in the
 * record whose entries have mistakes is refused (ImportError). `root` is what paths are
 * shown relative to.
 */
export function readPublishedYear(contentDir: string, year: number, root: string): PublishedYear | undefined {
  const loaded = loadContentFolder(contentDir, root);
  const key = String(year);
  // Problems of this year's own files; the other years are not this import's business.
  const [reportPath, sectionsPath] = [shownPath(root, reportFile(year, contentDir)), `${shownPath(root, sectionsDir(year, contentDir))}/`];
  const problems = loaded.problems.filter((p) => p.file === reportPath || p.file.startsWith(sectionsPath));
  const recorded = recordedYear(contentDir, key, root);
  // A published year is carried over whole or not at all; an unpublished one that cannot be read is simply replaced.
  if (problems.length && recorded) throw brokenEntries(problems);
  const report = loaded.reports.find((r) => r.data.year === year);
  if (!report || report.data.draft) return undefined;
  const sections = loaded.sections.filter((s) => s.data.report === key);
  return { report, sections, attachments: loaded.attachments.get(key) ?? [], recorded };
}

/** What the content folder's record (published-digests.json) holds of the year, if anything. */
function recordedYear(contentDir: string, year: string, root: string): RecordedYear | undefined {
  const file = join(contentDir, RECORD_FILE);
  if (!existsSync(file)) return undefined;
  const parsed = parseRecordFile(readFileSync(file, 'utf8'), shownPath(root, file));
  if ('problem' in parsed) throw brokenEntries([parsed.problem]);
  return recordedYears(parsed.record).get(Number(year));
}

export interface RepublishOptions {
  contentDir: string;
  /** What paths are shown relative to: the project folder. */
  root: string;
  /** The --correction note, if given. */
  correction?: string;
  today: IsoDate;
  /** A dry run reports a missing --correction instead of refusing. */
  dryRun?: boolean;
}

export interface Republished {
  planned: Planned;
  /** What was carried over, for the summary. */
  kept: string[];
  /** Figures dropped, items that differ from the guess, an unneeded --correction. */
  warnings: string[];
  /** Whether the import changes what needs a correction to change (record.ts). */
  changed: boolean;
  /** Set in a dry run when the real import would need --correction. */
  needsCorrection?: string;
}

/** A section's MDX body as the importer writes it. */
const bodyOf = (s: Pick<SectionToWrite, 'body'>) => s.body.map(renderBlock).join('\n\n');

/** The old figures still printed in the new text; a warning for each one that is not. */
function keptFigures(old: Entry<SectionData>, body: string, shown: string): { figures: Figure[]; warnings: string[] } {
  const text = textForMatching(body);
  const figures: Figure[] = [];
  const warnings: string[] = [];
  for (const f of old.data.figures) {
    if (printedIn(text, printedValue(f))) figures.push(f);
    else warnings.push(`${shown}：主要数据“${f.label}”（${f.key}）的数值“${printedValue(f)}”在新的正文中找不到，已去掉。请核对，需要时在 figures 中照新正文重新标出。`);
  }
  return { figures, warnings };
}

/** The new sections with the published items and figures carried over by order. */
function carrySections(report: Report, old: PublishedYear, contentDir: string, show: (path: string) => string) {
  const byOrder = new Map(old.sections.map((s) => [s.data.order, s]));
  const warnings: string[] = [];
  let figureCount = 0;
  const sections: SectionToWrite[] = report.sections.map((s) => {
    const before = byOrder.get(s.order);
    if (!before) return s;
    const shown = show(sectionFile(report.year, s.order, contentDir));
    if (before.data.items.join('、') !== s.items.join('、')) {
      warnings.push(`${shown}：报告事项沿用已发布的“${before.data.items.join('、')}”（按新标题推测是“${s.items.join('、')}”），请核对。`);
    }
    const kept = keptFigures(before, bodyOf(s), shown);
    warnings.push(...kept.warnings);
    figureCount += kept.figures.length;
    return { ...s, items: [...before.data.items], figures: kept.figures };
  });
  const orders = new Set(report.sections.map((s) => s.order));
  for (const s of old.sections.filter((s) => !orders.has(s.data.order))) {
    for (const f of s.data.figures) {
      warnings.push(`${s.filePath}：新的原文没有第 ${s.data.order} 部分，它的主要数据“${f.label}”（${f.key}）已去掉。`);
    }
  }
  return { sections, warnings, figureCount };
}

/** A name not among `taken`: 报告.docx, else 报告（2）.docx, 报告（3）.docx … */
function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 2; ; n++) if (!taken.has(`${stem}（${n}）${ext}`)) return `${stem}（${n}）${ext}`;
}

/** The published attachments, and the new file beside them unless its bytes are there already. */
function carryAttachments(newFiles: readonly { name: string; data: Uint8Array }[], old: PublishedYear): { files: { name: string; data: Uint8Array }[]; note: string } {
  const files = old.attachments.map((a) => ({ name: a.name, data: a.data }));
  const digests = new Map(old.attachments.map((a) => [a.sha256, a.name]));
  const notes: string[] = [];
  for (const f of newFiles) {
    const same = digests.get(sha256Hex(f.data));
    if (same) {
      notes.push(`原文件与原有的附件 ${same} 相同，不再重复保存`);
      continue;
    }
    const name = freeName(f.name, new Set(files.map((x) => x.name)));
    files.push({ name, data: f.data });
    notes.push(`原文件作为新附件 ${name} 加在原有的附件旁边${old.attachments.length ? `（原有的 ${old.attachments.length} 个附件都保留）` : ''}`);
  }
  return { files, note: notes.join('；') };
}

/** The report with the published metadata; the correction is added by the caller. */
function carryReport(report: Report, old: PublishedYear, sections: SectionToWrite[]): ReportToWrite & { sections: SectionToWrite[] } {
  const o = old.report.data;
  return {
    year: report.year,
    title: report.title,
    agency: report.agency,
    signedOn: report.signedOn,
    signature: report.signature,
    preface: report.preface,
    prefaceFootnotes: report.prefaceFootnotes,
    // What the new original prints (文号, metadata), else what is already published; 关键词 stay.
    publishedOn: report.publishedOn ?? o.publishedOn,
    indexNumber: report.indexNumber ?? o.indexNumber,
    topic: report.topic ?? o.topic,
    documentNumber: report.documentNumber ?? o.documentNumber,
    validity: report.validity ?? o.validity,
    keywords: o.keywords,
    corrections: o.corrections,
    withdrawn: o.withdrawn,
    sections,
  };
}

/** Renders and places the carried-over year. */
function planCarried(contentDir: string, r: ReportToWrite & { sections: SectionToWrite[] }, attachments: Planned['attachments']): Planned {
  const rendered = renderYear(r);
  const p = plan(contentDir, r.year, rendered.reportText, rendered.sections);
  p.attachments = attachments;
  return p;
}

type Schema<T> = { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } };

/** An entry parsed back from the text about to be written, as the build will read it. */
function entryOf<T>(id: string, filePath: string, text: string, schema: Schema<T>): ReadEntry<T> {
  const read = entryFromText(text, id, filePath, schema);
  if ('problems' in read) throw brokenEntries(read.problems);
  return read.entry;
}

/** The year about to be written, as the record sees it. */
function plannedSnapshot(p: Planned, root: string) {
  const report = entryOf<ReportData>(String(p.year), shownPath(root, p.reportFile), p.reportText, reportSchema as Schema<ReportData>);
  const sections = p.sections.map((s) =>
    entryOf<SectionData>(`${p.year}/${s.name.replace(/\.mdx$/, '')}`, shownPath(root, `${p.sectionsDir}/${s.name}`), s.text, sectionSchema as Schema<SectionData>),
  );
  const attachments = (p.attachments ?? []).map((a) => ({ name: a.name, sha256: sha256Hex(a.data) }));
  return snapshotOf(report, sections, attachments);
}

/**
 * What the new year changes that needs a correction (record.ts: text, title, metadata,
 * figures, attachments), in the record's words; empty when nothing does.
 */
function changesNeedingCorrection(old: PublishedYear, p: Planned, root: string): string[] {
  if (!old.recorded) return [];
  return changesSince(old.recorded.state, plannedSnapshot(p, root).state).needCorrection;
}

/** The refusal of a change to a published report without --correction. */
function correctionNeeded(year: number, changes: readonly string[], filePath: string): string {
  return (
    `${year} 年的报告已经发布（见发布记录 ${RECORD_FILE}；${filePath}），这次导入会改动已发布的内容：${changes.join('；')}。` +
    '已发布的报告只能随一条更正说明改动，这次没有改动任何文件。' +
    `请说明改了什么，例如 --correction "更正第二部分中的培训人数"：它会以今天的日期记入更正记录（corrections），在报告页公开显示。` +
    '如果并不想改动已发布的报告，请不要重新导入。'
  );
}

/** The lines saying what was carried over (metadata the new original does not print). */
function keptLines(old: PublishedYear, report: Report, figureCount: number, attachmentNote: string): string[] {
  const o = old.report.data;
  const fields = [
    !report.publishedOn && o.publishedOn && `发布日期 ${o.publishedOn}`,
    !report.indexNumber && o.indexNumber && `索引号 ${o.indexNumber}`,
    !report.topic && o.topic && `主题分类 ${o.topic}`,
    o.corrections.length && `更正记录 ${o.corrections.length} 条`,
    o.withdrawn && `撤回说明（${o.withdrawn.date}）`,
    `各部分的报告事项`,
    figureCount && `主要数据 ${figureCount} 项`,
  ].filter(Boolean);
  return [`沿用原有的：${fields.join('、')}`, attachmentNote];
}

/**
 * The re-import of a published year: the new text with everything else carried over, and
 * the correction added (or required: ImportError, unless a dry run).
 */
export function republish(report: Report, planned: Planned, old: PublishedYear, options: RepublishOptions): Republished {
  const { contentDir, root, correction, today, dryRun = false } = options;
  const show = (path: string) => shownPath(root, path);
  const carried = carrySections(report, old, contentDir, show);
  const attachments = carryAttachments(planned.attachments ?? [], old);
  const r = carryReport(report, old, carried.sections);
  let p = planCarried(contentDir, r, attachments.files);
  const changes = changesNeedingCorrection(old, p, root);
  const warnings = [...carried.warnings];
  const kept = keptLines(old, report, carried.figureCount, attachments.note);
  let needsCorrection: string | undefined;
  if (changes.length && correction) {
    p = planCarried(contentDir, { ...r, corrections: [...r.corrections!, { date: today, note: correction }] }, attachments.files);
    kept.push(`新增更正记录：${today} ${correction}`);
  } else if (changes.length) {
    const message = correctionNeeded(report.year, changes, old.report.filePath);
    if (!dryRun) throw new ImportError(message);
    needsCorrection = message;
  } else if (correction) {
    warnings.push(
      old.recorded
        ? '这次导入没有改动需要更正说明的内容（正文、标题、文件信息、主要数据、附件都与已发布的相同），所以没有加更正说明（--correction 未使用）。'
        : `${report.year} 年的报告还没有记入发布记录（${RECORD_FILE}），也就是还没有发布：不需要更正说明，没有加（--correction 未使用）。`,
    );
  }
  return { planned: p, kept, warnings, changed: changes.length > 0, needsCorrection };
}
