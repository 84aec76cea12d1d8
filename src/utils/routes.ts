/**
 * Route data for the pages, as small pure functions (no Astro imports) so they can be
 * tested without a build. Paths here are relative to the site root; `withBase` adds the
 * deployment's base path.
 */
import type { ReportData, SectionData } from '../domain/schema';
import type { Entry } from '../domain/check';
import { REQUIRED_ITEMS, type RequiredItem } from '../domain/items';

export const reportPath = (year: number | string) => `${year}/`;
export const sectionSlug = (order: number) => `section-${order}`;
/** Id of a section's heading block on the whole-report page. */
export const sectionAnchor = sectionSlug;
export const sectionPath = (year: number | string, order: number) => `${year}/${sectionSlug(order)}/`;

export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

export interface SectionView<S = unknown> {
  entry: S;
  year: number;
  data: SectionData;
  slug: string;
  path: string;
  anchor: string;
  prev?: SectionView<S>;
  next?: SectionView<S>;
}

export interface ReportView<R = unknown, S = unknown> {
  entry: R;
  year: number;
  data: ReportData;
  path: string;
  sections: SectionView<S>[];
}

/**
 * Groups sections under their reports: reports newest first, sections in order, each section
 * linked to its neighbours within the same report.
 */
export function buildReportViews<R extends Entry<ReportData>, S extends Entry<SectionData>>(
  reports: readonly R[],
  sections: readonly S[],
): ReportView<R, S>[] {
  return [...reports]
    .sort((a, b) => b.data.year - a.data.year)
    .map((r) => {
      const year = r.data.year;
      const list: SectionView<S>[] = sections
        .filter((s) => s.data.report === String(year))
        .sort((a, b) => a.data.order - b.data.order)
        .map((s) => ({
          entry: s,
          year,
          data: s.data,
          slug: sectionSlug(s.data.order),
          path: sectionPath(year, s.data.order),
          anchor: sectionAnchor(s.data.order),
        }));
      list.forEach((s, i) => {
        s.prev = list[i - 1];
        s.next = list[i + 1];
      });
      return { entry: r, year, data: r.data, path: reportPath(year), sections: list };
    });
}

/** The heading as printed in the report: 一、深入学习…… */
export const printedHeading = (s: Pick<SectionData, 'numeral' | 'heading'>) => `${s.numeral}、${s.heading}`;

export const itemsPath = 'items/';
export const itemPath = (slug: string) => `items/${slug}/`;
export const figuresPath = 'figures/';
export const feedPath = 'feed.xml';

/**
 * One required item's sections across every year, for comparing them year by year: every
 * item, in the regulation's order, each with its reports newest first and, within a report,
 * its sections in order. An item no report covers has no years.
 */
export function sectionsByItem<R extends ReportView>(reports: readonly R[]): ItemView<R>[] {
  return REQUIRED_ITEMS.map((item) => ({
    item,
    path: itemPath(item.slug),
    years: [...reports]
      .sort((a, b) => b.year - a.year)
      .map((report) => ({ report, sections: report.sections.filter((s) => s.data.item === item.name) as R['sections'] }))
      .filter((y) => y.sections.length > 0),
  }));
}

export interface ItemView<R extends ReportView = ReportView> {
  item: RequiredItem;
  path: string;
  years: { report: R; sections: R['sections'] }[];
}
