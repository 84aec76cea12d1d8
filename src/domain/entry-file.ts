/**
 * Reading one content entry file (.mdx) as staff wrote it, for check and build alike: its
 * bytes as UTF-8, with no invisible control characters; the frontmatter between the two
 * `---` lines, parsed with the `yaml` package under YAML 1.2's core schema, so dates stay
 * the text written (2026-02-30 is not rolled over into 2026-03-02 as a YAML timestamp would
 * be) and the schemas validate them as calendar dates; then the body, read as MDX syntax into
 * a tree and refused when it holds anything but text (code, images, odd links). Every problem
 * is a Chinese message naming the line and the fix.
 */
import { parseDocument, type YAMLError } from 'yaml';
import type { Problem } from './check.ts';
import { isTextMarkup, parseBody, type MdastRoot } from './body.ts';
import { INVISIBLE, invisibleName } from './invisible.ts';
import { CONTINUE, EXIT, visit } from 'unist-util-visit';

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
  const invisible = invisibleProblem(text, file);
  if (invisible) return { problem: invisible };
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

/** The first invisible character of a text, as a problem naming its line. */
export function invisibleProblem(text: string, file: string): Problem | undefined {
  const m = INVISIBLE.exec(text);
  if (!m) return undefined;
  const line = text.slice(0, m.index).split('\n').length;
  const fix = m[0] === '\u000B' ? '请在那里另起一段，或删掉它' : '请删掉它（很多编辑器里看不见它，可以删掉这一行后照原文重打）';
  return { file, field: `第 ${line} 行`, message: `这一行有${invisibleName(m[0])}。${fix}` };
}

/**
 * An entry file's bytes as text: UTF-8 (a byte order mark at the start is dropped), line ends
 * as \n whether written \r\n or \r. Anything else is not read at all.
 */
export function decodeEntryFile(bytes: Uint8Array, file: string): { text: string } | { problem: Problem } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: { file, field: '(文件)', message: '文件不是 UTF-8 编码，无法读取。请用编辑器把它另存为 UTF-8 编码（VS Code：右下角的编码 → 通过编码保存 → UTF-8）' } };
  }
  return { text: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') };
}

/** Where a parse error is, as a line of the body. */
function errorLine(e: unknown): number {
  const place = e as { line?: number; place?: { line?: number; start?: { line?: number } } };
  return place.line ?? place.place?.line ?? place.place?.start?.line ?? 1;
}

/** A line of the file, shortened for a message. */
function quoted(entry: Pick<EntryFile, 'raw'>, line: number): string {
  const text = entry.raw.split('\n')[line - 1]?.trim() ?? '';
  return text ? `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”` : '';
}

const ESCAPE_HOW = '正文中作为文字的 { } < > 要在前面加反斜杠，写成 \\{ \\} \\< \\>（npm run import 导入时会自动这样写）';

/**
 * Whether the body reads as MDX, as the build will read it; else where it stops, and how to
 * write such characters as text. The importer escapes them; this catches a hand edit.
 */
export function mdxProblem(entry: EntryFile, file: string): Problem | undefined {
  try {
    parseBody(entry.body);
    return undefined;
  } catch (e) {
    const line = entry.bodyLine + errorLine(e) - 1;
    return { file, field: `第 ${line} 行`, message: `正文无法按 MDX 读取${quoted(entry, line) ? `：${quoted(entry, line)}` : ''}。${ESCAPE_HOW}；标签和花括号要成对` };
  }
}

/** What MDX would run in a body: import/export, {…} expressions, <tags>; in words. */
const CODE: Record<string, string> = {
  mdxjsEsm: 'import/export 语句',
  mdxFlowExpression: '花括号 { } 里的表达式',
  mdxTextExpression: '花括号 { } 里的表达式',
  mdxJsxFlowElement: '尖括号 < > 的标签',
  mdxJsxTextElement: '尖括号 < > 的标签',
};

/** Links a reader may follow from report text: web addresses, e-mail, telephone and the site's own paths. */
const SAFE_LINK = /^(?:https?:|mailto:|tel:|[/#?.]|[^:]*$)/i;

type BodyNode = { type: string; value?: string; url?: string; position?: { start: { line: number } } };

/** The first node of a body, in reading order, that `found` answers for. */
function firstIn<T>(tree: MdastRoot, found: (node: BodyNode, line: number) => T | undefined): T | undefined {
  let first: T | undefined;
  visit(tree, (node: BodyNode) => {
    first = found(node, node.position?.start.line ?? 1);
    return first === undefined ? CONTINUE : EXIT;
  });
  return first;
}

/** The first thing in a body that is not text: code MDX would run, an image, or a link of another scheme. */
const notText = (tree: MdastRoot) =>
  firstIn(tree, (node, line) => {
    if (CODE[node.type] && !isTextMarkup(node)) return { line, what: CODE[node.type]! };
    if (node.type === 'image' || node.type === 'imageReference') return { line, what: '图片' };
    if (node.type === 'link' && !SAFE_LINK.test(node.url ?? '')) return { line, what: `链接“${node.url}”` };
    return undefined;
  });

/** The first character a reader cannot see in the body's text, where a character reference put it (the file's own characters are checked as written). */
const invisibleText = (tree: MdastRoot) =>
  firstIn(tree, (node, line) => {
    const ch = INVISIBLE.exec(`${node.value ?? ''}${node.url ?? ''}`)?.[0];
    return ch ? { line, ch } : undefined;
  });

/**
 * The body read once, as data: its tree, or a problem where it cannot be read or would run
 * code. Report text never executes; every such construct is refused with the way to write
 * its characters as text.
 */
export function readBody(entry: EntryFile, file: string): { tree: MdastRoot } | { problem: Problem } {
  let tree: MdastRoot;
  try {
    tree = parseBody(entry.body);
  } catch {
    return { problem: mdxProblem(entry, file)! };
  }
  const hidden = invisibleText(tree);
  if (hidden) {
    const line = entry.bodyLine + hidden.line - 1;
    const message = `正文${quoted(entry, line) ? ` ${quoted(entry, line)} ` : ''}中有用字符引用（如 &#8238;、&ZeroWidthSpace;）写成的${invisibleName(hidden.ch)}，读者看不见它。请删掉这个字符引用`;
    return { problem: { file, field: `第 ${line} 行`, message } };
  }
  const bad = notText(tree);
  if (!bad) return { tree };
  const line = entry.bodyLine + bad.line - 1;
  const message = bad.what.startsWith('链接') || bad.what === '图片'
    ? `正文${quoted(entry, line) ? ` ${quoted(entry, line)} ` : ''}中有${bad.what}：报告正文只能有文字和网址链接（http、https、mailto、tel）。请删掉它，或改成文字`
    : `正文${quoted(entry, line) ? ` ${quoted(entry, line)} ` : ''}中有${bad.what}，构建时会被当作代码运行：报告正文只能是文字。${ESCAPE_HOW}`;
  return { problem: { file, field: `第 ${line} 行`, message } };
}
