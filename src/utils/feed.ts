/**
 * Feed items for /feed.xml, as a pure function of the route data: one per report that is not
 * withdrawn (a feed announces reports to read; a withdrawn one says so on its own page),
 * newest first, linking to its whole-report page under the base path, described by its
 * preface, and dated only when its 发布日期 is known (midnight UTC, so the day reads the same
 * in China): an item without one has no pubDate, since the 成文日期 is not a publication date.
 * Then one item per correction and withdrawal, dated, linking to its entry on the report's
 * 版本记录, so a subscriber learns of every public change.
 */
import type { RSSFeedItem } from '@astrojs/rss';
import { knownPublicationDate } from '../domain/report.ts';
import { historyPath, notWithdrawn, withBase, type ReportView } from './routes.ts';
import type { HistoryEntry } from '../domain/history.ts';
import { ui } from '../i18n/ui.ts';

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

/** One item per correction and withdrawal of the reports, newest first, each linking to its 版本记录 entry. */
export function changeItems(reports: readonly ReportView[], histories: ReadonlyMap<number, readonly HistoryEntry[]>, base: string): RSSFeedItem[] {
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

/** The feed with the placeholder host taken out of every link: root-relative links. */
export function relativeFeed(xml: string): string {
  return xml.split(UNKNOWN_SITE).join('');
}
