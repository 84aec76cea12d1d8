/**
 * /feed.xml: an RSS feed of the published reports that are not withdrawn, newest first,
 * each linking to its whole-report page, dated only when its 发布日期 is known; then every
 * correction and withdrawal, dated, linking to its entry on the report's 版本记录. Links are full
 * addresses when the site's address is set (site.config.ts url or SITE_URL); without it the
 * feed is still written, so every page's <link rel="alternate"> resolves, with links
 * relative to the site root.
 */
import type { APIRoute } from 'astro';
import site from '../../site.config';
import { getHistory, getReports } from '../utils/content';
import { changeItems, feedItems, rssFeed } from '../utils/feed';
import { fullSiteName } from '../utils/meta';
import { homePath, withBase } from '../utils/routes';
import { ui } from '../i18n/ui';

export const GET: APIRoute = async (context) => {
  const base = import.meta.env.BASE_URL;
  const reports = await getReports();
  const histories = new Map(await Promise.all(reports.map(async (r) => [r.year, await getHistory(r.year)] as const)));
  // Astro is mid-line listing routes when this runs: start the warning on a line of its own.
  if (!context.site) console.warn(`\n提醒：${ui.feedWithoutSite}`);
  const xml = rssFeed({
    title: fullSiteName(site.bureau, site.siteName),
    description: ui.feedDescription(site.bureau),
    link: withBase(base, homePath),
    site: context.site,
    items: [...feedItems(reports, base), ...changeItems(reports, histories, base)],
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
