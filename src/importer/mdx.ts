/**
 * Report text as MDX that renders exactly as printed. MDX would otherwise read parts of
 * ordinary text as Markdown ('1.' a list, '#' a heading, '*' emphasis), as JSX or
 * expressions ('<', '{') or as HTML entities ('&amp;'): each such character is escaped
 * with a backslash, which MDX accepts before any ASCII punctuation. Two cases a backslash
 * cannot reach are handled below: ESM ('import …') and GFM's bare-address links.
 */
import type { BodyBlock, Block, ImportedSection, Report } from './model.ts';

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

function cell(text: string): string {
  return text
    .split('\n')
    .map((l) => escapeInline(l.trim()))
    .filter(Boolean)
    .join('<br />');
}

export function renderBlock(b: Block | BodyBlock): string {
  if (b.kind === 'table') return renderTable(b.rows);
  if (b.kind === 'subheading') return `### ${escapeInline(b.text)}`;
  return escapeParagraph(b.text);
}

/**
 * A YAML scalar as written in the entries: plain where YAML reads it back as the same
 * string, double-quoted (JSON syntax, valid YAML) where it would read it as something else.
 */
export function yamlScalar(value: string): string {
  return needsQuotes(value) ? JSON.stringify(value) : value;
}

function needsQuotes(s: string): boolean {
  return (
    s === '' ||
    s !== s.trim() ||
    /[\u0000-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(s) ||
    /^[-?:,[\]{}#&*!|>'"%@`=<~]/.test(s) || // YAML indicators
    /:(\s|$)|\s#/.test(s) || // a mapping or a comment
    /^(null|true|false|yes|no|on|off|y|n)$/i.test(s) ||
    /^[-+]?(\d[\d_,]*)?\.?\d[\d_]*([eE][-+]?\d+)?$/.test(s) || // numbers
    /^[-+]?0[xob][\da-f_]+$/i.test(s) ||
    /^[-+]?\.(inf|nan)$/i.test(s) ||
    /^\d[\d_]*(:[0-5]?\d)+(\.\d*)?$/.test(s) || // base 60
    /^\d{4}-\d\d?-\d\d?(\s|[Tt]|$)/.test(s) // dates and timestamps
  );
}

/** A frontmatter value: text (quoted when needed), a number, a list of text, or raw YAML. */
type Value = string | number | readonly string[] | { raw: string } | undefined;

function frontmatter(fields: readonly [string, Value][]): string {
  const lines = ['---'];
  for (const [key, value] of fields) {
    if (value === undefined) continue;
    if (typeof value === 'number') lines.push(`${key}: ${value}`);
    else if (typeof value === 'string') lines.push(`${key}: ${yamlScalar(value)}`);
    else if ('raw' in value) lines.push(`${key}: ${value.raw}`);
    else lines.push(`${key}:`, ...value.map((v) => `  - ${yamlScalar(v)}`));
  }
  return [...lines, '---'].join('\n');
}

function entry(head: string, body: readonly (Block | BodyBlock)[]): string {
  return body.length ? `${head}\n\n${body.map(renderBlock).join('\n\n')}\n` : `${head}\n`;
}

/** src/content/reports/<year>.mdx; fields in the order of the existing entries. */
export function renderReport(r: Report): string {
  const head = frontmatter([
    ['year', r.year],
    ['title', r.title],
    ['agency', r.agency],
    ['signedOn', { raw: r.signedOn }], // an ISO date, unquoted as in the existing entries
    ['signature', r.signature],
  ]);
  return entry(head, r.preface);
}

/** src/content/sections/<year>/<NN>.mdx. */
export function renderSection(year: number, s: ImportedSection): string {
  const head = frontmatter([
    ['report', year],
    ['order', s.order],
    ['numeral', s.numeral],
    ['heading', s.heading],
    ['item', s.item],
  ]);
  return entry(head, s.body);
}

export function sectionFileName(order: number): string {
  return `${String(order).padStart(2, '0')}.mdx`;
}
