/**
 * An entry's body, read once: the text after the frontmatter is parsed as the entry format
 * says (MDX syntax with GFM tables and footnotes, so `\{`, `\<` and `\*` are the characters
 * themselves), and turned into HTML elements here, by the site, never by compiling it: report
 * text is data and runs no code. A body with code in it (import/export, {…} expressions,
 * <components>) is refused before this (entry-file.ts), so nothing of the kind reaches a page.
 *
 * What a reader sees of a body is defined once, `readerText`: the text of each block (a
 * paragraph, a sub-heading, a list item, a table row with its cells between tabs, a
 * footnote), in order. Open data, the feed, the figures rule and the published record all use
 * it, and so does `npm run verify`, reading the same elements back from a built page.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import GithubSlugger from 'github-slugger';
import type { Root as MdastRoot } from 'mdast';
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { FOOTNOTE_LABEL, isPageChrome, type BodyPieces } from './body-html.ts';

export type { MdastRoot, HastRoot };

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** The body's syntax tree; throws (with the place) where it cannot be read as MDX. */
export const parseBody = (source: string): MdastRoot => parser.parse(source) as MdastRoot;

/**
 * The two pieces of MDX syntax the entry format uses, written by the importer to keep text as
 * text: an empty string `{""}` between characters that GFM would otherwise make a link of
 * (www{""}.example.com), and a line break `<br />` inside a table cell. Neither runs anything;
 * every other expression, tag or import is code and is refused (entry-file.ts).
 */
export function isTextMarkup(node: { type: string; value?: unknown; name?: unknown; attributes?: unknown[]; children?: unknown[] }): boolean {
  if (node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression') return String(node.value).trim() === '""';
  if (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') return node.name === 'br' && !node.attributes?.length && !node.children?.length;
  return false;
}

/** How the text markup becomes HTML: an empty string nothing, a line break <br>. */
const TEXT_MARKUP_HANDLERS = {
  mdxTextExpression: () => undefined,
  mdxFlowExpression: () => undefined,
  mdxJsxTextElement: () => ({ type: 'element' as const, tagName: 'br', properties: {}, children: [] }),
  mdxJsxFlowElement: () => ({ type: 'element' as const, tagName: 'br', properties: {}, children: [] }),
};

/**
 * The body as HTML elements. Sub-headings (###) carry an id made from their text (the same
 * ids as before: github-slugger), footnotes are numbered within the body, their ids prefixed
 * with `idPrefix` so that several bodies can stand on one page.
 */
export function bodyHast(tree: MdastRoot, idPrefix: string): HastRoot {
  const hast = toHast(tree, {
    clobberPrefix: idPrefix,
    footnoteLabel: '注释',
    footnoteLabelTagName: 'h4',
    footnoteBackLabel: (n: number) => `返回正文中注释 ${n + 1} 的位置`,
    footnoteLabelProperties: { className: ['footnotes-label'] },
    handlers: TEXT_MARKUP_HANDLERS,
  }) as HastRoot;
  prefixFootnoteLabel(hast, idPrefix);
  const slugger = new GithubSlugger();
  // An id begins with a letter (a Han character is one): 1.健全机制 would give 1健全机制.
  const idOf = (node: Element) => slugger.slug(textOf(node)).replace(/^(?=[\d-])/, 'h-');
  for (const node of hast.children) {
    if (node.type !== 'element') continue;
    if (node.tagName === 'h3') node.properties = { ...node.properties, id: idOf(node) };
    if (node.tagName === 'h4') node.properties = { ...node.properties, id: idOf(node), className: ['third-level'] };
  }
  return hast;
}

/**
 * The footnotes' label gets the id `footnote-label` whatever the prefix (mdast-util-to-hast
 * always adds it, for the references' aria-describedby): prefixed here with the rest, so two
 * bodies with footnotes on one page do not share an id and each reference names its own label.
 */
function prefixFootnoteLabel(node: HastRoot | Element, idPrefix: string): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const p = child.properties;
    if (p.id === FOOTNOTE_LABEL) p.id = idPrefix + FOOTNOTE_LABEL;
    if (Array.isArray(p.ariaDescribedBy)) p.ariaDescribedBy = p.ariaDescribedBy.map((id) => (id === FOOTNOTE_LABEL ? idPrefix + FOOTNOTE_LABEL : id));
    prefixFootnoteLabel(child, idPrefix);
  }
}

