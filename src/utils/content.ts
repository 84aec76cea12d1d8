/**
 * The one place pages read content: the collections as the content folder's reader filled
 * them (src/integrations/content-loader.ts), already checked, grouped into the route data.
 * Drafts show in `astro dev` only. Loaded once per build.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { RecordFile } from '../domain/record';
import type { Entry } from '../domain/check';
import type { ReportData, SectionData } from '../domain/schema';
import type { Attachment } from '../domain/attachments';
import { HISTORY_ID, RECORD_ID, type BodyMetadata, type HistoryData } from '../integrations/collections';
import type { HistoryEntry } from '../domain/history';
import { buildReportViews, type ReportView, type SectionView } from './routes';
import { joinBody } from '../domain/body-html';

/** An entry's body as pages show it: the HTML at each level, and the text a reader sees. */
export interface EntryBody {
  /** The whole-report page's HTML: sub-headings as h3 with ids. */
  html: string;
  /** A section's own page: sub-headings as h2 with ids. */
  ownPage: string;
  /** Several reports' sections on one page: sub-headings as h4 without ids. */
  compared: string;
  /** The text a reader sees, block by block (src/domain/body.ts readerText). */
  text: string[];
}

type ReportEntry = Entry<ReportData> & { content: EntryBody; attachments: Attachment[] };
type SectionEntry = Entry<SectionData> & { content: EntryBody };

/** A published report as pages read it: its entries, sections and 附件 (attachments/YYYY/). */
export type Report = ReportView<ReportEntry, SectionEntry> & { attachments: Attachment[] };
export type Section = SectionView<SectionEntry>;

let cached: Promise<Report[]> | undefined;

/** A report's history, newest entry first (none for a report not yet in the record). */
export async function getHistory(year: number): Promise<HistoryEntry[]> {
  const data = (await getEntry('history', HISTORY_ID))?.data as HistoryData | undefined;
  return data?.years[String(year)] ?? [];
}

/** The record of what was published, as the build checked the reports against it. */
export async function getRecord(): Promise<RecordFile> {
  return (await getEntry('record', RECORD_ID))!.data as RecordFile;
}

export function getReports(): Promise<Report[]> {
  cached ??= load();
  return cached;
}

/** An entry's body, each level joined when a page reads it. */
function bodyOf(e: CollectionEntry<'reports'> | CollectionEntry<'sections'>): EntryBody {
  const meta = e.rendered?.metadata as unknown as BodyMetadata | undefined;
  const pieces = meta?.pieces ?? [];
  return {
    get html() {
      return joinBody(pieces, { level: 3, ids: true });
    },
    get ownPage() {
      return joinBody(pieces, { level: 2, ids: true });
    },
    get compared() {
      return joinBody(pieces, { level: 4, ids: false });
    },
    text: meta?.text ?? [],
  };
}

const asEntry = <T,>(e: { id: string; filePath?: string; data: T }) => ({ id: e.id, filePath: e.filePath ?? e.id, data: e.data });

async function load(): Promise<Report[]> {
  const reports = (await getCollection('reports')).map((r) => ({
    ...asEntry<ReportData>(r),
    content: bodyOf(r),
    attachments: (r.rendered?.metadata as unknown as BodyMetadata | undefined)?.attachments ?? [],
  }));
  const sections = (await getCollection('sections')).map((s) => ({ ...asEntry<SectionData>(s), content: bodyOf(s) }));
  // Drafts are checked like everything else, but only `astro dev` shows them.
  const shown = new Set(reports.filter((r) => import.meta.env.SHOW_DRAFTS || !r.data.draft).map((r) => r.id));
  return buildReportViews(
    reports.filter((r) => shown.has(r.id)),
    sections.filter((s) => shown.has(s.data.report)),
  ).map((r) => ({ ...r, attachments: r.entry.attachments }));
}
