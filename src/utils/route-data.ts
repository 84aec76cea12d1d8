/**
 * A page's route data as one object, made by one pure function (no Astro imports): its
 * document title, head metadata, the site's names and footer, the site navigation with the
 * current page marked, breadcrumbs, and on a section's page the pager and the edit link. Pages call `routeData`
 * once and hand the result to Page.astro and the components, which only read it.
 *
 * A withdrawn report's pages (and its sections' pages) carry the withdrawal for the notice,
 * say 已撤回 in their title, and are not searchable.
 */
import { printedHeading } from '../domain/report';
import type { RequiredItem } from '../domain/items';
import { ui } from '../i18n/ui';
import { fullSiteName, headMeta, type HeadMeta } from './meta';
import { faviconPath, figuresPath, homePath, itemsPath, searchPath, withBase, withdrawalOf, type ReportView, type SectionView } from './routes';
import type { ReportData } from '../domain/schema';

/** What every page shares: the deployment, the page's own address, the site configuration. */
export interface SiteContext {
  /** The site's public address, when configured (SITE_URL or site.config.ts url). */
  site?: URL | string;
  /** The base path, e.g. '/' or '/fzbg/'. */
  base: string;
  /** The page's path including the base path, e.g. '/fzbg/2023/'. */
  pathname: string;
  bureau: string;
  siteName: string;
  /** 网站标识码, when issued. */
  siteCode?: string;
  /** Prefix of a source file's address in the repository, when configured. */
  editUrl?: string;
  /** The footer's registrations (主办单位, 网站标识码 …), only those configured, in order. */
  footer?: { label: string; value: string }[];
}

/** Which page this is, with what it shows. */
export type Route =
  | { kind: 'home' }
  | { kind: 'report'; report: ReportView }
  | { kind: 'section'; report: ReportView; section: SectionView<{ filePath: string }> }
  | { kind: 'items' }
  | { kind: 'item'; item: RequiredItem }
  | { kind: 'figures' }
  | { kind: 'search' }
  | { kind: 'not-found' };

export interface Link {
  href: string;
  label: string;
}

/** A breadcrumb; the last one, the current page, has no link. */
export interface Crumb {
  label: string;
  href?: string;
}

export interface NavLink extends Link {
  /** This link is the page being shown. */
  current: boolean;
}

export interface RouteData {
  kind: Route['kind'];
  /** The <title>: the page's own title and the site name, or on the home page bureau and site name. */
  title: string;
  head: HeadMeta & {
    /** The page's full address for the printed page and rel=canonical; only when the site's address is known. */
    printUrl?: string;
    iconHref: string;
  };
  /** The header's names and the footer's registrations, as site.config.ts gives them. */
  site: { bureau: string; siteName: string; footer: { label: string; value: string }[] };
  homeHref: string;
  nav: NavLink[];
  /** Empty on pages that show no breadcrumbs. */
  breadcrumbs: Crumb[];
  /** On a section's page: its neighbours in the same report and the way back to the whole report. */
  pager?: { prev?: Link; next?: Link; back: Link };
  /** On a section's page, when the repository is configured: where to edit its source file. */
  editHref?: string;
  /** Report and section pages show 打印. */
  printable: boolean;
  /** On the pages of a withdrawn report: the date and reason its notice states. */
  withdrawn?: NonNullable<ReportData['withdrawn']>;
  /** Search indexes only sections' pages, and not those of a withdrawn report. */
  searchable: boolean;
}

/** The route data of one page. */
export function routeData(route: Route, ctx: SiteContext): RouteData {
  const href = (path: string) => withBase(ctx.base, path);
  const homeHref = href(homePath);
  const home: Crumb = { label: ui.home, href: homeHref };
  const withdrawn = route.kind === 'report' || route.kind === 'section' ? withdrawalOf(route.report.data) : undefined;
  const title = ownTitle(route);
  const own = title && withdrawn ? ui.withdrawnTitle(title) : title;
  const doc =
    route.kind === 'report'
      ? { report: route.report.data }
      : route.kind === 'section'
        ? { report: route.report.data, section: route.section.data }
        : undefined;
  const head = headMeta({
    site: ctx.site,
    base: ctx.base,
    pathname: ctx.pathname,
    title: own,
    bureau: ctx.bureau,
    siteName: ctx.siteName,
    siteCode: ctx.siteCode,
    doc,
    notFound: route.kind === 'not-found',
  });
  return {
    kind: route.kind,
    title: own ? `${own} - ${ctx.siteName}` : fullSiteName(ctx.bureau, ctx.siteName),
    head: { ...head, printUrl: fullAddress(head.canonical), iconHref: href(faviconPath) },
    site: { bureau: ctx.bureau, siteName: ctx.siteName, footer: ctx.footer ?? [] },
    homeHref,
    nav: siteNav(href, ctx.pathname),
    breadcrumbs: breadcrumbs(route, home, href),
    pager: route.kind === 'section' ? pager(route.section, href(route.report.path), href) : undefined,
    editHref: route.kind === 'section' && ctx.editUrl ? ctx.editUrl + route.section.entry.filePath : undefined,
    printable: route.kind === 'report' || route.kind === 'section',
    withdrawn,
    searchable: route.kind === 'section' && !withdrawn,
  };
}

/** The page's own title, before the site name; none on the home page. */
function ownTitle(route: Route): string | undefined {
  switch (route.kind) {
    case 'home':
      return undefined;
    case 'report':
      return route.report.data.title;
    case 'section':
      return `${printedHeading(route.section.data)} - ${ui.yearReport(route.report.year)}`;
    case 'items':
      return ui.itemsTitle;
    case 'item':
      return route.item.full;
    case 'figures':
      return ui.figuresTitle;
    case 'search':
      return ui.searchTitle;
    case 'not-found':
      return ui.notFoundTitle;
  }
}

/** The header's links, the one for this page marked current. */
function siteNav(href: (path: string) => string, pathname: string): NavLink[] {
  return [
    { label: ui.home, href: href(homePath) },
    { label: ui.figures, href: href(figuresPath) },
    { label: ui.itemsTitle, href: href(itemsPath) },
    { label: ui.searchTitle, href: href(searchPath) },
  ].map((l) => ({ ...l, current: l.href === pathname }));
}

/** Where the page sits: 首页 › 2023年报告 › 第一部分. */
function breadcrumbs(route: Route, home: Crumb, href: (path: string) => string): Crumb[] {
  switch (route.kind) {
    case 'report':
      return [home, { label: ui.yearReport(route.report.year) }];
    case 'section':
      return [
        home,
        { label: ui.yearReport(route.report.year), href: href(route.report.path) },
        { label: ui.partNumber(route.section.data.numeral) },
      ];
    case 'items':
      return [home, { label: ui.itemsTitle }];
    case 'item':
      return [home, { label: ui.itemsTitle, href: href(itemsPath) }, { label: route.item.name }];
    case 'figures':
      return [home, { label: ui.figuresTitle }];
    default:
      return [];
  }
}

/** A section's previous and next section in its report, by printed heading, and the way back. */
function pager(section: SectionView, reportHref: string, href: (path: string) => string): NonNullable<RouteData['pager']> {
  const link = (s: SectionView | undefined) => s && { href: href(s.path), label: printedHeading(s.data) };
  return { prev: link(section.prev), next: link(section.next), back: { href: reportHref, label: ui.backToReport } };
}

/** A canonical address that is a full address (http…), else undefined. */
function fullAddress(canonical: string | undefined): string | undefined {
  return canonical && /^https?:/.test(canonical) ? canonical : undefined;
}
