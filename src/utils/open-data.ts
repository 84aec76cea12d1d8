/**
 * Open data from the route data, as pure functions: /data/reports.json (every report,
 * section, required item and figure, withdrawn reports included and marked), and the figures
 * of the reports that are not withdrawn lined up across years for /figures.json and
 * /figures.csv. Paths carry the deployment's base path.
 */
import { itemByName, REQUIRED_ITEMS } from '../domain/items.ts';
import { printedHeading, signatureLines } from '../domain/report.ts';
import { figureNumber, lineUpFigures, type FigureTable } from '../domain/figures.ts';
import { reportsDataSchema, type ReportsData, type ReportsDataItemRepeat } from '../domain/open-data.ts';
import { gramsOf, itemText, REPEAT_MEASURE, repeatedShare } from '../domain/repeats.ts';
import { attachmentPath, homePath, itemPath, notWithdrawn, withBase, withdrawalOf, type ReportView, type SectionView } from './routes.ts';
import type { Attachment } from '../domain/attachments.ts';
import type { CsvValue } from './csv.ts';

/** An entry with the text a reader sees (src/domain/body.ts readerText). */
type WithBody = { content: { text: readonly string[] } };
type WithAttachments = { attachments?: readonly Attachment[] };

/** The site's home page as a full address, when the site's address is known. */
export function homeUrl(base: string, site: URL | string | undefined): string | null {
  return site ? new URL(withBase(base, homePath), site).href : null;
}

/** A report's withdrawal as open data: its date and reason, or null when it stands. */
function withdrawnData(r: Parameters<typeof withdrawalOf>[0]) {
  const w = withdrawalOf(r);
  return w ? { date: w.date, reason: w.reason } : null;
}

type WithText = ReportView<WithBody, WithBody>;

/** A report's sections as the repeated share reads them. */
const counted = (r: WithText) => r.sections.map((s) => ({ items: s.data.items, text: s.entry.content.text }));

/**
 * Each item a report covers, against the latest earlier report that stands (not withdrawn)
 * and covers it, as the /items/ pages compare them (src/domain/repeats.ts).
 */
export function itemRepeats(r: WithText, reports: readonly WithText[]): ReportsDataItemRepeat[] {
  const earlier = notWithdrawn(reports).filter((o) => o.year < r.year).sort((a, b) => b.year - a.year);
  return REQUIRED_ITEMS.flatMap((item): ReportsDataItemRepeat[] => {
    if (!r.sections.some((s) => s.data.items.includes(item.name))) return [];
    const mine = itemText(counted(r), item.name);
    const previous = earlier.find((o) => o.sections.some((s) => s.data.items.includes(item.name)));
    const base = { item: item.name, itemSlug: item.slug };
    if (!previous) return [{ ...base, comparedWith: null, grams: gramsOf(mine).size, repeated: null, share: null }];
    const repeat = repeatedShare(mine, itemText(counted(previous), item.name));
    return [{ ...base, comparedWith: previous.year, ...repeat }];
  });
}

/** /data/reports.json from the route views, checked against the schema published beside it. */
export function buildReportsData(
  reports: readonly (ReportView<WithBody, WithBody> & WithAttachments)[],
  opts: { base: string; site?: URL | string },
): ReportsData {
  const data: ReportsData = {
    site: homeUrl(opts.base, opts.site),
    items: REQUIRED_ITEMS.map((i) => ({ name: i.name, slug: i.slug, full: i.full, mandatory: i.mandatory, path: withBase(opts.base, itemPath(i.slug)) })),
    repeatMeasure: { ...REPEAT_MEASURE },
    reports: reports.map((r) => ({
      year: r.year,
      title: r.data.title,
      agency: r.data.agency,
      signedOn: r.data.signedOn,
      publishedOn: r.data.publishedOn ?? null,
      indexNumber: r.data.indexNumber ?? null,
      topic: r.data.topic ?? null,
      documentNumber: r.data.documentNumber ?? null,
      validity: r.data.validity ?? null,
      keywords: r.data.keywords ? [...r.data.keywords] : null,
      signature: signatureLines(r.data),
      corrections: r.data.corrections.map((c) => ({ date: c.date, note: c.note })),
      withdrawn: withdrawnData(r.data),
      attachments: (r.attachments ?? []).map((a) => ({
        name: a.name,
        type: a.type,
        mediaType: a.mediaType,
        bytes: a.bytes,
        sha256: a.sha256,
        path: withBase(opts.base, attachmentPath(r.year, a.name)),
      })),
      path: withBase(opts.base, r.path),
      preface: r.entry.content.text.join('\n\n'),
      sections: r.sections.map((s) => ({
        order: s.data.order,
        label: s.data.label,
        heading: s.data.heading,
        printedHeading: printedHeading(s.data),
        items: [...s.data.items],
        itemSlugs: s.data.items.map((i) => itemByName(i)!.slug),
        path: withBase(opts.base, s.path),
        text: s.entry.content.text.join('\n\n'),
        figures: s.data.figures.map((f) => ({
          key: f.key,
          label: f.label,
          qualifier: f.qualifier ?? null,
          value: f.value,
          number: figureNumber(f.value),
          unit: f.unit,
        })),
      })),
      itemRepeats: itemRepeats(r, reports),
    })),
  };
  // What is published must match the schema published beside it.
  return reportsDataSchema.parse(data);
}

export type FigureTableOf = FigureTable<SectionView>;

/** Every figure key lined up across the years of the reports that are not withdrawn. */
export function figureTable(reports: readonly ReportView[]): FigureTableOf {
  return lineUpFigures(notWithdrawn(reports));
}

/** /figures.json: each key with its values by year, newest first. */
export function figuresJson(reports: readonly ReportView[], base: string) {
  const table = figureTable(reports);
  return {
    years: table.years,
    figures: table.rows.map((row) => ({
      key: row.key,
      label: row.label,
      unit: row.unit,
      values: table.years.flatMap((year, i) => {
        const cell = row.cells[i];
        if (!cell) return [];
        return [
          {
            year,
            label: cell.figure.label,
            qualifier: cell.figure.qualifier ?? null,
            value: cell.figure.value,
            number: cell.number,
            unit: cell.figure.unit,
            section: { order: cell.section.data.order, heading: printedHeading(cell.section.data), path: withBase(base, cell.section.path) },
          },
        ];
      }),
    })),
  };
}

/**
 * /figures.csv: one record per figure per year (key order as on /figures/, newest year
 * first), after the header row given. The last column is the section's full address when
 * the site's address is known, else its path.
 */
export function figuresCsvRows(
  reports: readonly ReportView[],
  opts: { base: string; site?: URL | string; header: readonly string[] },
): CsvValue[][] {
  const { figures } = figuresJson(reports, opts.base);
  const url = (path: string) => (opts.site ? new URL(path, opts.site).href : path);
  return [
    [...opts.header],
    ...figures.flatMap((f) =>
      f.values.map((v) => [v.year, f.key, v.label, v.qualifier, v.value, v.unit, v.section.heading, url(v.section.path)]),
    ),
  ];
}
