/**
 * What goes in a page's <head> besides its title: canonical address, Open Graph, the
 * 《政府网站发展指引》 meta names on report and section pages, and schema.org JSON-LD.
 * Pure functions (no Astro imports) so they can be tested without a build; routeData
 * (route-data.ts) puts the result in a page's route data and Page.astro only renders it.
 *
 * A withdrawn report's pages say so in their description and JSON-LD, and are not marked
 * noindex: as GOV.UK does with withdrawn publications, the public record stays findable at its
 * address, and a reader who arrives from a search engine meets the notice first.
 */
import type { ReportData } from '../domain/schema';
import { isWithdrawn, knownPublicationDate, lastCorrection, printedHeading, publishedDate } from '../domain/report';
import { feedPath, reportPath, withBase, withdrawalOf } from './routes';
import { ui } from '../i18n/ui';

/** The report a page shows, and the section when the page is one section of it. */
export interface DocInfo {
  report: ReportData;
  section?: { label: string; heading: string; items?: readonly string[] };
}

export interface HeadInput {
  /** Astro.site: the site's public address, when configured (SITE_URL or site.config.ts url). */
  site?: URL | string;
  /** import.meta.env.BASE_URL, e.g. '/' or '/fzbg/'. */
  base: string;
  /** Astro.url.pathname: the page's path including the base path. */
  pathname: string;
  /** The page's own title (without the site name); omitted on the home page. */
  title?: string;
  description?: string;
  bureau: string;
  siteName: string;
  /** 网站标识码, when issued. */
  siteCode?: string;
  doc?: DocInfo;
  /** The 404 page has no address of its own: no canonical, no og:url. */
  notFound?: boolean;
}

/** One <meta>: `name` for plain and government names, `property` for Open Graph. */
export type MetaTag = { name: string; content: string } | { property: string; content: string };

export interface HeadMeta {
  /** Absolute when the site's address is known, else the path. */
  canonical?: string;
  meta: MetaTag[];
  /** JSON-LD text, safe inside <script type="application/ld+json">. */
  jsonLd?: string;
  feedHref: string;
  feedTitle: string;
}

/** The site's full name as in the home page title: bureau and site name. */
export const fullSiteName = (bureau: string, siteName: string) => `${bureau}${siteName}`;

/** Absolute address of a path on the site, or undefined when the site's address is not known. */
export function absoluteUrl(site: URL | string | undefined, path: string): string | undefined {
  return site ? new URL(path, site).href : undefined;
}

/** Kept here for the callers that read them with the head metadata; they live in src/domain/report.ts. */
export { knownPublicationDate, publishedDate };

/** The title a document is known by: the report's, or for a section its printed heading. */
export function docTitle(doc: DocInfo): string {
  return doc.section ? printedHeading(doc.section) : doc.report.title;
}

/** The description of a report page, or of one section's page; a withdrawn report's begins by saying so. */
export function docDescription(doc: DocInfo): string {
  const r = doc.report;
  const description = doc.section
    ? ui.sectionDescription(r.title, printedHeading(doc.section))
    : ui.reportDescription(r.title, r.agency, r.signedOn);
  const withdrawal = withdrawalOf(r);
  return withdrawal ? ui.withdrawnDescription(withdrawal.date, withdrawal.reason, description) : description;
}

/**
 * Keywords: the report's own 关键词 when it states them, then the site's, the year, the
 * agency, the topic and, for a section, its item; no repeats.
 */
export function docKeywords(doc: DocInfo): string {
  const r = doc.report;
  const words = [...(r.keywords ?? []), ...ui.keywordsBase.split(','), ui.yearReport(r.year), r.agency, r.topic, ...(doc.section?.items ?? [])];
  return [...new Set(words.filter((w): w is string => Boolean(w)))].join(',');
}

/**
 * schema.org JSON-LD for a report (or one section of it): a `Report` published by the
 * bureau, part of the site; a section is also part of the whole report.
 */
