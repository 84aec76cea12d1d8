/**
 * What a built site must show, derived from the content it was built from: the published
 * reports newest first with their sections, each page's address, and each entry's text as a
 * reader sees it. Tests compare the build with this, so they hold for any bureau's content
 * and any number of years.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../../scripts/lib/content.ts';
import { buildReportViews, historyPath, itemPath, reportPath, type ReportView } from '../../src/utils/routes.ts';
import { REQUIRED_ITEMS } from '../../src/domain/items.ts';
import { printedHeading, signatureLines } from '../../src/domain/report.ts';
import { bodyText } from '../../src/domain/body.ts';
import type { Entry } from '../../src/domain/check.ts';
import type { ReportData, SectionData } from '../../src/domain/schema.ts';
import { normaliseLines } from './site';

export type ExpectedReport = ReportView<Entry<ReportData>, Entry<SectionData>>;

export interface ExpectedSite {
  /** Published reports, newest first, each with its sections in order. */
  reports: ExpectedReport[];
  /** Every page a reader can reach, as paths relative to the site root ('' is the home page). */
  pages: string[];
}

export function expectedSite(contentDir: string): ExpectedSite {
  const { reports, sections, problems } = loadContent(contentDir);
  if (problems.length) throw new Error(`fixture content is invalid: ${JSON.stringify(problems)}`);
  const published = reports.filter((r) => !r.data.draft);
  const years = new Set(published.map((r) => String(r.data.year)));
  const views = buildReportViews(
    published,
    sections.filter((s) => years.has(s.data.report)),
  );
  const pages = [
    '',
    'search/',
    'figures/',
    'items/',
    ...REQUIRED_ITEMS.map((i) => itemPath(i.slug)),
    ...views.flatMap((r) => [r.path, ...r.sections.map((s) => s.path), historyPath(r.year)]),
  ];
  return { reports: views, pages };
}

/** A section body as the lines a reader sees: paragraphs, sub-headings, one line per table cell. */
export function bodyLines(mdx: string | undefined): string[] {
  return normaliseLines(bodyText(mdx ?? '').join('\n').replace(/\t/g, '\n'));
}

/** The whole report's text as printed on its page: preface, each part with its heading, the signature. */
export function reportLines(r: ExpectedReport): string[] {
  return [
    ...bodyLines(r.entry.body),
    ...r.sections.flatMap((s) => [printedHeading(s.data), ...bodyLines(s.entry.body)]),
    ...signatureLines(r.data),
  ];
}

/** The source texts kept beside a content folder (sources/YYYY.txt), by year. */
export function sourceTexts(dir: string): Map<number, string[]> {
  if (!existsSync(dir)) return new Map();
  return new Map(
    readdirSync(dir)
      .filter((f) => /^\d{4}\.txt$/.test(f))
      .sort()
      .map((f) => [Number(f.slice(0, 4)), normaliseLines(readFileSync(join(dir, f), 'utf8'))]),
  );
}

export { reportPath };

/** The sections whose text contains a term, newest year first: what a search for it must find. */
export function sectionsContaining(site: ExpectedSite, term: string) {
  return site.reports.flatMap((r) =>
    r.sections.filter((s) => [printedHeading(s.data), ...bodyLines(s.entry.body)].join('\n').includes(term)),
  );
}

/** How a search result names a section: its year, then its printed heading. */
export const resultTitle = (s: { year: number; data: Pick<SectionData, 'label' | 'heading'> }) => `${s.year}年 · ${printedHeading(s.data)}`;
