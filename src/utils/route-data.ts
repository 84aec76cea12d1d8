/**
 * A page's route data as one object, made by one pure function (no Astro imports): its
 * document title, head metadata, the site's names and footer, the site navigation with the
 * current page marked, breadcrumbs, and on a section's page the pager and the edit link;
 * the footer's registrations and links (网站地图 always; 联系我们, 找错, 互动, 无障碍声明 and the
 * 党政机关网站标识 when configured), the header's 上级网站 link, and the 网站地图's groups. Pages call `routeData`
 * once and hand the result to Page.astro and the components, which only read it.
 *
 * A withdrawn report's pages (and its sections' pages) carry the withdrawal for the notice,
 * say 已撤回 in their title, and are not searchable.
 */
import { printedHeading } from '../domain/report';
import type { RequiredItem } from '../domain/items';
import { compareText, ui } from '../i18n/ui';
import { absoluteUrl, fullSiteName, headMeta, type HeadMeta } from './meta';
import {
  accessibilityPath,
  contactPath,
  faviconPath,
  figuresPath,
  historyPath,
  homePath,
  itemsPath,
  plansPath,
  searchPath,
  sectionsByItem,
  siteMapPath,
  withBase,
  withdrawalOf,
  type ReportView,
  type SectionView,
} from './routes';
import type { ReportData } from '../domain/schema';
import { toEdition, type Edition } from './edition';
import type { FooterRow, SiteLinks } from '../domain/site';

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
  footer?: FooterRow[];
  /** The footer's and header's links from site.config.ts (siteLinks), those configured. */
  links?: SiteLinks;
  /** Whether the site has a 无障碍声明 page (src/pages/accessibility.astro). */
  accessibilityPage?: boolean;
}

/** Which page this is, with what it shows. */
export type Route =
  | { kind: 'home' }
  | { kind: 'report'; report: ReportView }
  | { kind: 'section'; report: ReportView; section: SectionView<{ filePath: string }> }
  | { kind: 'history'; report: ReportView }
  | { kind: 'items' }
  | { kind: 'item'; item: RequiredItem }
  | { kind: 'plans' }
  | { kind: 'figures' }
  | { kind: 'search' }
  | { kind: 'sitemap'; reports: readonly ReportView[] }
  | { kind: 'contact' }
  | { kind: 'accessibility' }
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

/** A 网站地图 entry: a page, and the pages under it (a report's sections). */
export interface SiteMapEntry extends Link {
  children?: Link[];
}

export interface SiteMapGroup {
  heading: string;
  entries: SiteMapEntry[];
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
  site: {
    bureau: string;
    siteName: string;
    footer: FooterRow[];
    /** 党政机关网站标识: the image (under the base path) and its link, as issued. */
    badge?: { src: string; href: string; alt: string };
    /** The portal this site is a 专栏 of, linked in the header. */
    parent?: Link;
  };
  /** The footer's links: 网站地图 always, then those configured, in order. */
  footerLinks: NavLink[];
  /** On the 网站地图: every page a reader can reach, in groups. */
  siteMap?: SiteMapGroup[];
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
  /**
   * This page in each edition (简体 and its 繁體 copy, src/utils/edition.ts): `href` for the
   * 简/繁 switch, `address` for the hreflang links (full when the site's address is known).
   * The 404 page has no address of its own: it points to each edition's home page.
   */
  /** Each edition's link, and its full address when the site's address is known. */
  editions: Record<Edition, { href: string; address?: string }>;
}

type Kind = Route['kind'];
type RouteOf<K extends Kind> = Extract<Route, { kind: K }>;
type Href = (path: string) => string;

/**
 * What each kind of page is, in one table: its own title (none on the home page), where it
 * sits (its breadcrumbs after 首页; none where a page shows none), the report it is a page of,
 * and whether it is printed as an official document.
 */
interface PageKind<K extends Kind> {
  title(route: RouteOf<K>): string | undefined;
  crumbs?(route: RouteOf<K>, href: Href): Crumb[];
  report?(route: RouteOf<K>): ReportView;
  printable?: boolean;
}

