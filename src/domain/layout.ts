/**
 * The content folder's layout, written once: where a year's report entry, its section
 * entries and its attachments (原文附件) live, and how a year is read from a path or an
 * argument. Paths are joined with '/' and relative to the content folder unless a folder
 * is given; the scripts, the importer, the build and the tests all use these.
 */
import { relative as relativePath } from 'node:path';

/**
 * A report year is any four-digit year. No narrower range: a mistyped year (2203 for 2023) is
 * caught by checkContent, which compares it with the signing date, and a fixed window would
 * one day reject real years and cap how many years a site (or a benchmark) can hold.
 */
export const REPORT_YEARS = { min: 1000, max: 9999 } as const;

/** The content folder, relative to the project, unless CONTENT_DIR names another (tests, benchmarks, forks). */
export const DEFAULT_CONTENT_DIR = 'src/content';
/** The content folder named by an environment (CONTENT_DIR), else the default; relative to the project. */
export const contentDirOf = (env: Record<string, string | undefined>) => env.CONTENT_DIR?.trim() || DEFAULT_CONTENT_DIR;

/** A path as staff should see it in a message: relative to the project when inside it, else absolute. */
export function shownPath(root: string, path: string): string {
  const rel = relativePath(root, path).split('\\').join('/');
  return rel.startsWith('../') || rel === '..' || /^[a-zA-Z]:/.test(rel) || rel.startsWith('/') ? path.split('\\').join('/') : rel;
}

/** Folder names inside the content folder. */
export const REPORTS_DIR = 'reports';
export const SECTIONS_DIR = 'sections';
export const ATTACHMENTS_DIR = 'attachments';

/** Glob patterns, relative to REPORTS_DIR and SECTIONS_DIR, for the content collections. */
export const REPORT_PATTERN = '*.mdx';
export const SECTION_PATTERN = '*/*.mdx';

/** The extension every entry file has. */
const ENTRY_EXT = '.mdx';

/** Joins path parts with single slashes, skipping empty ones. */
const join = (...parts: string[]) => parts.filter(Boolean).join('/').replace(/\/+/g, '/');

/** reports/ (inside `dir` when given): the folder of every report entry. */
export const reportsRoot = (dir = '') => join(dir, REPORTS_DIR);
/** sections/ (inside `dir` when given): the folder of every year's section folder. */
export const sectionsRoot = (dir = '') => join(dir, SECTIONS_DIR);
/** 2024.mdx: a report entry's file name, which must be its year. */
export const reportFileName = (year: number | string) => `${year}${ENTRY_EXT}`;
/** reports/2024.mdx */
export const reportFile = (year: number | string, dir = '') => join(reportsRoot(dir), reportFileName(year));
/** sections/2024/ */
export const sectionsDir = (year: number | string, dir = '') => join(sectionsRoot(dir), String(year));
/** 01.mdx for order 1: two digits keep the files in order in any file browser. */
export const sectionFileName = (order: number) => `${String(order).padStart(2, '0')}${ENTRY_EXT}`;
/** sections/2024/01.mdx */
export const sectionFile = (year: number | string, order: number, dir = '') =>
  join(sectionsDir(year, dir), sectionFileName(order));
/** attachments/2024/: the original files a year's report was published from. */
export const attachmentsDir = (year: number | string, dir = '') => join(dir, ATTACHMENTS_DIR, String(year));

/**
 * The content folder a section file sits in, with a trailing '/': 'src/content/' for
 * 'src/content/sections/2023/01.mdx', '' when the path is relative to the content folder
 * or does not follow the layout. Messages use it to name the folder staff should look in.
 */
export function contentFolderOf(sectionPath: string): string {
  const parts = sectionPath.split('/');
  if (parts.length < 3 || parts.at(-3) !== SECTIONS_DIR) return '';
  return parts.slice(0, -3).map((p) => `${p}/`).join('');
}

/**
 * Whether a path relative to a collection's folder matches its pattern (REPORT_PATTERN or
 * SECTION_PATTERN) as the build's glob reads it: '*' stands for one path segment or part of
 * one, never a '/', and never a leading '.' (dot folders such as the importer's scratch
 * folder are not content).
 */
export function matchesPattern(relativePath: string, pattern: string): boolean {
  const source = pattern
    .split('/')
    .map((segment) =>
      segment
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*')
        .replace(/^\[\^\/\]\*/, '(?!\\.)[^/]*'),
    )
    .join('/');
  return new RegExp(`^${source}$`).test(relativePath.split('\\').join('/'));
}

/** True for a year the schema accepts: four Arabic digits. */
export function isReportYear(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= REPORT_YEARS.min && value <= REPORT_YEARS.max;
}

/** Four Arabic digits as typed ('2024', ' 2024 '), as a number whatever its range; else undefined. */
export function yearFromText(text: string): number | undefined {
  return /^\s*\d{4}\s*$/.test(text) ? Number(text) : undefined;
}

/** A year typed on a command line or taken from a file name ('2024'), or undefined. */
export function parseReportYear(text: string | undefined): number | undefined {
  const year = text === undefined ? undefined : yearFromText(text);
  return isReportYear(year) ? year : undefined;
}
