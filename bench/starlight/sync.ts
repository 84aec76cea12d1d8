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
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadContent } from '../../scripts/lib/content.ts';
import { formatProblems } from '../../src/domain/check.ts';
import { frontmatter } from '../../src/domain/frontmatter.ts';
import { printedHeading, signatureLines } from '../../src/domain/report.ts';
import { reportPath, sectionSlug } from '../../src/utils/routes.ts';

const HERE = import.meta.dirname;
const ROOT = resolve(HERE, '../..');
const CONTENT = process.env.CONTENT_DIR ? resolve(ROOT, process.env.CONTENT_DIR) : join(ROOT, 'src/content');
const DOCS = join(HERE, 'src/content/docs');

/** One year's report and its sections, read and validated as the site's build reads them. */
function readYear(year: string) {
  const { reports, sections, problems } = loadContent(CONTENT);
  if (problems.length) throw new Error(formatProblems(problems));
  const report = reports.find((r) => String(r.data.year) === year);
  if (!report) throw new Error(`${CONTENT}: no report for ${year}`);
  return { report, sections: sections.filter((s) => s.data.report === year).sort((a, b) => a.data.order - b.data.order) };
}

export function sync(year = '2023'): { pages: string[] } {
  const { report, sections } = readYear(year);
  const title = report.data.title;
  const signature = signatureLines(report.data);

  rmSync(DOCS, { recursive: true, force: true });
  mkdirSync(join(DOCS, year), { recursive: true });
  const pages: string[] = [];
  const write = (rel: string, front: Record<string, unknown>, body: string) => {
    writeFileSync(join(DOCS, rel), `${frontmatter(front)}\n${body.trim()}\n`);
    pages.push(rel);
  };

  // Signature lines, right-aligned as on the site; a paragraph each.
  const signatureHtml = `<div style="text-align: end">\n\n${signature.join('\n\n')}\n\n</div>`;

  write(
    `${reportPath(year)}index.md`,
    { title, sidebar: { order: 0, label: `${year}年度报告全文` } },
    [
      (report.body ?? '').trim(),
      ...sections.map((s) => `## ${printedHeading(s.data)}\n\n${(s.body ?? '').trim()}`),
      signatureHtml,
    ].join('\n\n'),
  );
  for (const s of sections) {
    write(`${year}/${sectionSlug(s.data.order)}.md`, { title: printedHeading(s.data), sidebar: { order: s.data.order } }, s.body ?? '');
  }
  mkdirSync(join(HERE, 'public'), { recursive: true });
  copyFileSync(join(ROOT, 'public/favicon.svg'), join(HERE, 'public/favicon.svg'));
  write('index.md', { title: '法治政府建设年度报告' }, `- [${title}](/${reportPath(year)})`);
  return { pages };
}

if (import.meta.main) {
  const { pages } = sync(process.argv[2]);
  console.log(`Starlight docs written: ${pages.length} pages → ${DOCS}`);
}
