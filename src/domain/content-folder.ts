/**
 * The one reader of a content folder, for `npm run check`, `npm run build` and `npm run dev`
 * alike (the build's content collections are filled from what it read, src/integrations/
 * content-loader.ts): the same items, the same bytes, the same parse, the same rules.
 *
 * - The folder's layout is strict (layout.ts placeOf): reports/YYYY.mdx, sections/YYYY/NN.mdx,
 *   attachments/YYYY/<file>, the record; anything else, a link, a folder named like a file, a
 *   name with #, ? or % is named and refused, never read.
 * - Each entry is read as written (entry-file.ts): UTF-8, no invisible control characters,
 *   YAML as text, the body as data (no code), validated by the schemas (schema.ts); a
 *   section's file name is its order and its folder its report.
 * - Attachments are documents by their bytes (attachments.ts).
 * Then the rules across entries (check.ts) and the record of what was published (record.ts),
 * itself held to its git history (record-history.ts), and the inspection self-audit (audit.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { reportSchema, sectionSchema, type ReportData, type SectionData } from './schema.ts';
import { checkContent, contentView, errorsOf, type Entry, type Problem } from './check.ts';
import { audit, strictByEnv, withoutAudited } from './audit.ts';
import type { SiteConfig } from './site.ts';
import { decodeEntryFile, parseEntryFile, readBody } from './entry-file.ts';
import { placeOf, RECORD_FILE, reportFile, sectionFile, shownPath, type Place } from './layout.ts';
import { attachmentProblem, describeAttachment, isAttachmentName, type AttachmentFile } from './attachments.ts';
import { ACCEPT, checkRecord, emptyRecord, formatRecordFile, parseRecordFile, recordedYears, snapshotOf, type RecordFile } from './record.ts';
import { checkRecordHistory, headRecord, type RecordVersions } from './record-history.ts';
import { bodyHast, readerText, type HastRoot } from './body.ts';
import { folderSource, type ItemSource } from './content-fs.ts';
import { todayInChina } from './dates.ts';
import { writeFileAtomic } from './write-atomic.ts';

/** An entry as read: its data, its text as written, its body as HTML elements and as the text a reader sees. */
export interface ReadEntry<T> extends Entry<T> {
  body: string;
  raw: string;
  hast: HastRoot;
  text: string[];
}

export interface LoadedContent {
  reports: ReadEntry<ReportData>[];
  sections: ReadEntry<SectionData>[];
  /** Each year's attachments, in name order, with their bytes. */
  attachments: Map<string, AttachmentFile[]>;
  /** Items refused, files that could not be read, schema violations, one per field. */
  problems: Problem[];
  /** Years whose report file is there but could not be read or validated. */
  unreadable: Set<string>;
  /** Each year's section files (by the order their names give) that are there but could not be read or validated. */
  unreadableSections: Map<string, Set<number>>;
  /** The record file's text, when there is one. */
  recordText?: string;
}

type Schema<T> = { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } };

/** The ids footnotes get on a page: unique per entry, as several bodies stand on one report page. */
const idPrefixOf = (id: string) => `fn-${id.replace(/\//g, '-')}-`;

/**
 * An entry from its text, read as the build reads it: frontmatter, body (no code), schema.
 * The importer reads the entries it is about to write through here too.
 */
export function entryFromText<T>(text: string, id: string, filePath: string, schema: Schema<T>): { entry: ReadEntry<T> } | { problems: Problem[] } {
  const read = parseEntryFile(text, filePath);
  if ('problem' in read) return { problems: [read.problem] };
  const body = readBody(read.entry, filePath);
  const r = schema.safeParse(read.entry.frontmatter);
  const problems = [
    ...('problem' in body ? [body.problem] : []),
    ...(r.success ? [] : r.error.issues.map((i) => ({ file: filePath, field: i.path.join('.') || '(frontmatter)', message: i.message }))),
  ];
  if (problems.length || !r.success || 'problem' in body) return { problems };
  const hast = bodyHast(body.tree, idPrefixOf(id));
  return { entry: { id, filePath, data: r.data, body: read.entry.body, raw: read.entry.raw, hast, text: readerText(hast) } };
}

