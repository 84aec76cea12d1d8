/**
 * How much code the project holds, and its longest functions: `npm run bench:code [folder]`
 * (default: this checkout). Lines of code per folder (not blank, not only a comment) for the
 * TypeScript, JavaScript, Astro and CSS files under src/, scripts/, bench/ (without the Starlight
 * comparison's own project) and tests/ (without fixtures), and the ten longest functions, by the
 * lines from their first to their last (outside tests/, whose describe and it callbacks are lists
 * of cases), parsed with rolldown's parser (oxc); an .astro file's
 * frontmatter and <script> blocks count as TypeScript.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { parseAst } from 'rolldown/parseAst';

const root = resolve(process.argv[2] ?? join(import.meta.dirname, '..'));
const FOLDERS = ['src', 'scripts', 'bench', 'tests'];
const SKIP = /(^|\/)(node_modules|fixtures|starlight|held-out|search-sets|\.astro)(\/|$)/;
const EXT = new Set(['.ts', '.mjs', '.cjs', '.js', '.astro', '.css']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (SKIP.test(relative(root, path))) return [];
    return statSync(path).isDirectory() ? files(path) : EXT.has(extname(name)) ? [path] : [];
  });
}

/** Lines that hold code: not blank, not only part of a comment. */
function codeLines(text: string): number {
  let inBlock = false;
  let n = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (inBlock) {
      if (line.includes('*/')) inBlock = false;
      continue;
    }
    if (!line || line.startsWith('//') || line.startsWith('<!--')) continue;
    if (line.startsWith('/*')) {
      inBlock = !line.includes('*/');
      continue;
    }
    n++;
  }
  return n;
}

/** The script parts of a file: a .ts whole, an .astro's frontmatter and <script> blocks (with their first line). */
function scripts(path: string, text: string): { code: string; line: number }[] {
  if (extname(path) === '.css') return [];
  if (extname(path) !== '.astro') return [{ code: text, line: 1 }];
  const out: { code: string; line: number }[] = [];
  const front = /^---\n([\s\S]*?)\n---/.exec(text);
  if (front) out.push({ code: front[1]!, line: 2 });
  for (const m of text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)) out.push({ code: m[1]!, line: text.slice(0, m.index).split('\n').length });
  return out;
}

type Node = { type: string; start: number; end: number; id?: { name?: string }; key?: { name?: string } };

/** Every function of a piece of code with its name (where it has one) and its first and last line. */
function functions(code: string, firstLine: number, name: string): { name: string; lines: number; at: number }[] {
  let ast: unknown;
  try {
    ast = parseAst(code, { lang: 'ts' });
  } catch {
    return [];
  }
  const lineOf = (offset: number) => code.slice(0, offset).split('\n').length;
  const out: { name: string; lines: number; at: number }[] = [];
  const visit = (node: unknown, label: string) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((n) => visit(n, label));
    const n = node as Node & Record<string, unknown>;
    const own = n.id?.name ?? n.key?.name ?? label;
    if (/Function|ArrowFunctionExpression/.test(n.type ?? '')) {
      out.push({ name: `${name}:${own || '(anonymous)'}`, lines: lineOf(n.end) - lineOf(n.start) + 1, at: firstLine + lineOf(n.start) - 1 });
    }
    const next = n.type === 'VariableDeclarator' || n.type === 'Property' || n.type === 'MethodDefinition' ? (n.id?.name ?? n.key?.name ?? own) : own;
    for (const [k, v] of Object.entries(n)) if (k !== 'start' && k !== 'end' && typeof v === 'object') visit(v, next);
  };
  visit(ast, '');
  return out;
}

const perFolder = new Map<string, number>();
const all: { name: string; lines: number; at: number }[] = [];
for (const folder of FOLDERS) {
  for (const path of files(join(root, folder))) {
    const text = readFileSync(path, 'utf8');
    const rel = relative(root, path);
    const key = rel.split('/').slice(0, folder === 'src' || folder === 'tests' ? 2 : 1).join('/');
    const kind = extname(path) === '.css' ? `${key} (css)` : key;
    perFolder.set(kind, (perFolder.get(kind) ?? 0) + codeLines(text));
    for (const s of scripts(path, text)) all.push(...functions(s.code, s.line, rel));
  }
}

const total = (pred: (k: string) => boolean) => [...perFolder].filter(([k]) => pred(k)).reduce((a, [, n]) => a + n, 0);
console.log(`Lines of code in ${root}:`);
for (const [k, n] of [...perFolder].sort(([a], [b]) => a.localeCompare(b))) console.log(`  ${k.padEnd(28)} ${String(n).padStart(6)}`);
console.log(`  ${'src (code)'.padEnd(28)} ${String(total((k) => k.startsWith('src') && !k.endsWith('(css)'))).padStart(6)}`);
console.log(`  ${'src (css)'.padEnd(28)} ${String(total((k) => k.startsWith('src') && k.endsWith('(css)'))).padStart(6)}`);
console.log(`  ${'all but tests'.padEnd(28)} ${String(total((k) => !k.startsWith('tests'))).padStart(6)}`);
// Tests' describe and it callbacks are lists of cases, not functions anyone reads as one.
console.log('Longest functions outside tests/ (lines, first to last):');
for (const f of all.filter((f) => !f.name.startsWith('tests/')).sort((a, b) => b.lines - a.lines).slice(0, 10)) {
  console.log(`  ${String(f.lines).padStart(4)}  ${f.name} (line ${f.at})`);
}
