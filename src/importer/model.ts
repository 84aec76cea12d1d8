/** What the importer reads a report into, before any of it becomes MDX. */
import type { ItemName } from '../domain/items.ts';

/** A table as printed: rows of cell texts; a cell's own line breaks are kept as \n. */
export interface Table {
  kind: 'table';
  rows: string[][];
}

/** One paragraph (a line of a .txt, a paragraph of a .docx), trimmed, never empty. */
export interface Line {
  kind: 'line';
  text: string;
}

export type Block = Line | Table;

export interface SubHeading {
  kind: 'subheading';
  text: string;
}

export type BodyBlock = Line | Table | SubHeading;

export interface Section {
  order: number;
  /** The label as printed before the heading: 一、 */
  label: string;
  heading: string;
  body: BodyBlock[];
}

export interface Signature {
  agency: string;
  /** The date line as printed. */
  dateText: string;
  signedOn: string;
}

/** A report's parts as found in the text, before the year and items are decided. */
export interface Parsed {
  /** The title line(s) as printed, when the text has one. */
  title?: string;
  /** The 文号 printed right under the title, verbatim, when there is one. */
  documentNumber?: string;
  preface: Block[];
  sections: Section[];
  signature: Signature;
  warnings: string[];
}

export type YearSource = 'option' | 'preface' | 'signature';

export interface ImportedSection extends Section {
  /** The required items it reports on, as guessed. */
  items: ItemName[];
}

/** Everything an import writes: the report entry and its sections. */
export interface Report {
  year: number;
  yearSource: YearSource;
  title: string;
  titleFromSource: boolean;
  /** 文号 as printed under the title; absent when the text has none. */
  documentNumber?: string;
  agency: string;
  signedOn: string;
  /** Set only when the printed signature differs from agency + the formatted date. */
  signature?: string[];
  preface: Block[];
  sections: ImportedSection[];
  warnings: string[];
}