/** A section's file says its order and its report: sections/2024/03.mdx is order 3 of 2024. */
function placeProblems(s: ReadEntry<SectionData>, place: Extract<Place, { role: 'section' }>): Problem[] {
  const out: Problem[] = [];
  if (s.data.order !== place.order) {
    out.push({ file: s.filePath, field: 'order', message: `文件名说这是第 ${place.order} 部分，order 却是 ${s.data.order}。文件名的两位数字就是顺序：请把文件改名为 ${String(s.data.order).padStart(2, '0')}.mdx，或改正 order` });
  }
  if (s.data.report !== place.year) {
    out.push({ file: s.filePath, field: 'report', message: `文件在 ${place.year}/ 文件夹中，report 却是 ${s.data.report}。每年的部分放在以年度命名的文件夹中：请移到 sections/${s.data.report}/，或改正 report` });
  }
  return out;
}

/** Reads a content folder's items by their places; what is refused or cannot be read becomes a problem. */
export function readContent(source: ItemSource, shown: (path: string) => string): LoadedContent {
  const out: LoadedContent = { reports: [], sections: [], attachments: new Map(), problems: [], unreadable: new Set(), unreadableSections: new Map() };
  const items = source.list((path) => placeOf(path, 'folder', isAttachmentName).role === 'folder');
  for (const item of items) {
    const place = placeOf(item.path, item.kind, isAttachmentName);
    const file = shown(item.path);
    if (place.role === 'refused') out.problems.push({ file, field: '(文件名)', message: place.message });
    else if (place.role === 'record') out.recordText = Buffer.from(source.read(item.path)).toString('utf8');
    else if (place.role === 'attachment') readAttachment(out, source.read(item.path), place, file);
    else if (place.role === 'report' || place.role === 'section') readEntry(out, source.read(item.path), item.path, place, file);
  }
  return out;
}

function readAttachment(out: LoadedContent, bytes: Uint8Array, place: Extract<Place, { role: 'attachment' }>, file: string): void {
  const problem = attachmentProblem(place.name, bytes);
  if (problem) return void out.problems.push({ file, field: '(附件)', message: problem });
  const list = out.attachments.get(place.year) ?? [];
  list.push({ ...describeAttachment(place.name, bytes), data: bytes });
  out.attachments.set(place.year, list);
}

function readEntry(out: LoadedContent, bytes: Uint8Array, path: string, place: Extract<Place, { role: 'report' | 'section' }>, file: string): void {
  const decoded = decodeEntryFile(bytes, file);
  const id = place.role === 'report' ? place.year : path.split('/').slice(1).join('/').replace(/\.mdx$/, '');
  const read = 'problem' in decoded ? { problems: [decoded.problem] } : place.role === 'report' ? entryFromText(decoded.text, id, file, reportSchema as Schema<ReportData>) : entryFromText(decoded.text, id, file, sectionSchema as Schema<SectionData>);
  if ('problems' in read) {
    out.problems.push(...read.problems);
    if (place.role === 'report') out.unreadable.add(place.year);
    else out.unreadableSections.set(place.year, (out.unreadableSections.get(place.year) ?? new Set()).add(place.order));
    return;
  }
  if (place.role === 'report') return void out.reports.push(read.entry as ReadEntry<ReportData>);
  const section = read.entry as ReadEntry<SectionData>;
  out.problems.push(...placeProblems(section, place));
  out.sections.push(section);
}

/** Every report and section entry and attachment of a content folder, read as written and validated. */
export function loadContentFolder(dir: string, root: string): LoadedContent {
  if (!existsSync(dir)) return { reports: [], sections: [], attachments: new Map(), problems: [], unreadable: new Set(), unreadableSections: new Map() };
  return readContent(folderSource(dir), (path) => shownPath(root, join(dir, path)));
}

export interface FolderCheck extends LoadedContent {
  /** Years `accept` recorded in this run. */
  recorded: string[];
  /** The record file, relative to root. */
  recordPath: string;
  /** The record as it stands after this run. */
  record: RecordFile;
  /** The record's versions in git as this check read them; none when the record file could not be read. */
  versions?: RecordVersions;
}

export interface CheckOptions {
  root: string;
  /** Append what may be recorded, when nothing else is wrong. */
  accept?: boolean;
  /** The site configuration, for the audit's rules about it (registrations, 互动). */
  site?: SiteConfig;
  /** The configuration file as staff name it, for the audit's messages. */
  configFile?: string;
  /** Audit findings are errors, not warnings; by default AUDIT_STRICT=1 in the environment. */
  strict?: boolean;
  /** Today in China; dates may not be later, and entries recorded now carry it. */
  today?: string;
}

