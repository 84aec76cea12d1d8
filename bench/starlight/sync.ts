/**
 * Copies the real 2023 report (src/content/) into this bench-only Starlight site as
 * Starlight docs entries, so bench/compare.ts measures both sites on the same text:
 *
 *   src/content/docs/index.md            home: a link to each report
 *   src/content/docs/2023/index.md       whole report: preface, seven sections with headings, signature
 *   src/content/docs/2023/section-N.md   one page per section (the site's /2023/section-N/)
 *   public/favicon.svg                   the site's icon (Starlight links /favicon.svg; a missing
 *                                        one logs a 404 that would cost it Lighthouse points)
 *
 * Run: node bench/starlight/sync.ts [year]   (bench/compare.ts runs it before building).
 * Plain Markdown in, plain Markdown out: the entries hold no MDX components.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const HERE = import.meta.dirname;
const ROOT = resolve(HERE, '../..');
const CONTENT = process.env.CONTENT_DIR ? resolve(ROOT, process.env.CONTENT_DIR) : join(ROOT, 'src/content');
const DOCS = join(HERE, 'src/content/docs');

type Front = Record<string, string | string[]>;

/** The small part of YAML the content entries use: `key: value`, `key:` + `- item` lists, comments. */
function parseEntry(file: string): { data: Front; body: string } {
  const text = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`${file}: no frontmatter`);
  const data: Front = {};
  let list: string | undefined;
  for (const raw of m[1]!.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '');
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const item = /^\s+-\s+(.*)$/.exec(line);
    if (item && list) {
      (data[list] as string[]).push(unquote(item[1]!));
      continue;
    }
    const kv = /^([A-Za-z]\w*):\s*(.*)$/.exec(line);
    if (!kv) continue;
    list = undefined;
    if (kv[2] === '') {
      list = kv[1]!;
      data[list] = [];
    } else data[kv[1]!] = unquote(kv[2]!);
  }
  return { data, body: m[2]!.trim() };
}
const unquote = (s: string) => s.trim().replace(/^(['"])(.*)\1$/, '$2');

const chineseDate = (iso: string) => {
  const [y, mo, d] = iso.split('-').map(Number);
  return `${y}年${mo}月${d}日`;
};

export function sync(year = '2023'): { pages: string[] } {
  const report = parseEntry(join(CONTENT, 'reports', `${year}.mdx`));
  const sectionDir = join(CONTENT, 'sections', year);
  const sections = readdirSync(sectionDir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => parseEntry(join(sectionDir, f)))
    .sort((a, b) => Number(a.data.order) - Number(b.data.order));
  const title = String(report.data.title);
  const signature = Array.isArray(report.data.signature)
    ? report.data.signature
    : [String(report.data.agency), chineseDate(String(report.data.signedOn))];

  rmSync(DOCS, { recursive: true, force: true });
  mkdirSync(join(DOCS, year), { recursive: true });
  const pages: string[] = [];
  const write = (rel: string, front: Record<string, string | object>, body: string) => {
    // JSON strings and objects are valid YAML (a flow scalar / flow mapping).
    const fm = Object.entries(front)
      .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
      .join('\n');
    writeFileSync(join(DOCS, rel), `---\n${fm}\n---\n\n${body.trim()}\n`);
    pages.push(rel);
  };

  // Signature lines, right-aligned as on the site; a paragraph each.
  const signatureHtml = `<div style="text-align: end">\n\n${signature.join('\n\n')}\n\n</div>`;

  write(
    `${year}/index.md`,
    { title, sidebar: { order: 0, label: `${year}年度报告全文` } },
    [
      report.body,
      ...sections.map((s) => `## ${s.data.numeral}、${s.data.heading}\n\n${s.body}`),
      signatureHtml,
    ].join('\n\n'),
  );
  for (const s of sections) {
    write(
      `${year}/section-${s.data.order}.md`,
      {
        title: `${s.data.numeral}、${s.data.heading}`,
        sidebar: { order: Number(s.data.order) },
      },
      s.body,
    );
  }
  mkdirSync(join(HERE, 'public'), { recursive: true });
  copyFileSync(join(ROOT, 'public/favicon.svg'), join(HERE, 'public/favicon.svg'));
  write('index.md', { title: '法治政府建设年度报告' }, `- [${title}](/${year}/)`);
  return { pages };
}

if (import.meta.main) {
  const { pages } = sync(process.argv[2]);
  console.log(`Starlight docs written: ${pages.length} pages → ${DOCS}`);
}
