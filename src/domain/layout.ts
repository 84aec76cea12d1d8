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

/** The record of what was published, at the top of the content folder. */
export const RECORD_FILE = 'published-digests.json';

/** What an item of the content folder is, by its place and name (layout rule), or why it may not be there. */
export type Place =
  | { role: 'report'; year: string }
  | { role: 'section'; year: string; order: number }
  | { role: 'attachment'; year: string; name: string }
  | { role: 'record' }
  | { role: 'folder' }
  /** Hidden items (the importer's scratch files, .DS_Store) and a README: never read. */
  | { role: 'ignored' }
  | { role: 'refused'; message: string };

const YEAR_NAME = /^\d{4}$/;
const REPORT_NAME = /^(\d{4})\.mdx$/;
const SECTION_NAME = /^(\d{2})\.mdx$/;

const refused = (message: string): Place => ({ role: 'refused', message });
const MOVE = '请把它改名或移出内容文件夹';

/** Inside reports/: YYYY.mdx files only. */
function inReports(name: string, kind: string): Place {
  const m = REPORT_NAME.exec(name);
  if (m && kind === 'file') return { role: 'report', year: m[1]! };
  return refused(`${REPORTS_DIR}/ 中只能有报告文件，文件名是四位年度加 .mdx（例如 2024.mdx）；这个${kind === 'file' ? '文件' : '文件夹'}不是。${MOVE}`);
}

/** Inside sections/: a YYYY folder per report, holding NN.mdx files only. */
function inSections(parts: string[], kind: string): Place {
  const [year, name] = parts;
  if (!YEAR_NAME.test(year!)) return refused(`${SECTIONS_DIR}/ 中只能有以四位年度命名的文件夹（例如 2024/），每个部分一个文件放在里面。${MOVE}`);
  if (name === undefined) return kind === 'folder' ? { role: 'folder' } : refused(`${SECTIONS_DIR}/${year} 应是文件夹，里面放这一年的各部分文件（01.mdx、02.mdx……）。${MOVE}`);
  const m = SECTION_NAME.exec(name);
  if (parts.length === 2 && m && kind === 'file' && Number(m[1]) >= 1) return { role: 'section', year: year!, order: Number(m[1]) };
  return refused(`${SECTIONS_DIR}/${year}/ 中只能有各部分的文件，文件名是两位顺序号加 .mdx（第一部分是 01.mdx）；这个${kind === 'file' ? '文件' : '文件夹'}不是。${MOVE}`);
}

/** Inside attachments/: a YYYY folder per report, holding its original files. */
function inAttachments(parts: string[], kind: string, isName: (name: string) => boolean): Place {
  const [year, name] = parts;
  if (!YEAR_NAME.test(year!)) return refused(`${ATTACHMENTS_DIR}/ 中只能有以四位年度命名的文件夹（例如 2024/），附件放在里面。${MOVE}`);
  if (name === undefined) return kind === 'folder' ? { role: 'folder' } : refused(`${ATTACHMENTS_DIR}/${year} 应是文件夹。${MOVE}`);
  if (parts.length === 2 && kind === 'file' && isName(name)) return { role: 'attachment', year: year!, name };
  return refused(`${ATTACHMENTS_DIR}/${year}/ 中只能直接放附件文件（不能再有文件夹），文件名不能以“.”开头、不能有控制字符或改变文字方向的字符、不超过 200 个字。${MOVE}`);
}

/**
 * Where an item of the content folder belongs, from its path and kind: the strict layout
 * check and the build read the same items, and nothing else. Hidden items are never content
 * (the importer keeps its scratch files there); a link is refused wherever it is, since what
 * it points to could change without the folder changing.
 */
export function placeOf(path: string, kind: 'file' | 'folder' | 'link' | 'other', isAttachmentName: (name: string) => boolean): Place {
  const parts = path.split('/');
  if (parts.some((p) => p.startsWith('.'))) return { role: 'ignored' };
  if (kind === 'link') return refused(`这是一个符号链接（快捷方式）。内容文件夹中不能有链接：请放入文件本身，或删掉它`);
  if (kind === 'other') return refused('这不是普通的文件或文件夹。请删掉它');
  const [top, ...rest] = parts;
  if (!rest.length) {
    if (top === RECORD_FILE && kind === 'file') return { role: 'record' };
    if (/^README(\.md)?$/i.test(top!) && kind === 'file') return { role: 'ignored' };
    if ([REPORTS_DIR, SECTIONS_DIR, ATTACHMENTS_DIR].includes(top!) && kind === 'folder') return { role: 'folder' };
    return refused(`内容文件夹的第一层只能有 ${REPORTS_DIR}/、${SECTIONS_DIR}/、${ATTACHMENTS_DIR}/ 三个文件夹和发布记录 ${RECORD_FILE}。${MOVE}`);
  }
  if (top === REPORTS_DIR) return rest.length === 1 ? inReports(rest[0]!, kind) : refused(`${REPORTS_DIR}/ 中不能有子文件夹。${MOVE}`);
  if (top === SECTIONS_DIR) return inSections(rest, kind);
  if (top === ATTACHMENTS_DIR) return inAttachments(rest, kind, isAttachmentName);
  return refused(`内容文件夹的第一层只能有 ${REPORTS_DIR}/、${SECTIONS_DIR}/、${ATTACHMENTS_DIR}/ 三个文件夹和发布记录 ${RECORD_FILE}。${MOVE}`);
}
