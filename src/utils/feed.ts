/**
 * Feed items for /feed.xml, as a pure function of the route data: one per report that is not
 * withdrawn (a feed announces reports to read; a withdrawn one says so on its own page),
 * newest first, linking to its whole-report page under the base path, described by its
 * preface, and dated only when its 发布日期 is known (midnight UTC, so the day reads the same
 * in China): an item without one has no pubDate, since the 成文日期 is not a publication date.
 */
import type { RSSFeedItem } from '@astrojs/rss';
import { knownPublicationDate } from '../domain/report.ts';
import { notWithdrawn, withBase, type ReportView } from './routes.ts';

/** A host that cannot exist (RFC 2606), for building links while the site's address is not set. */
export const UNKNOWN_SITE = 'https://site-address-not-set.invalid';

/** One feed item per report that is not withdrawn, newest first. */
export function feedItems(reports: readonly ReportView<{ content: { text: readonly string[] } }>[], base: string): RSSFeedItem[] {
  return notWithdrawn(reports)
    .sort((a, b) => b.year - a.year)
    .map((r) => {
      const published = knownPublicationDate(r.data);
      return {
        title: r.data.title,
        link: withBase(base, r.path),
        ...(published && { pubDate: new Date(`${published}T00:00:00Z`) }),
        description: r.entry.content.text.join('\n'),
      };
    });
}

/** The feed with the placeholder host taken out of every link: root-relative links. */
export function relativeFeed(xml: string): string {
  return xml.split(UNKNOWN_SITE).join('');
}
