/**
 * All of a year's files or none: everything is written into a scratch folder inside the
 * content folder (same file system, so moves are renames), then moved into place. With
 * --force the old report and its whole sections folder are moved aside first and put back
 * if any later step fails.
 */
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { attachmentsDir, reportFile, reportsRoot, sectionsDir, sectionsRoot } from '../domain/layout.ts';
import { ImportError } from './errors.ts';
import { renderYear, type ReportToWrite, type SectionToWrite } from './mdx.ts';

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
}

/** Writes a planned year all or nothing; an existing year only with force, replaced as a whole. */
export function writeYear(p: Planned, contentDir: string, { force, show = (f) => f, ops = { rename: renameSync } }: WriteOptions): void {
  const old = existing(p);
  if (old.length && !force) {
    throw new ImportError(
      `${p.year} 年的报告已经存在（${old.map(show).join('、')}），没有写入任何文件。要用这份原文整体替换它，请加 --force；如果这是另一年的报告，请用 --year 指定年度。`,
    );
  }
  mkdirSync(reportsRoot(contentDir), { recursive: true });
  mkdirSync(sectionsRoot(contentDir), { recursive: true });
  // A dot folder at the top of the content folder: no collection's pattern reaches it.
  const scratch = mkdtempSync(join(contentDir, `.import-${p.year}-`));
  const done: [string, string][] = [];
  let keepScratch = false;
  const move = (from: string, to: string) => {
    ops.rename(from, to);
    done.push([from, to]);
  };
  try {
    const newSections = join(scratch, 'sections');
    mkdirSync(newSections);
    for (const s of p.sections) writeFileSync(join(newSections, s.name), s.text);
    writeFileSync(join(scratch, 'report.mdx'), p.reportText);
    const newAttachments = join(scratch, 'attachments');
    if (p.attachments) {
      mkdirSync(newAttachments);
      for (const a of p.attachments) writeFileSync(join(newAttachments, a.name), a.data);
      mkdirSync(dirname(p.attachmentsDir), { recursive: true });
    }
    if (existsSync(p.sectionsDir)) move(p.sectionsDir, join(scratch, 'old-sections'));
    if (existsSync(p.reportFile)) move(p.reportFile, join(scratch, 'old-report.mdx'));
    if (p.attachments && existsSync(p.attachmentsDir)) move(p.attachmentsDir, join(scratch, 'old-attachments'));
    move(newSections, p.sectionsDir);
    if (p.attachments) move(newAttachments, p.attachmentsDir);
    move(join(scratch, 'report.mdx'), p.reportFile);
  } catch (error) {
    try {
      for (const [from, to] of done.reverse()) renameSync(to, from);
    } catch {
      // The old files may still be in the scratch folder: never delete it then.
      keepScratch = true;
      throw new ImportError(`写入失败，也没能恢复原有文件。原有文件保存在 ${show(scratch)} 中，请手工放回。（${String(error)}）`);
    }
    throw error;
  } finally {
    if (!keepScratch) rmSync(scratch, { recursive: true, force: true });
  }
}
