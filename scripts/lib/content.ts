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
import { signatureLines } from '../../src/domain/report.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

export function contentDir(): string {
  return resolve(ROOT, process.env.CONTENT_DIR ?? 'src/content');
}

export interface RawEntry {
  id: string;
  filePath: string;
  frontmatter: Record<string, unknown>;
  body: string;
}

export function readEntries(dir: string, depth: 1 | 2): RawEntry[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx') && f.split(/[\\/]/).length === depth)
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

export function loadContent(dir = contentDir()): LoadedContent {
  const problems: Problem[] = [];
  function parse<T>(raw: RawEntry, schema: { safeParse(v: unknown): { success: boolean; data?: T; error?: { issues: { path: PropertyKey[]; message: string }[] } } }) {
    const r = schema.safeParse(raw.frontmatter);
    if (r.success) return [{ id: raw.id, filePath: raw.filePath, data: r.data!, body: raw.body }];
    for (const i of r.error!.issues) problems.push({ file: raw.filePath, field: i.path.join('.') || '(frontmatter)', message: i.message });
    return [];
  }
  const reports = readEntries(join(dir, 'reports'), 1).flatMap((r) => parse<ReportData>(r, reportSchema));
  const sections = readEntries(join(dir, 'sections'), 2).flatMap((s) => parse<SectionData>(s, sectionSchema));
  return { reports, sections, problems };
}

/**
 * Digest of a report's published text: preface, every section's printed heading and body,
 * the signature. Metadata (dates, items, corrections) is not text and does not count.
 */
export function textDigest(report: Entry<ReportData>, sections: readonly Entry<SectionData>[]): string {
  const norm = (s = '') => s.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trimEnd()).join('\n').trim();
  const parts = [
    norm(report.body),
    ...[...sections]
      .filter((s) => s.data.report === String(report.data.year))
      .sort((a, b) => a.data.order - b.data.order)
      .map((s) => `${s.data.numeral}、${s.data.heading}\n${norm(s.body)}`),
    signatureLines(report.data).join('\n'),
  ];
  return `sha256:${createHash('sha256').update(parts.join('\n\n')).digest('hex')}`;
}