const yearCrumb = (r: ReportView, href?: Href): Crumb => ({ label: ui.yearReport(r.year), ...(href ? { href: href(r.path) } : {}) });
const only = (label: string) => () => [{ label }];

const PAGE_KINDS: { [K in Kind]: PageKind<K> } = {
  home: { title: () => undefined },
  report: { title: (r) => r.report.data.title, crumbs: (r) => [yearCrumb(r.report)], report: (r) => r.report, printable: true },
  section: {
    title: (r) => `${printedHeading(r.section.data)} - ${ui.yearReport(r.report.year)}`,
    crumbs: (r, href) => [yearCrumb(r.report, href), { label: ui.partNumber(r.section.data.order) }],
    report: (r) => r.report,
    printable: true,
  },
  history: { title: (r) => ui.historyTitle(r.report.year), crumbs: (r, href) => [yearCrumb(r.report, href), { label: ui.history }], report: (r) => r.report },
  items: { title: () => ui.itemsTitle, crumbs: only(ui.itemsTitle) },
  item: { title: (r) => r.item.full, crumbs: (r, href) => [{ label: ui.itemsTitle, href: href(itemsPath) }, { label: r.item.name }] },
  plans: { title: () => compareText.plansTitle, crumbs: (_, href) => [{ label: ui.itemsTitle, href: href(itemsPath) }, { label: compareText.plansShort }] },
  figures: { title: () => ui.figuresTitle, crumbs: only(ui.figuresTitle) },
  search: { title: () => ui.searchTitle },
  sitemap: { title: () => ui.siteMap, crumbs: only(ui.siteMap) },
  contact: { title: () => ui.contactUs, crumbs: only(ui.contactUs) },
  accessibility: { title: () => ui.accessibility, crumbs: only(ui.accessibility) },
  'not-found': { title: () => ui.notFoundTitle },
};

/** The table's row for a route, typed for it. */
const pageKind = <K extends Kind>(route: RouteOf<K>) => PAGE_KINDS[route.kind] as unknown as PageKind<K>;

/** The route data of one page. */
export function routeData(route: Route, ctx: SiteContext): RouteData {
  const href = (path: string) => withBase(ctx.base, path);
  const homeHref = href(homePath);
  const kind = pageKind(route);
  const report = kind.report?.(route);
  const withdrawn = report ? withdrawalOf(report.data) : undefined;
  const title = kind.title(route);
  const own = title && withdrawn ? ui.withdrawnTitle(title) : title;
  const doc = route.kind === 'report' ? { report: route.report.data } : route.kind === 'section' ? { report: route.report.data, section: route.section.data } : undefined;
  const head = headMeta({ site: ctx.site, base: ctx.base, pathname: ctx.pathname, title: own, bureau: ctx.bureau, siteName: ctx.siteName, siteCode: ctx.siteCode, doc, notFound: route.kind === 'not-found' });
  const crumbs = kind.crumbs?.(route, href);
  return {
    kind: route.kind,
    title: own ? `${own} - ${ctx.siteName}` : fullSiteName(ctx.bureau, ctx.siteName),
    head: { ...head, printUrl: fullAddress(head.canonical), iconHref: href(faviconPath) },
    site: siteNames(ctx, href),
    homeHref,
    nav: siteNav(href, ctx.pathname),
    footerLinks: footerLinks(ctx, href),
    siteMap: route.kind === 'sitemap' ? siteMapGroups(route.reports, ctx, href) : undefined,
    breadcrumbs: crumbs ? [{ label: ui.home, href: homeHref }, ...crumbs] : [],
    pager: route.kind === 'section' ? pager(route.section, href(route.report.path), href) : undefined,
    editHref: route.kind === 'section' && ctx.editUrl ? ctx.editUrl + route.section.entry.filePath : undefined,
    printable: Boolean(kind.printable),
    withdrawn,
    searchable: route.kind === 'section' && !withdrawn,
    editions: editions(route.kind === 'not-found' ? homeHref : ctx.pathname, ctx),
  };
}

