/** What the importer reads a report into, before any of it becomes MDX. */
import type { ItemName } from '../domain/items.ts';
import type { IsoDate } from '../domain/dates.ts';
import type { FieldNotes, ReportFields } from '../domain/frontmatter.ts';

/** A table as printed: rows of cell texts; a cell's own line breaks are kept as \n. */
export interface Table {
  kind: 'table';
  rows: string[][];
}

/** Where a footnote's mark stood in a paragraph: before the character at `at` of its text. */
export interface NoteRef {
  at: number;
  /** The note's id in the original (Word's footnote id, or the printed mark of a text's note). */
  id: string;
}

/** One paragraph (a line of a .txt, a paragraph of a .docx), trimmed, never empty. */
export interface Line {
  kind: 'line';
  text: string;
  /** Footnote marks in the paragraph, in order; the marks themselves are not in `text`. */
  notes?: NoteRef[];
  /** A .docx paragraph that starts in bold and goes on in plain text: its bold start. */
  lead?: string;
}

/** A footnote's text by its id, as found in the original. */
export type Notes = ReadonlyMap<string, string>;

export type Block = Line | Table;

export interface SubHeading {
  kind: 'subheading';
  text: string;
  notes?: NoteRef[];
  /** A heading one level further down (1. under （一）): written ####. */
  level?: 4;
}

export type BodyBlock = Line | Table | SubHeading;

/** A footnote as written at the end of its part: [^label]: text. */
export interface Footnote {
  label: string;
  text: string;
}

export interface Section {
  order: number;
  /** The label as printed before the heading, with the spaces after it: 一、 1. 第一部分 */
  label: string;
  heading: string;
  body: BodyBlock[];
  /** The notes whose marks are in this part, numbered across the report. */
  footnotes: Footnote[];
}

/** The 落款 as printed: the agency's lines (none when only the date is printed) and the date. */
export interface Signature {
  agencyLines: string[];
  dateText: string;
  signedOn: IsoDate;
}

/** A line of the original that is not published, and why (for the summary). */
export interface LeftOut {
  text: string;
  why: string;
  /** The block it comes from, to list what was left out in the original's order. */
  block?: Block;
}

/** 政务公开 metadata found in the original. */
export interface Metadata {
  indexNumber?: string;
  /** 发布机构 */
  agency?: string;
  signedOn?: IsoDate;
  publishedOn?: IsoDate;
  documentNumber?: string;
  validity?: string;
  topic?: string;
  /** 名称 or 标题 of the page or catalogue entry. */
  title?: string;
}

/** A report's parts as found in the text, before the year, dates and items are decided. */
export interface Parsed {
  /** The title line(s) as printed, joined, when the text has one. */
  title?: string;
  /** The 文号 printed above or under the title, verbatim. */
  documentNumber?: string;
  /** The agency printed on a line of its own by the title. */
  agencyLine?: string;
  /** A date printed on a line of its own under the title. */
  dateLine?: { text: string; signedOn: IsoDate };
  preface: Block[];
  prefaceFootnotes: Footnote[];
  sections: Section[];
  /** The 落款, when the report ends in one. */
  signature?: Signature;
  metadata: Metadata;
  leftOut: LeftOut[];
  /** The last lines of the text (without a 落款 there), quoted when no date is found. */
  lastLines: string[];
  warnings: string[];
}

export type YearSource = 'option' | 'title' | 'preface' | 'signature';

/** Why a section got an item: the words found and their score. */
export interface ItemReason {
  item: ItemName;
  reason: string;
}

export interface ImportedSection extends Section {
  /** The required items it reports on, as guessed. */
  items: ItemName[];
  /** Why each item was guessed, in the order of `items`. */
  reasons: ItemReason[];
}

/** Where a field of the report entry was read from, for the summary. */
export interface Sources {
  agency: string;
  signedOn: string;
}

/** Everything an import writes: the report entry and its sections. */
export interface Report {
  year: number;
  yearSource: YearSource;
  title: string;
  titleFromSource: boolean;
  /** 文号 as printed; absent when the text has none. */
  documentNumber?: string;
  indexNumber?: string;
  publishedOn?: IsoDate;
  validity?: string;
  topic?: string;
  agency: string;
  signedOn: IsoDate;
  /** Set when the printed 落款 differs from agency + the formatted date; [] when there is none. */
  signature?: string[];
  sources: Sources;
  /** Set when a value had to be left for staff to fill in (no 成文日期 anywhere): not published until it is. */
  draft?: boolean;
  /** Comments written after field values, saying what is still 待填写. */
  notes?: FieldNotes<ReportFields>;
  preface: Block[];
  prefaceFootnotes: Footnote[];
  sections: ImportedSection[];
  leftOut: LeftOut[];
  warnings: string[];
}