export function reportJsonLd(input: HeadInput & { doc: DocInfo }): Record<string, unknown> {
  const { doc, site, base } = input;
  const r = doc.report;
  const siteUrl = absoluteUrl(site, base);
  const url = absoluteUrl(site, input.pathname);
  const reportUrl = absoluteUrl(site, withBase(base, reportPath(r.year)));
  const website = { '@type': 'WebSite', name: fullSiteName(input.bureau, input.siteName), ...(siteUrl && { url: siteUrl }) };
  const modified = lastCorrection(r);
  const title = docTitle(doc);
  return {
    '@context': 'https://schema.org',
    '@type': 'Report',
    name: title,
    headline: title,
    ...(url && { url }),
    inLanguage: 'zh-CN',
    description: input.description ?? docDescription(doc),
    keywords: docKeywords(doc),
    // Only a stated 发布日期 is a publication date; the 成文日期 is when it was written.
    ...(knownPublicationDate(r) && { datePublished: knownPublicationDate(r) }),
    dateCreated: r.signedOn,
    ...(modified && { dateModified: modified }),
    // schema.org has no withdrawal date; the status says it, the description gives date and reason.
    ...(isWithdrawn(r) ? { creativeWorkStatus: 'Withdrawn' } : r.validity ? { creativeWorkStatus: r.validity } : {}),
    ...(identifiers(r).length && { identifier: identifiers(r) }),
    author: { '@type': 'GovernmentOrganization', name: r.agency },
    publisher: { '@type': 'GovernmentOrganization', name: input.bureau, ...(siteUrl && { url: siteUrl }) },
    isPartOf: doc.section
      ? [{ '@type': 'Report', name: r.title, ...(reportUrl && { url: reportUrl }) }, website]
      : website,
  };
}

/**
 * The report's 索引号 and 文号 as schema.org PropertyValues, those it states; 有效性 is not an
 * identifier and goes in creativeWorkStatus only when the report is not withdrawn.
 */
function identifiers(r: ReportData): { '@type': 'PropertyValue'; name: string; value: string }[] {
  const pairs: [string, string | undefined][] = [
    [ui.indexNumber, r.indexNumber],
    [ui.documentNumber, r.documentNumber],
  ];
  return pairs.flatMap(([name, value]) => (value ? [{ '@type': 'PropertyValue' as const, name, value }] : []));
}

/**
 * JSON that cannot end the <script> element it sits in nor start markup: `<`, `>` and `&`
 * are written as \u escapes (still the same JSON), and so are U+2028/U+2029.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Everything Page.astro puts in <head> besides charset, viewport, title and the icon. */
export function headMeta(input: HeadInput): HeadMeta {
  const { doc } = input;
  const siteFull = fullSiteName(input.bureau, input.siteName);
  const description = input.description ?? (doc ? docDescription(doc) : ui.siteDescription(input.bureau));
  const canonical = input.notFound ? undefined : (absoluteUrl(input.site, input.pathname) ?? input.pathname);
  const absolute = canonical && /^https?:/.test(canonical) ? canonical : undefined;
  const ogTitle = doc ? docTitle(doc) : (input.title ?? siteFull);
  const meta: MetaTag[] = [];

  if (doc) {
    // 《政府网站发展指引》 page metadata, in its order. Description doubles as the plain
    // description (meta names are case-insensitive, so writing both would repeat it).
    const r = doc.report;
    const host = input.site ? new URL(input.site).host : undefined;
    const gov: [string, string | undefined][] = [
      ['SiteName', siteFull],
      ['SiteDomain', host],
      ['SiteIDCode', input.siteCode],
      ['ColumnName', ui.columnName],
      ['ArticleTitle', docTitle(doc)],
      ['PubDate', knownPublicationDate(r)],
      ['ContentSource', r.agency],
      ['Keywords', docKeywords(doc)],
      ['Description', description],
      ['Url', absolute],
    ];
    for (const [name, content] of gov) if (content) meta.push({ name, content });
  } else {
    meta.push({ name: 'description', content: description });
  }

  const og: [string, string | undefined][] = [
    ['og:title', ogTitle],
    ['og:type', doc ? 'article' : 'website'],
    ['og:url', absolute],
    ['og:site_name', siteFull],
    ['og:locale', 'zh_CN'],
    ['og:description', description],
  ];
  if (doc) {
    og.push(['article:published_time', knownPublicationDate(doc.report)], ['article:modified_time', lastCorrection(doc.report)]);
  }
  for (const [property, content] of og) if (content) meta.push({ property, content });

  return {
    canonical,
    meta,
    jsonLd: doc ? jsonForScript(reportJsonLd({ ...input, doc, description })) : undefined,
    feedHref: withBase(input.base, feedPath),
    feedTitle: ui.feedTitle(siteFull),
  };
}
