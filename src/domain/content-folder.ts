/**
 * One check of a content folder, the same for both front doors: `npm run check` (scripts/
 * check.ts) and `npm run build` (src/integrations/content-check.ts, before Astro reads a
 * single entry). It reads every entry as written (entry-file.ts: YAML as text, MDX as the
 * build reads it), validates it with the schemas, runs the rules across entries (check.ts)
 * and holds the published reports to the record of what was published (record.ts), itself
 * held to its git history (record-history.ts). Then the inspection self-audit (audit.ts):
 * warnings, errors when strict; the rules about the site configuration only when it is given.
 */
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportSchema, sectionSchema, type ReportData, type SectionData } from './schema.ts';
import { checkContent, contentView, errorsOf, type Entry, type Problem } from './check.ts';
import { audit, strictByEnv, withoutAudited } from './audit.ts';
import type { SiteConfig } from './site.ts';
import { mdxProblem, parseEntryFile } from './entry-file.ts';
import { matchesPattern, REPORT_PATTERN, reportFile, reportsRoot, SECTION_PATTERN, sectionsRoot, shownPath } from './layout.ts';
import { readAttachments } from './attachments.ts';
import { baselineOf, checkRecord, formatRecordFile, parseRecordFile, RECORD_FILE, snapshotOf, type RecordFile } from './record.ts';
import { readRecordHistory } from './record-history.ts';

export interface LoadedContent {
  reports: Entry<ReportData>[];
  sections: Entry<SectionData>[];
  /** Files that could not be read and schema violations, one per field. */
  problems: Problem[];
  /** Years whose report file is there but could not be read or validated. */
  unreadable: Set<string>;
}

type Schema<T> = { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } };

/** The entries of one collection folder whose paths match its pattern, in path order, read and validated. */
function readCollection<T>(dir: string, pattern: string, schema: Schema<T>, root: string, problems: Problem[], unreadable: Set<string>): Entry<T>[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => matchesPattern(f, pattern))
    .sort()
    .flatMap((f) => {
      const full = join(dir, f);
      const filePath = shownPath(root, full);
      const read = parseEntryFile(readFileSync(full, 'utf8'), filePath);
      const id = f.replace(/\.mdx$/, '').split('\\').join('/');
      if ('problem' in read) {
        problems.push(read.problem);
        unreadable.add(id);
        return [];
      }
      const mdx = mdxProblem(read.entry, filePath);
      if (mdx) problems.push(mdx);
      const r = schema.safeParse(read.entry.frontmatter);
      if (!r.success) {
        for (const i of r.error.issues) problems.push({ file: filePath, field: i.path.join('.') || '(frontmatter)', message: i.message });
        unreadable.add(id);
        return [];
      }
      return [{ id, filePath, data: r.data, body: read.entry.body, raw: read.entry.raw }];
    });
}

/** Every report and section entry of a content folder, read as written and validated by the schemas. */
export function loadContentFolder(dir: string, root: string): LoadedContent {
  const problems: Problem[] = [];
  // Report ids are their years; a section's id (2024/01) is of no use here.
  const unreadable = new Set<string>();
  const reports = readCollection<ReportData>(reportsRoot(dir), REPORT_PATTERN, reportSchema as Schema<ReportData>, root, problems, unreadable);
  const sections = readCollection<SectionData>(sectionsRoot(dir), SECTION_PATTERN, sectionSchema as Schema<SectionData>, root, problems, new Set());
  return { reports, sections, problems, unreadable };
}

export interface FolderCheck extends LoadedContent {
  /** Years `accept` recorded in this run. */
  recorded: string[];
  /** The record file, relative to root. */
  recordPath: string;
}

export interface CheckOptions {
  root: string;
  /** Record what may be recorded, when nothing else is wrong. */
  accept?: boolean;
  /** The site configuration, for the audit's rules about it (registrations, 互动). */
  site?: SiteConfig;
  /** The configuration file as staff name it, for the audit's messages. */
  configFile?: string;
  /** Audit findings are errors, not warnings; by default AUDIT_STRICT=1 in the environment. */
  strict?: boolean;
}

/**
 * Checks a content folder: entries, rules, and the record of what was published. With
 * `accept`, records what may be recorded (written atomically) when nothing else is wrong.
 */
export function checkContentFolder(
  dir: string,
  { root, accept = false, site, configFile = 'site.config.ts', strict = strictByEnv(process.env) }: CheckOptions,
): FolderCheck {
  const loaded = loadContentFolder(dir, root);
  const audited = audit({ view: contentView(loaded.reports, loaded.sections, loaded.unreadable), site, configFile }, { strict });
  const problems = withoutAudited([...loaded.problems, ...checkContent(loaded.reports, loaded.sections, loaded.unreadable)], audited);
  const recordFile = join(dir, RECORD_FILE);
  const recordPath = shownPath(root, recordFile);
  const done = (recorded: string[] = []) => ({ ...loaded, problems: [...problems, ...audited], recorded, recordPath });
  // With entries in error, only what is plain without them is compared: a published year
  // deleted or made a draft again. Digests of half-read content would only mislead.
  const entriesOk = errorsOf(problems).length === 0;

  let own: RecordFile = {};
  if (existsSync(recordFile)) {
    const parsed = parseRecordFile(readFileSync(recordFile, 'utf8'), recordPath);
    if ('problem' in parsed) return (problems.push(parsed.problem), done());
    own = parsed.record;
  }
  const history = readRecordHistory(recordFile, dir);
  if (history.limitation) problems.push({ file: recordPath, field: '(git 历史)', message: history.limitation, warning: true });
  const snapshots = loaded.reports.map((r) => snapshotOf(r, loaded.sections, readAttachments(dir, r.data.year)));
  const checked = checkRecord(snapshots, own, baselineOf(history.versions), {
    accept: accept && entriesOk,
    recordPath,
    reportFileOf: (year) => shownPath(root, reportFile(year, dir)),
    unreadable: loaded.unreadable,
  });
  if (!entriesOk) {
    problems.push(...checked.problems.filter((p) => p.field === '(文件)' || p.field === 'draft'));
    return done();
  }
  problems.push(...checked.problems);
  const text = formatRecordFile(checked.record);
  const clean = !errorsOf([...problems, ...audited]).length;
  if (accept && clean && (!existsSync(recordFile) || readFileSync(recordFile, 'utf8') !== text)) {
    writeFileSync(`${recordFile}.tmp`, text);
    renameSync(`${recordFile}.tmp`, recordFile);
  }
  return done(accept && clean ? checked.recorded : []);
}
