/**
 * Every route path of the site, and the route views pages are made from, as small pure
 * functions (no Astro imports) so they can be tested without a build. Paths here are
 * relative to the site root ('' is the home page); `withBase` adds the deployment's base
 * path. Pages, components, feeds, open data and the search code take their paths from here.
 */
import type { ReportData, SectionData } from '../domain/schema.ts';
import type { Entry } from '../domain/check.ts';
import { REQUIRED_ITEMS, type RequiredItem } from '../domain/items.ts';
import { isWithdrawn, knownPublicationDate, lastCorrection } from '../domain/report.ts';


/** The home page: the latest report, then every year. */
export const homePath = '';
/** A year's whole report: 2023/. */
export const reportPath = (year: number | string) => `${year}/`;
/** A section's page name within its report: section-2. */
export const sectionSlug = (order: number) => `section-${order}`;
/** Id of a section's heading block on the whole-report page. */
export const sectionAnchor = sectionSlug;
/** A section's own page: 2023/section-2/. */
export const sectionPath = (year: number | string, order: number) => `${reportPath(year)}${sectionSlug(order)}/`;
/** A section's place on its whole-report page: 2023/#section-2. */
export const sectionInReportPath = (year: number | string, order: number) => `${reportPath(year)}#${sectionAnchor(order)}`;
/** A report's 版本记录: every publication, correction and withdrawal, with what changed: 2023/history/. */
export const historyPath = (year: number | string) => `${reportPath(year)}history/`;
/** The folder of a report's original files (附件), beside its page: 2024/files/. */
export const attachmentFolder = (year: number | string) => `${reportPath(year)}files/`;
/** One original file's address, its name encoded (a name may hold %, # or spaces): 2024/files/%E6%8A%A5%E5%91%8A.docx. */
export const attachmentPath = (year: number | string, name: string) => `${attachmentFolder(year)}${encodeURIComponent(name)}`;
/** The regulation's five items, and one item across every year. */
export const itemsPath = 'items/';
export const itemPath = (slug: string) => `${itemsPath}${slug}/`;
/** Each year's 主要举措和成效 beside the 下一年度主要安排 of the report before it. */
export const plansPath = `${itemsPath}plans-carried-out/`;
/** 主要数据 across years, and its downloads. */
export const figuresPath = 'figures/';
export const figuresCsvPath = 'figures.csv';
export const figuresJsonPath = 'figures.json';
/** Open data: every published report, and its JSON Schema. */
export const reportsDataPath = 'data/reports.json';
export const reportsSchemaPath = 'data/reports.schema.json';
/** The record of what was published (a chain of entries), and its JSON Schema. */
export const recordDataPath = 'data/record.json';
export const recordSchemaPath = 'data/record.schema.json';
/** Every report's change history, entry by entry, and its JSON Schema. */
export const changesDataPath = 'data/changes.json';
export const changesSchemaPath = 'data/changes.schema.json';
/** The search page; it reads q, year, item and sort from its address. */
export const searchPath = 'search/';
/** 网站地图: every page a reader can reach, grouped; linked from every footer. */
export const siteMapPath = 'sitemap/';
/** 联系我们, when site.config.ts gives its fields rather than an address elsewhere. */
export const contactPath = 'contact/';
/** 无障碍声明: linked from the footer once a page is there (src/pages/accessibility.astro). */
export const accessibilityPath = 'accessibility/';
/** The RSS feed of published reports. */
export const feedPath = 'feed.xml';
/** Files that are not pages: the sitemap (@astrojs/sitemap), the icon (public/), the search index. */
export const sitemapPath = 'sitemap-index.xml';
export const faviconPath = 'favicon.svg';
export const pagefindPath = 'pagefind/';
/** The parameter a search result adds to a section's address to mark the terms there. */
export const HIGHLIGHT_PARAM = 'highlight';

/** A path on the site under the deployment's base path: withBase('/fzbg/', '2023/') is /fzbg/2023/. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

/**
 * A query string for an address, '?q=…&year=…', in the order given and encoded as a form
 * submits it (URLSearchParams); empty and undefined values are left out, and with nothing
 * left so is the '?'.
 */
export function queryString(params: Record<string, string | number | undefined>): string {
  const pairs = Object.entries(params).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]]));
  return pairs.length ? `?${new URLSearchParams(pairs)}` : '';
}