/** How far below ### a sub-heading stands: h3 (###) at 0, h4 (####, one level further down) at 1. */
const BELOW: Record<string, number> = { h3: 0, h4: 1 };

/** The attributes of an element's start tag as written in HTML (the text between its name and its '>'). */
function attributesOf(node: Element, properties: Element['properties']): string {
  const empty = toHtml({ ...node, tagName: 'h3', properties, children: [] });
  return empty.slice('<h3'.length, -'></h3>'.length);
}

/** The body's HTML in pieces, each sub-heading apart (body-html.ts joins them at a page's level). */
export function bodyPieces(hast: HastRoot): BodyPieces {
  const pieces: BodyPieces = [];
  for (const node of hast.children) {
    const below = node.type === 'element' ? BELOW[node.tagName] : undefined;
    if (below === undefined || node.type !== 'element') {
      const html = toHtml(node);
      const last = pieces.length - 1;
      if (typeof pieces[last] === 'string') pieces[last] += html;
      else pieces.push(html);
      continue;
    }
    const attributes: [string, string] = [attributesOf(node, node.properties), attributesOf(node, { ...node.properties, id: undefined })];
    pieces.push({ below, attributes, inner: toHtml({ type: 'root', children: node.children }) });
  }
  return pieces;
}

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre']);
const CONTAINERS = new Set(['ol', 'ul', 'li', 'blockquote', 'section', 'div']);

/** The characters of a node as read, leaving out the page's own words. */
function textOf(node: ElementContent | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' || isPageChrome(node)) return '';
  return node.children.map(textOf).join('');
}

/** A list item's own text (its nested lists are blocks of their own). */
function ownText(li: Element): string {
  return li.children.filter((c) => !(c.type === 'element' && (c.tagName === 'ul' || c.tagName === 'ol' || c.tagName === 'p'))).map(textOf).join('');
}

/** A table's rows, each its cells' text between tabs. */
function rowsOf(table: Element): string[] {
  const rows: string[] = [];
  const walk = (e: Element) => {
    for (const c of e.children) {
      if (c.type !== 'element') continue;
      if (c.tagName === 'tr') rows.push(c.children.filter((x): x is Element => x.type === 'element').map((x) => textOf(x).trim()).join('\t'));
      else walk(c);
    }
  };
  walk(table);
  return rows;
}

function blocksOf(nodes: readonly (ElementContent | RootContent)[], out: string[]): string[] {
  for (const node of nodes) {
    if (node.type !== 'element' || isPageChrome(node)) continue;
    if (node.tagName === 'table') out.push(rowsOf(node).join('\n'));
    else if (BLOCKS.has(node.tagName)) out.push(textOf(node).trim());
    else if (node.tagName === 'li') {
      const own = ownText(node).trim();
      if (own) out.push(own);
      blocksOf(node.children, out);
    } else if (CONTAINERS.has(node.tagName)) blocksOf(node.children, out);
    else out.push(textOf(node).trim());
  }
  return out;
}

/** The text a reader sees of a body, block by block: the one definition every reader of the text uses. */
export function readerText(hast: HastRoot | Element): string[] {
  return blocksOf(hast.children, []).filter(Boolean);
}

/** The text a reader sees of a body's source, block by block: for those that hold only the source (tools, tests). */
export const bodyText = (source: string): string[] => readerText(bodyHast(parseBody(source), ''));
