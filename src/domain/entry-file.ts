/**
 * Reading one content entry file (.mdx) as staff wrote it: the frontmatter between the two
 * `---` lines, parsed with the `yaml` package under YAML 1.2's core schema, so dates stay
 * the text written (2026-02-30 is not rolled over into 2026-03-02 as a YAML timestamp would
 * be) and the schemas validate them as calendar dates; then the body, checked as MDX the way
 * the build reads it. Every problem is a Chinese message naming the line and the fix.
 */
import { parseDocument, type YAMLError } from 'yaml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import type { Problem } from './check.ts';

export interface EntryFile {
  frontmatter: Record<string, unknown>;
  /** The text after the closing `---`, as the build renders it. */
  body: string;
  /** The line of the file the body starts on (1-based), for messages about the body. */
  bodyLine: number;
  /** The whole file, for rules that read it as written (comments included). */
  raw: string;
}

const FENCE = /^---[ \t]*$/;

/** Splits and parses an entry file; a problem (file, field, Chinese message) when it cannot be read. */
export function parseEntryFile(raw: string, file: string): { entry: EntryFile } | { problem: Problem } {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    return problem(file, 1, '文件应以一行 --- 开头，然后是各字段（如 year: 2024），再以一行 --- 结束，之后才是正文');
  }
  const end = lines.findIndex((l, i) => i > 0 && FENCE.test(l));
  if (end < 0) return problem(file, 1, '字段部分没有结束：在最后一个字段之后加一行 ---，正文写在它下面');
  const yamlText = lines.slice(1, end).join('\n');
  const doc = parseDocument(yamlText, { version: '1.2', schema: 'core', prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    // The error's offset is in the YAML text, which starts on the file's second line.
    let index = yamlText.slice(0, error.pos[0]).split('\n').length;
    // An unclosed quote is found where the text ends; the mistake is where the quote opened.
    if (error.code === 'MISSING_CHAR' && /quote/i.test(error.message)) {
      while (index > 1 && !/:\s*["']/.test(lines[index] ?? '')) index--;
    }
    return problem(file, index + 1, yamlMessage(error, lines[index] ?? ''));
  }
  const value: unknown = doc.toJS();
  if (value !== null && value !== undefined && (typeof value !== 'object' || Array.isArray(value))) {
    return problem(file, 2, '字段部分应为“字段: 值”一行一个，例如 year: 2024');
  }
  return { entry: { frontmatter: (value ?? {}) as Record<string, unknown>, body: lines.slice(end + 1).join('\n'), bodyLine: end + 2, raw: text } };
}

function problem(file: string, line: number, message: string): { problem: Problem } {
  return { problem: { file, field: `第 ${line} 行`, message } };
}

/** What a YAML mistake means for staff, by the parser's error code. */
function yamlMessage(error: YAMLError, line: string): string {
  const shown = line.trim() ? `“${line.trim()}”` : '这一行';
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return `${shown}：这个字段写了两次。每个字段只写一次，请删掉多余的一行`;
    case 'TAB_AS_INDENT':
      return `${shown}：缩进用了 Tab 键。请改用空格缩进（两个空格）`;
    case 'BLOCK_AS_IMPLICIT_KEY':
      // signedOn: 2024-01-08: — a colon at the end reads as a second field name.
      if (/^[^:]+:\s*\S.*:$/.test(line.trim())) return `${shown}：值的末尾多了一个冒号“:”。请删掉它；冒号本是值的一部分时，给整个值加双引号`;
      return `${shown}：值里有“: ”（冒号加空格）。请给整个值加双引号，例如 heading: "一是: 高度重视"`;
    case 'MISSING_CHAR':
      return /quote/i.test(error.message)
        ? `${shown}：引号没有成对。值前面加了引号，后面也要加同样的引号`
        : `${shown}：列表的每一项要以“- ”开头，并和上一项对齐缩进`;
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BAD_INDENT':
      return `${shown}：缩进不对，或上一行的值没有写完。列表项（- …）和它下面的字段要对齐缩进，方括号 [ ] 要成对`;
    default:
      return (
        `${shown} 不是正确的“字段: 值”写法。` +
        '冒号后要有一个空格；值里本身有“: ”“#”或以 [ { * & ! | > % @ 等开头时，请给整个值加双引号，例如 heading: "一是: 高度重视"'
      );
  }
}

const mdx = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/**
 * Whether the body reads as MDX, as the build will read it; else where it stops, and how to
 * write such characters as text. The importer escapes them; this catches a hand edit.
 */
export function mdxProblem(entry: EntryFile, file: string): Problem | undefined {
  try {
    mdx.parse(entry.body);
    return undefined;
  } catch (e) {
    const place = e as { line?: number; place?: { line?: number; start?: { line?: number } } };
    const bodyLine = place.line ?? place.place?.line ?? place.place?.start?.line ?? 1;
    const line = entry.bodyLine + bodyLine - 1;
    const text = entry.raw.split('\n')[line - 1]?.trim() ?? '';
    return {
      file,
      field: `第 ${line} 行`,
      message:
        `正文无法按 MDX 读取${text ? `：“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”` : ''}。` +
        '正文中作为文字的 { } < > 要在前面加反斜杠，写成 \\{ \\} \\< \\>（npm run import 导入时会自动这样写）；标签和花括号要成对',
    };
  }
}
