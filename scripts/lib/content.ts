/**
 * Content entries read from disk for the scripts (check, new) and the tests, parsed and
 * validated exactly as the build does: Astro's frontmatter parser, the domain's schemas.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { reportSchema, sectionSchema, type ReportData, type SectionData } from '../../src/domain/schema.ts';
import type { Entry, Problem } from '../../src/domain/check.ts';
import { printedHeading, signatureLines } from '../../src/domain/report.ts';
import type { Attachment } from '../../src/domain/attachments.ts';
import { contentDirOf, matchesPattern, REPORT_PATTERN, reportsRoot, SECTION_PATTERN, sectionsRoot } from '../../src/domain/layout.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

/** The content folder: CONTENT_DIR, else src/content. */
export function contentDir(): string {
  return resolve(ROOT, contentDirOf(process.env));
}

export interface RawEntry {
  id: string;
  filePath: string;
  frontmatter: Record<string, unknown>;
  body: string;
}

/** The entries in a collection's folder whose paths match its pattern (REPORT_PATTERN, SECTION_PATTERN), by path. */
export function readEntries(dir: string, pattern: string): RawEntry[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => matchesPattern(f, pattern))
    .sort()
    .map((f) => {
      const full = join(dir, f);
      const { frontmatter, content } = parseFrontmatter(readFileSync(full, 'utf8'));
      return {
        id: f.replace(/\.mdx$/, '').split('\\').join('/'),
        filePath: relative(ROOT, full).split('\\').join('/'),
        frontmatter,
        body: content,
      };
    });
}

export interface LoadedContent {
  reports: Entry<ReportData>[];
  sections: Entry<SectionData>[];
  /** Schema violations, one per field, as the build reports them. */
  problems: Problem[];
}

/** Every report and section entry of a content folder, validated by the schemas. */
export function loadContent(dir = contentDir()): LoadedContent {
  const problems: Problem[] = [];
  function parse<T>(raw: RawEntry, schema: { safeParse(v: unknown): { success: boolean; data?: T; error?: { issues: { path: PropertyKey[]; message: string }[] } } }) {
    const r = schema.safeParse(raw.frontmatter);
    if (r.success) return [{ id: raw.id, filePath: raw.filePath, data: r.data!, body: raw.body }];
    for (const i of r.error!.issues) problems.push({ file: raw.filePath, field: i.path.join('.') || '(frontmatter)', message: i.message });
    return [];
  }
  const reports = readEntries(reportsRoot(dir), REPORT_PATTERN).flatMap((r) => parse<ReportData>(r, reportSchema));
  const sections = readEntries(sectionsRoot(dir), SECTION_PATTERN).flatMap((s) => parse<SectionData>(s, sectionSchema));
  return { reports, sections, problems };
}

/**
 * Digest of a report's published text: preface, every section's printed heading and body,
 * the signature, and the name and SHA-256 of each 附件 (original file) published with it.
 * Metadata (dates, items, corrections) is not text and does not count.
 */
export function textDigest(
  report: Entry<ReportData>,
  sections: readonly Entry<SectionData>[],
  attachments: readonly Pick<Attachment, 'name' | 'sha256'>[] = [],
): string {
  const norm = (s = '') => s.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trimEnd()).join('\n').trim();
  const parts = [
    norm(report.body),
    ...[...sections]
      .filter((s) => s.data.report === String(report.data.year))
      .sort((a, b) => a.data.order - b.data.order)
      .map((s) => `${printedHeading(s.data)}\n${norm(s.body)}`),
    signatureLines(report.data).join('\n'),
    // Left out when there are none, so digests recorded before attachments existed still hold.
    ...(attachments.length ? [attachments.map((a) => `附件 ${a.name} sha256:${a.sha256}`).join('\n')] : []),
  ];
  return `sha256:${createHash('sha256').update(parts.join('\n\n')).digest('hex')}`;
}
