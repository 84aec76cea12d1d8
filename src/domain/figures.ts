/**
 * Key figures (主要数据): numbers a section's text states, recorded in its frontmatter as
 * printed (value "21.40", unit 万元, qualifier 约) so they can be listed, compared across
 * years and downloaded. The printed text stays the authority: a figure must occur in its
 * section's text, and the number used for charts is derived from the printed digits.
 */
import type { Figure } from './schema.ts';

export type { Figure };

/** The number a printed value stands for: "1,344" -> 1344, "21.40" -> 21.4. */
export const figureNumber = (value: string): number => Number(value.replace(/,/g, ''));

/** Qualifier and value as they must appear in the text: 约8000. */
export const printedValue = (f: Pick<Figure, 'value' | 'qualifier'>): string => `${f.qualifier ?? ''}${f.value}`;

/** The whole figure as a reader sees it: 约8000人. */
export const printedFigure = (f: Pick<Figure, 'value' | 'qualifier' | 'unit'>): string => `${printedValue(f)}${f.unit}`;

/**
 * A section's MDX body as the characters a reader sees, near enough to find printed numbers:
 * backslash escapes (\1\. \#) and the empty expressions the importer adds ({""}) removed.
 */
export function textForMatching(body: string): string {
  return body.replace(/\{""\}/g, '').replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether the text prints this value as a whole number: "4" occurs in 心得体会4篇 but not
 * in 2024 or 4.5, "51" occurs in 招聘会2场,51家 (a comma between words is not a digit
 * group separator unless a digit follows it).
 */
export function printedIn(text: string, printed: string): boolean {
  const re = new RegExp(`(?<!\\d)(?<!\\d[.,])${escapeRegExp(printed)}(?!\\d)(?![.,]\\d)`, 'u');
  return re.test(text);
}

export interface FigureCell<S> {
  figure: Figure;
  number: number;
  /** The section that states it. */
  section: S;
}

export interface FigureRow<S> {
  key: string;
  /** Label and unit as the newest report that has this key gives them. */
  label: string;
  unit: string;
  /** One cell per year of `years`, in the same order; undefined where that year has none. */
  cells: (FigureCell<S> | undefined)[];
}

export interface FigureTable<S> {
  /** Every report's year, newest first. */
  years: number[];
  rows: FigureRow<S>[];
}

/**
 * Lines each figure key up across years: rows in the order the newest reports list them
 * (keys only older reports have come after), columns newest year first.
 */
export function lineUpFigures<S extends { data: { figures: readonly Figure[] } }>(
  reports: readonly { year: number; sections: readonly S[] }[],
): FigureTable<S> {
  const sorted = [...reports].sort((a, b) => b.year - a.year);
  const years = sorted.map((r) => r.year);
  const rows = new Map<string, FigureRow<S>>();
  sorted.forEach((r, col) => {
    for (const section of r.sections) {
      for (const figure of section.data.figures) {
        let row = rows.get(figure.key);
        if (!row) {
          row = { key: figure.key, label: figure.label, unit: figure.unit, cells: years.map(() => undefined) };
          rows.set(figure.key, row);
        }
        // A key appears once per report (checkContent); the first one stands if not.
        row.cells[col] ??= { figure, number: figureNumber(figure.value), section };
      }
    }
  });
  return { years, rows: [...rows.values()] };
}

/** The years (oldest first) and numbers a row has, for a chart. */
export function seriesOf<S>(table: FigureTable<S>, row: FigureRow<S>): { year: number; number: number; cell: FigureCell<S> }[] {
  return table.years
    .map((year, i) => ({ year, cell: row.cells[i] }))
    .filter((p): p is { year: number; cell: FigureCell<S> } => p.cell !== undefined)
    .map((p) => ({ ...p, number: p.cell.number }))
    .reverse();
}