/** A page's path in both editions, and their addresses. */
function editions(pathname: string, ctx: SiteContext): RouteData['editions'] {
  const one = (e: Edition) => {
    const href = toEdition(pathname, e, ctx.base);
    return { href, address: absoluteUrl(ctx.site, href) };
  };
  return { hans: one('hans'), hant: one('hant') };
}

/** The header's names, the footer's registrations, the 党政机关网站标识 and the 上级网站 link. */
function siteNames(ctx: SiteContext, href: (path: string) => string): RouteData['site'] {
  const { badge, parentSite } = ctx.links ?? {};
  return {
    bureau: ctx.bureau,
    siteName: ctx.siteName,
    footer: ctx.footer ?? [],
    ...(badge && { badge: { src: href(badge.image), href: badge.href, alt: ui.badgeAlt } }),
    ...(parentSite && { parent: { href: parentSite.url, label: parentSite.name } }),
  };
}

/**
 * The footer's links, in order: 网站地图 (always), 联系我们 (the site's page or an address
 * elsewhere), 我为政府网站找错, the 互动 channel, 无障碍声明 (once its page exists).
 */
function footerLinks(ctx: SiteContext, href: (path: string) => string): NavLink[] {
  const l = ctx.links;
  const contact = l?.contactUrl ?? (l?.contactPage ? href(contactPath) : undefined);
  const links: [string, string | undefined][] = [
    [ui.siteMap, href(siteMapPath)],
    [ui.contactUs, contact],
    [ui.errorReport, l?.errorReportUrl],
    [l?.interaction?.label ?? '', l?.interaction?.url],
    [ui.accessibility, ctx.accessibilityPage ? href(accessibilityPath) : undefined],
  ];
  return links.flatMap(([label, to]) => (to && label ? [{ label, href: to, current: to === ctx.pathname }] : []));
}

/**
 * The 网站地图's groups: every report (withdrawn ones too, since their pages stay) with its
 * sections; the items pages; then the site's other pages, this one included. What is listed
 * here is every page the build writes except 404.
 */
export function siteMapGroups(reports: readonly ReportView[], ctx: SiteContext, href: (path: string) => string): SiteMapGroup[] {
  const reportEntries = [...reports]
    .sort((a, b) => b.year - a.year)
    .map((r) => ({
      label: withdrawalOf(r.data) ? ui.withdrawnTitle(r.data.title) : r.data.title,
      href: href(r.path),
      children: [...r.sections.map((s) => ({ label: printedHeading(s.data), href: href(s.path) })), { label: ui.history, href: href(historyPath(r.year)) }],
    }));
  const items = sectionsByItem([...reports]).map((i) => ({ label: i.item.full, href: href(i.path) }));
  const other: [string, string | undefined][] = [
    [ui.home, homePath],
    [ui.figuresTitle, figuresPath],
    [ui.searchTitle, searchPath],
    [ui.contactUs, ctx.links?.contactPage && !ctx.links.contactUrl ? contactPath : undefined],
    [ui.accessibility, ctx.accessibilityPage ? accessibilityPath : undefined],
    [ui.siteMap, siteMapPath],
  ];
  return [
    { heading: ui.siteMapReports, entries: reportEntries },
    { heading: ui.siteMapItems, entries: [{ label: ui.itemsTitle, href: href(itemsPath) }, ...items, { label: compareText.plansTitle, href: href(plansPath) }] },
    { heading: ui.siteMapOther, entries: other.flatMap(([label, path]) => (path === undefined ? [] : [{ label, href: href(path) }])) },
  ];
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

/** A section's previous and next section in its report, by printed heading, and the way back. */
function pager(section: SectionView, reportHref: string, href: (path: string) => string): NonNullable<RouteData['pager']> {
  const link = (s: SectionView | undefined) => s && { href: href(s.path), label: printedHeading(s.data) };
  return { prev: link(section.prev), next: link(section.next), back: { href: reportHref, label: ui.backToReport } };
}

/** A canonical address that is a full address (http…), else undefined. */
function fullAddress(canonical: string | undefined): string | undefined {
  return canonical && /^https?:/.test(canonical) ? canonical : undefined;
}