/** A search result's link: the section's address, marking the terms searched for on arrival. */
export const highlightHref = (url: string, terms: readonly string[]) => `${url}${queryString({ [HIGHLIGHT_PARAM]: terms.join(' ') })}`;

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

/**
 * The reports that stand, in the order given: a withdrawn report (撤回) keeps its pages, with
 * the notice, and stays in the sitemap and the open data, since the pages are still there
 * and a public record is never taken down; but it leaves what presents reports as current:
 * the home page's latest report, search, the feed and the comparisons across years.
 */
export function notWithdrawn<R extends { data: Pick<ReportData, 'withdrawn'> }>(reports: readonly R[]): R[] {
  return reports.filter((r) => !isWithdrawn(r.data));
}

/** The date and reason a report was withdrawn with, when it is withdrawn (isWithdrawn). */
export const withdrawalOf = (r: Pick<ReportData, 'withdrawn'>): ReportData['withdrawn'] => (isWithdrawn(r) ? r.withdrawn : undefined);

/**
 * One required item's sections across every year, for comparing them year by year: every
 * item, in the regulation's order, each with its reports newest first and, within a report,
 * its sections in order. Withdrawn reports are left out. An item no report covers has no years.
 */
export function sectionsByItem<R extends ReportView>(reports: readonly R[]): ItemView<R>[] {
  return REQUIRED_ITEMS.map((item) => ({
    item,
    path: itemPath(item.slug),
    years: notWithdrawn(reports)
      .sort((a, b) => b.year - a.year)
      .map((report) => ({ report, sections: report.sections.filter((s) => s.data.items.includes(item.name)) as R['sections'] }))
      .filter((y) => y.sections.length > 0),
  }));
}

export interface ItemView<R extends ReportView = ReportView> {
  item: RequiredItem;
  path: string;
  years: ItemYear<R>[];
}

/** One report's sections on one item. */
export interface ItemYear<R extends ReportView = ReportView> {
  report: R;
  sections: R['sections'];
}

/**
 * Whether a year's plan was carried out: each report's 主要举措和成效 (newest first) beside the
 * 下一年度主要安排 of the latest earlier report that has one, withdrawn reports left out. A
 * year with no earlier plan is not listed.
 */
export function plansAgainstResults<R extends ReportView>(reports: readonly R[]): { results: ItemYear<R>; plan: ItemYear<R> }[] {
  const views = sectionsByItem(reports);
  const yearsOf = (name: RequiredItem['name']) => views.find((v) => v.item.name === name)!.years;
  const plans = yearsOf('下一年度主要安排');
  return yearsOf('主要举措和成效').flatMap((results) => {
    const plan = plans.find((p) => p.report.year < results.report.year);
    return plan ? [{ results, plan }] : [];
  });
}

/**
 * The sitemap's lastmod for a report's pages (the whole report and each section): the latest
 * dated change it is known for, its last correction or else its 发布日期; none when neither
 * is known, since the 成文日期 says nothing of when the page went up.
 */
export function reportLastmod(r: Pick<ReportData, 'publishedOn' | 'corrections'>): string | undefined {
  return lastCorrection(r) ?? knownPublicationDate(r);
}

/**
 * lastmod by page path (with the base path) for every report page and its sections' pages,
 * those with a known date; the sitemap integration looks each page's address up here.
 */
export function lastmodByPath(
  reports: readonly { data: Pick<ReportData, 'year' | 'publishedOn' | 'corrections'> }[],
  sections: readonly { data: Pick<SectionData, 'report' | 'order'> }[],
  base: string,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of reports) {
    const date = reportLastmod(r.data);
    if (!date) continue;
    out.set(withBase(base, reportPath(r.data.year)), date);
    for (const s of sections) if (s.data.report === String(r.data.year)) out.set(withBase(base, sectionPath(r.data.year, s.data.order)), date);
  }
  return out;
}

/**
 * The file a page's address is written to below the output folder, as Astro names it in the
 * directory format: /fzbg/2023/ → 2023/index.html; its status pages, /fzbg/404/ → 404.html;
 * none outside the base.
 */
export function outputFileOf(pathname: string, base: string): string | undefined {
  const root = base.endsWith('/') ? base : `${base}/`;
  if (!pathname.startsWith(root)) return undefined;
  const rel = pathname.slice(root.length);
  const status = /^(404|500)\/?$/.exec(rel);
  if (status) return `${status[1]}.html`;
  return rel === '' || rel.endsWith('/') ? `${rel}index.html` : `${rel}.html`;
}
