/**
 * An entry's MDX body as plain text, for open data: parsed as the build parses it (MDX with
 * GFM tables), so escapes (\1\.), character references (&#x69;) and empty expressions
 * ({""}) become the characters a reader sees. Blocks (paragraphs, sub-headings, table rows)
 * are separated by a blank line; a table row's cells by a tab.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import type { Nodes, Parents, Root, RootContent } from 'mdast';

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** Node types that render nothing a reader sees as text. */
const SILENT = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'html', 'thematicBreak', 'definition', 'yaml']);

function withoutSilent<T extends Nodes>(node: T): T {
  if (!('children' in node)) return node;
  const children = (node as Parents).children.filter((c) => !SILENT.has(c.type)).map((c) => withoutSilent(c));
  return { ...node, children } as T;
}

function blocks(node: RootContent): string[] {
  if (SILENT.has(node.type)) return [];
  switch (node.type) {
    case 'table':
      return [node.children.map((row) => row.children.map((cell) => toString(withoutSilent(cell)).trim()).join('\t')).join('\n')];
    case 'list':
    case 'listItem':
    case 'blockquote':
    case 'mdxJsxFlowElement':
      return node.children.flatMap((c) => blocks(c as RootContent));
    case 'code':
      return [node.value];
    default:
      return [toString(withoutSilent(node))];
  }
}

export function mdxToPlainText(mdx: string): string {
  const tree = parser.parse(mdx) as Root;
  return tree.children
    .flatMap(blocks)
    .map((b) => b.trim())
    .filter(Boolean)
    .join('\n\n');
}
