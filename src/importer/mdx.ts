/**
 * Report text as MDX that renders exactly as printed. MDX would otherwise read parts of
 * ordinary text as Markdown ('1.' a list, '#' a heading, '*' emphasis), as JSX or
 * expressions ('<', '{') or as HTML entities ('&amp;'): each such character is escaped
 * with a backslash, which MDX accepts before any ASCII punctuation. Two cases a backslash
 * cannot reach are handled below: ESM ('import …') and GFM's bare-address links.
 * Entries are rendered here for the importer and for `npm run new`; their frontmatter is
 * written by src/domain/frontmatter.ts.
 */
import type { BodyBlock, Block, Footnote, NoteRef } from './model.ts';
import { reportFrontmatter, sectionFrontmatter, type FieldNotes, type ReportFields, type SectionFields } from '../domain/frontmatter.ts';
import { sectionFileName } from '../domain/layout.ts';

/** Escapes what is special anywhere in a line of text (and '|', special in tables). */
export function escapeInline(text: string): string {
  return (
    text
      .replace(/[\\`*_{}[\]<>&~|#]/g, '\\$&')
      // GFM links bare addresses by matching the parsed text, where escapes are gone; an
      // empty expression splits the text so the address stays text, as printed.
      .replace(/(https?|www)(?=:\/\/|\.)/gi, '$1{""}')
      .replace(/@/g, '{""}@')
  );
}

/** Escapes a paragraph: inline specials, then what is special only at the start of a line. */
export function escapeParagraph(text: string): string {
  return (
    escapeInline(text)
      .replace(/^(\d+)([.)])/, '$1\\$2') // '1.' '1)' would start a list
      .replace(/^[-+]/, '\\$&') // '-' '+' a list or a rule ('*' '#' '>' are escaped already)
      // 'import x' / 'export x' at the start of a line is ESM in MDX; a character reference keeps the letter.
      .replace(/^(import|export) /, (m) => `&#x${m.charCodeAt(0).toString(16)};${m.slice(1)}`)
  );
}

/** A GFM table; its first row is the header row. Rows are padded to the widest. */
export function renderTable(rows: readonly (readonly string[])[]): string {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const line = (cells: readonly string[]) =>
    `| ${Array.from({ length: width }, (_, i) => cell(cells[i] ?? '')).join(' | ')} |`;
  const [header = [], ...body] = rows;
  return [line(header), `| ${Array(width).fill('---').join(' | ')} |`, ...body.map(line)].join('\n');
}

/** A table cell: its lines escaped, joined by <br />. */
function cell(text: string): string {
  return text
    .split('\n')
    .map((l) => escapeInline(l.trim()))
    .filter(Boolean)
    .join('<br />');
}

/**
 * A text with its footnote marks as GFM references ([^1]) where they stood: each piece between
 * marks escaped (the first as a paragraph's start when `start` says so).
 */
function withMarks(text: string, notes: readonly NoteRef[] | undefined, escape: (s: string) => string): string {
  if (!notes?.length) return escape(text);
  let out = '';
  let from = 0;
  for (const n of notes) {
    const piece = text.slice(from, n.at);
    out += (from === 0 ? escape(piece) : escapeInline(piece)) + `[^${n.id}]`;
    from = n.at;
  }
  return out + (from === 0 ? escape(text.slice(from)) : escapeInline(text.slice(from)));
}

/** One block as MDX: a table, a ### (or, one level down, ####) sub-heading, or a paragraph, with its footnote marks. */
export function renderBlock(b: Block | BodyBlock): string {
  if (b.kind === 'table') return renderTable(b.rows);
  if (b.kind === 'subheading') return `${b.level === 4 ? '####' : '###'} ${withMarks(b.text, b.notes, escapeInline)}`;
  return withMarks(b.text, b.notes, escapeParagraph);
}

/** A footnote as GFM writes it at the end of a text: [^1]: 脚注; a note's later paragraphs indented. */
export function renderFootnote(f: Footnote): string {
  const [first = '', ...rest] = f.text.split('\n');
  return [`[^${f.label}]: ${escapeInline(first)}`, ...rest.map((p) => `\n    ${escapeInline(p)}`)].join('\n');
}

/** A report entry as written: its frontmatter fields, notes beside them, and its preface. */
export interface ReportToWrite extends ReportFields {
  preface: readonly (Block | BodyBlock)[];
  /** The notes whose marks are in the preface. */
  prefaceFootnotes?: readonly Footnote[];
  /** Comments after field values, e.g. { draft: '写完、核对后删除这一行即发布' }. */
  notes?: FieldNotes<ReportFields>;
}

/** A section entry as written (its report's year comes separately). */
export interface SectionToWrite extends Omit<SectionFields, 'report'> {
  body: readonly (Block | BodyBlock)[];
  /** The notes whose marks are in the body, written after it. */
  footnotes?: readonly Footnote[];
}

/** Frontmatter, then the blocks separated by blank lines, then the footnotes. */
function entry(head: string, body: readonly (Block | BodyBlock)[], footnotes: readonly Footnote[] = []): string {
  const parts = [...body.map(renderBlock), ...footnotes.map(renderFootnote)];
  return parts.length ? `${head}\n${parts.join('\n\n')}\n` : head;
}

/** src/content/reports/<year>.mdx; fields in the order of the existing entries. */
export function renderReport(r: ReportToWrite): string {
  const fields: ReportFields = {
    year: r.year,
    title: r.title,
    agency: r.agency,
    signedOn: r.signedOn,
    publishedOn: r.publishedOn,
    indexNumber: r.indexNumber,
    topic: r.topic,
    documentNumber: r.documentNumber,
    validity: r.validity,
    keywords: r.keywords,
    signature: r.signature,
    draft: r.draft,
    corrections: r.corrections,
    withdrawn: r.withdrawn,
  };
  return entry(reportFrontmatter(fields, r.notes), r.preface, r.prefaceFootnotes);
}

/** src/content/sections/<year>/<NN>.mdx. */
export function renderSection(year: number, s: SectionToWrite): string {
  const fields: SectionFields = { report: year, order: s.order, label: s.label, heading: s.heading, items: s.items, figures: s.figures };
  return entry(sectionFrontmatter(fields), s.body, s.footnotes);
}

/** A year's entries as texts: the report, and each section under its file name. */
export function renderYear(r: ReportToWrite & { sections: readonly SectionToWrite[] }): {
  reportText: string;
  sections: { name: string; text: string }[];
} {
  return {
    reportText: renderReport(r),
    sections: r.sections.map((s) => ({ name: sectionFileName(s.order), text: renderSection(r.year, s) })),
  };
}