/**
 * The record file read, and held to its history; problems for what is wrong with either. A
 * record file that is not in the folder while git has one is checked as git has it (and
 * written back by --accept): deleting it loses nothing.
 */
function readRecord(dir: string, recordText: string | undefined, recordPath: string): { record?: RecordFile; problems: Problem[]; restored?: boolean; versions?: RecordVersions } {
  if (recordText === undefined) {
    const head = headRecord(join(dir, RECORD_FILE), dir);
    const history = checkRecordHistory(join(dir, RECORD_FILE), dir, head ?? emptyRecord(), recordPath);
    const restored = head ? [{ file: recordPath, field: '(文件)', warning: true, message: `发布记录文件不见了：已按 git 最近一次提交中的版本核对。运行 ${ACCEPT} 会把它写回，请一起提交` }] : [];
    return { record: head ?? emptyRecord(), problems: [...historyProblems(history, recordPath), ...restored], restored: Boolean(head), versions: history.versions };
  }
  const parsed = parseRecordFile(recordText, recordPath);
  if ('problem' in parsed) return { problems: [parsed.problem] };
  const history = checkRecordHistory(join(dir, RECORD_FILE), dir, parsed.record, recordPath);
  return { record: parsed.record, problems: historyProblems(history, recordPath), versions: history.versions };
}

function historyProblems(h: ReturnType<typeof checkRecordHistory>, recordPath: string): Problem[] {
  return [
    ...h.problems.map((message) => ({ file: recordPath, field: '(git 历史)', message: `${message}。发布记录只能追加：已记录的发布、更正、撤回不能删除或改写` })),
    ...(h.limitation ? [{ file: recordPath, field: '(git 历史)', message: h.limitation, warning: true }] : []),
  ];
}

/**
 * Checks a content folder: items, entries, rules, and the record of what was published. With
 * `accept`, appends what may be recorded (written atomically) when nothing else is wrong.
 */
export function checkContentFolder(dir: string, options: CheckOptions): FolderCheck {
  const { root, accept = false, site, configFile = 'site.config.ts', strict = strictByEnv(process.env), today = todayInChina() } = options;
  const loaded = loadContentFolder(dir, root);
  const recordPath = shownPath(root, join(dir, RECORD_FILE));
  const read = readRecord(dir, loaded.recordText, recordPath);
  const recorded = new Set(read.record ? recordedYears(read.record).keys() : []);
  const audited = audit({ view: contentView(loaded.reports, loaded.sections, { unreadable: loaded.unreadable, recorded }), site, configFile }, { strict });
  const problems = withoutAudited([...loaded.problems, ...checkContent(loaded.reports, loaded.sections, { unreadable: loaded.unreadable, today, recorded, unreadableSections: loaded.unreadableSections })], audited);
  problems.push(...read.problems);
  const done = (record: RecordFile = read.record ?? emptyRecord(), recorded: string[] = []) => ({ ...loaded, problems: [...problems, ...audited], recorded, recordPath, record, versions: read.versions });
  if (!read.record) return done();
  // With entries in error, only what is plain without them is compared: a published year or
  // section deleted, or a year made a draft again.
  const entriesOk = !errorsOf(problems).length;
  const snapshots = loaded.reports.map((r) => snapshotOf(r, loaded.sections, loaded.attachments.get(String(r.data.year)) ?? []));
  const checked = checkRecord(snapshots, read.record, {
    accept: accept && entriesOk,
    today,
    recordPath,
    reportFileOf: (year) => shownPath(root, reportFile(year, dir)),
    sectionFileOf: (year, order) => shownPath(root, sectionFile(year, order, dir)),
    unreadable: loaded.unreadable,
    unreadableSections: loaded.unreadableSections,
  });
  problems.push(...(entriesOk ? checked.problems : checked.problems.filter((p) => p.field === '(文件)' || p.field === 'draft')));
  if (!accept || errorsOf([...problems, ...audited]).length || (!checked.recorded.length && !read.restored)) return done(read.record);
  writeFileAtomic(join(dir, RECORD_FILE), formatRecordFile(checked.record));
  return done(checked.record, checked.recorded);
}
