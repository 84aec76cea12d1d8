/**
 * The route data of the page being built: the deployment (Astro.site, the base path) and
 * site.config.ts joined with what the page shows. The one bridge from a page to the pure
 * routeData (src/utils/route-data.ts).
 */
import site from '../../site.config';
import { footerRegistrations, siteLinks } from '../domain/site';
import { routeData, type Route, type RouteData, type SiteContext } from './route-data';

/** What a page knows of itself: Astro.site and Astro.url. */
export interface PageAddress {
  site?: URL;
  url: URL;
}

/** The site context of a page being built. */
export function siteContext(page: PageAddress): SiteContext {
  return {
    site: page.site,
    base: import.meta.env.BASE_URL,
    pathname: page.url.pathname,
    bureau: site.bureau,
    siteName: site.siteName,
    siteCode: site.footer.siteCode,
    editUrl: site.editUrl,
    footer: footerRegistrations(site),
    links: siteLinks(site),
    // The 无障碍声明 is linked once its page exists.
    accessibilityPage: Object.keys(import.meta.glob('../pages/accessibility.astro')).length > 0,
  };
}

/** A page's route data: `pageRoute(Astro, { kind: 'report', report })`. */
export function pageRoute(page: PageAddress, route: Route): RouteData {
  return routeData(route, siteContext(page));
}
