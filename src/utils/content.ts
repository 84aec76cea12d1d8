/**
 * The one place pages read content: loads both collections, applies the cross-entry rules
 * (src/domain/check.ts) and fails the build with every problem listed, then returns
 * the route data. Loaded once per build.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { AstroError } from 'astro/errors';
import { checkContent, errorsOf, formatProblems, warningsOf, type Entry } from '../domain/check';
import type { ReportData, SectionData } from '../domain/schema';
import { buildReportViews, type ReportView, type SectionView } from './routes';
import { readAttachments, type AttachmentFile } from '../domain/attachments';
import { contentDirOf } from '../domain/layout';
import { resolve } from 'node:path';

type ReportEntry = CollectionEntry<'reports'> & Entry<ReportData>;
type SectionEntry = Entry<SectionData> & { entry: CollectionEntry<'sections'> };

/** A published report as pages read it: its entries, sections and 附件 (attachments/YYYY/). */
export type Report = ReportView<ReportEntry, SectionEntry> & { attachments: AttachmentFile[] };
export type Section = SectionView<SectionEntry>;

let cached: Promise<Report[]> | undefined;

export function getReports(): Promise<Report[]> {
  cached ??= load();
  return cached;
}

async function load(): Promise<Report[]> {
  const reports = (await getCollection('reports')).map((r) => ({ ...r, filePath: r.filePath ?? r.id }));
  // Drafts are checked like everything else, but only `astro dev` shows them.
  const published = new Set(reports.filter((r) => import.meta.env.SHOW_DRAFTS || !r.data.draft).map((r) => r.id));
  const sections = (await getCollection('sections')).map((s) => ({
    id: s.id,
    filePath: s.filePath ?? s.id,
    data: s.data,
    body: s.body,
    entry: s,
  }));
  const problems = checkContent(reports, sections);
  if (errorsOf(problems).length) {
    throw new AstroError(formatProblems(problems), '按上面每一条的说明修改对应文件，然后重新构建。');
  }
  if (warningsOf(problems).length) console.warn(formatProblems(problems));
  const contentDir = resolve(process.cwd(), contentDirOf(process.env));
  return buildReportViews(
    reports.filter((r) => published.has(r.id)),
    sections.filter((s) => published.has(s.data.report)),
  ).map((r) => ({ ...r, attachments: readAttachments(contentDir, r.year) }));
}
