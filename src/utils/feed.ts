/**
 * Feed items for /feed.xml, as a pure function of the route data: one per report that is not
 * withdrawn (a feed announces reports to read; a withdrawn one says so on its own page),
 * newest first, linking to its whole-report page under the base path, described by its
 * preface, and dated only when its 发布日期 is known (midnight UTC, so the day reads the same
 * in China): an item without one has no pubDate, since the 成文日期 is not a publication date.
 * Then one item per correction and withdrawal, dated, linking to its entry on the report's
 * 版本记录, so a subscriber learns of every public change.
 *
 * The feed itself is RSS 2.0 (rssFeed): a channel and its items, five elements each at most,
 * written here rather than by a feed library, whose XML parser and builder took the longest
 * of any page to load, and whose link rules needed working around (a full address for a link
 * with an #anchor, a made-up host while the site's address is not set).
 */
import { knownPublicationDate } from '../domain/report.ts';
import { historyPath, notWithdrawn, withBase, type ReportView } from './routes.ts';
import type { HistoryEntry } from '../domain/history.ts';
import { ui } from '../i18n/ui.ts';
import { escapeXml } from './xml.ts';

/** An item of the feed; `link` is a path under the base path until rssFeed makes it an address. */
export interface FeedItem {
  title: string;
  link: string;
  /** Only a known date: an item without one has no <pubDate>. */
  pubDate?: Date;
  /** Left out when empty. */
  description: string;
}

/** One feed item per report that is not withdrawn, newest first. */
export function feedItems(reports: readonly ReportView<{ content: { text: readonly string[] } }>[], base: string): FeedItem[] {
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

/** One item per correction and withdrawal of the reports, newest first, each linking to its 版本记录 entry. */
export function changeItems(reports: readonly ReportView[], histories: ReadonlyMap<number, readonly HistoryEntry[]>, base: string): (FeedItem & { pubDate: Date })[] {
  return reports
    .flatMap((r) =>
      (histories.get(r.year) ?? [])
        .filter((e) => (e.event === 'correct' || e.event === 'withdraw') && e.date)
        .map((e) => ({
          title: (e.event === 'correct' ? ui.feedCorrection : ui.feedWithdrawal)(r.data.title, e.date!),
          link: `${withBase(base, historyPath(r.year))}#entry-${e.fingerprint}`,
          pubDate: new Date(`${e.date}T00:00:00Z`),
          description: e.note ?? '',
        })),
    )
    .sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime());
}

export interface FeedChannel {
  title: string;
  description: string;
  /** The home page's path under the base path. */
  link: string;
  /** The site's address; without it every link stays a path from the site's root. */
  site?: URL | string;
  items: readonly FeedItem[];
}

const element = (name: string, text: string, attributes = '') => `<${name}${attributes}>${escapeXml(text)}</${name}>`;

/** The channel as an RSS 2.0 document, in Chinese; each item's link is also its guid. */
export function rssFeed(channel: FeedChannel): string {
  const address = (path: string) => (channel.site ? new URL(path, channel.site).href : path);
  const items = channel.items.map((i) => {
    const link = address(i.link);
    const parts = [
      element('title', i.title),
      element('link', link),
      element('guid', link, ' isPermaLink="true"'),
      i.description ? element('description', i.description) : '',
      i.pubDate ? element('pubDate', i.pubDate.toUTCString()) : '',
    ];
    return `<item>${parts.join('')}</item>`;
  });
  const head = [element('title', channel.title), element('description', channel.description), element('link', address(channel.link)), element('language', 'zh-cn')];
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>${head.join('')}${items.join('')}</channel></rss>`;
}
