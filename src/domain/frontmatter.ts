/**
 * Frontmatter as entries are written, in one place: the importer, `npm run new` and the
 * benchmark fixtures all write through here, with the `yaml` package. Fields come in the
 * schema's order (the order of the existing entries); defaults (draft: false, no
 * corrections, no figures) are left out; ISO dates are written unquoted (signedOn:
 * 2024-01-08), which the build reads back as the same date; a text is written plain where
 * every YAML reader reads it back as the same text, else quoted. A field may carry a note,
 * written as a comment after its value (draft: true # …).
 */
import { Document, isScalar, parseDocument, Scalar, visit } from 'yaml';
import { reportSchema, SECTION_FIELDS, type Figure } from './schema.ts';
import type { IsoDate } from './dates.ts';

/** What a report entry's frontmatter is written from: the fields staff write. */
export interface ReportFields {
  year: number;
  title: string;
  agency: string;
  signedOn: IsoDate;
  publishedOn?: IsoDate;
  indexNumber?: string;
  topic?: string;
  documentNumber?: string;
  validity?: string;
  keywords?: readonly string[];
  signature?: readonly string[];
  draft?: boolean;
  corrections?: readonly { date: IsoDate; note: string }[];
  withdrawn?: { date: IsoDate; reason: string };
}

/** What a section entry's frontmatter is written from. */
export interface SectionFields {
  report: number | string;
  order: number;
  label: string;
  heading: string;
  items: readonly string[];
  figures?: readonly Figure[];
}

/** Comments written after a field's value, by field name; for fields with a single value. */
export type FieldNotes<F> = Partial<Record<keyof F & string, string>>;

/** A figure's fields in the order the existing entries write them: the qualifier before the value. */
const FIGURE_KEYS = ['key', 'label', 'qualifier', 'value', 'unit'] as const;

/** A report entry's frontmatter block, from `---` to `---` and a line end. */
export function reportFrontmatter(fields: ReportFields, notes: FieldNotes<ReportFields> = {}): string {
  const values: Record<string, unknown> = {
    ...fields,
    signedOn: yamlDate(fields.signedOn),
    publishedOn: fields.publishedOn && yamlDate(fields.publishedOn),
    keywords: fields.keywords?.length ? [...fields.keywords] : undefined,
    draft: fields.draft || undefined,
    corrections: fields.corrections?.length ? fields.corrections.map((c) => ({ date: yamlDate(c.date), note: c.note })) : undefined,
    withdrawn: fields.withdrawn && { date: yamlDate(fields.withdrawn.date), reason: fields.withdrawn.reason },
  };
  return frontmatter(inOrder(values, Object.keys(reportSchema.shape)), notes);
}

/** A section entry's frontmatter block. */
export function sectionFrontmatter(fields: SectionFields, notes: FieldNotes<SectionFields> = {}): string {
  const values: Record<string, unknown> = {
    ...fields,
    report: Number(fields.report),
    items: [...fields.items],
    figures: fields.figures?.length ? fields.figures.map((f) => inOrder({ ...f }, FIGURE_KEYS)) : undefined,
  };
  return frontmatter(inOrder(values, SECTION_FIELDS), notes);
}

/**
 * Any frontmatter block: keys in the order given, undefined values left out, Date values
 * at midnight UTC written as plain ISO dates, notes as comments after their values.
 */
export function frontmatter(values: Record<string, unknown>, notes: Record<string, string | undefined> = {}): string {
  const doc = new Document(withoutUndefined(values), { version: '1.1' });
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && !readsBackPlain(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  for (const [key, note] of Object.entries(notes)) {
    if (note === undefined) continue;
    const node = doc.get(key, true);
    if (!isScalar(node)) throw new Error(`frontmatter: a note needs a field with one value; ${key} has none`);
    node.comment = ` ${note}`;
  }
  return `---\n${doc.toString({ lineWidth: 0 })}---\n`;
}

/** An ISO date as the value YAML writes unquoted (2024-01-08) and the build reads as that date. */
function yamlDate(iso: IsoDate): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/**
 * Whether YAML 1.2 (the build's reader) also reads this text, written plain, as the same
 * text. Writing with the YAML 1.1 schema already quotes what 1.1 would misread (yes, 12:30,
 * 2024-01-08); this catches what only 1.2 reads otherwise (0o17 as a number).
 */
function readsBackPlain(text: string): boolean {
  try {
    const doc = parseDocument(text, { version: '1.2', logLevel: 'silent' });
    return doc.errors.length === 0 && doc.warnings.length === 0 && doc.toJS() === text;
  } catch {
    // An alias without its anchor (*星号) and the like: not plain text to any reader.
    return false;
  }
}

/** Only the fields named in `keys`, in that order; undefined values left out. */
function inOrder(values: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => values[key] !== undefined).map((key) => [key, values[key]]));
}

/** The fields that have a value. */
function withoutUndefined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}
