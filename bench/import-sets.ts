/**
 * Reports in layouts written apart from the importer, imported as staff import them:
 * `node bench/import-sets.ts [folder …]` (default: tests/fixtures/import-held-out, import-held-out-2 and
 * tests/fixtures/import-layouts). Each case is a folder with the original (report.docx,
 * report.txt …) and expected.json: title, year, agency, dates, 文号, 索引号, the preface's
 * start, each section's printed heading, items, first and last characters and sub-headings,
 * the footnotes that must be kept (anywhere in the text; a section's first and last characters are
 * read without its notes) and the lines that are not report text.
 *
 * Every case is imported with `npm run import` into an empty content folder of its own; the
 * entries written are read back with the site's own reader, and each expectation is checked.
 * A case imports right when every check holds; the failures are listed per case.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { ROOT } from '../tests/helpers/build.ts';
import { loadContentFolder } from '../src/domain/content-folder.ts';
import { printedHeading, signatureLines } from '../src/domain/report.ts';
import { bodyText } from '../src/domain/body.ts';

interface ExpectedSection {
  printedHeading: string;
  items: string[];
  startsWith: string;
  endsWith: string;
  subheads: string[];
}

interface Expected {
  year: number;
  title: string;
  agency?: string | null;
  signedOn: string | null;
  documentNumber: string | null;
  indexNumber?: string | null;
  prefaceStartsWith: string | null;
  sections: ExpectedSection[];
  footnotes: string[];
  notReportText: string[];
}

const DEFAULT_SETS = ['tests/fixtures/import-held-out', 'tests/fixtures/import-held-out-2', 'tests/fixtures/import-layouts'];
const roots = (process.argv.slice(2).length ? process.argv.slice(2) : DEFAULT_SETS).map((d) => resolve(ROOT, d)).filter(existsSync);

const cases = roots.flatMap((root) =>
  readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'expected.json')))
    .map((d) => join(root, d.name))
    .sort(),
);

/** The original in a case folder: the one file named report.* (or the only other file). */
function originalOf(dir: string): string {
  const files = readdirSync(dir).filter((f) => f !== 'expected.json');
  return join(dir, files.find((f) => f.startsWith('report.')) ?? files[0]!);
}

const short = (s: string, n = 40) => (s.length > n ? `${s.slice(0, n)}…` : s);
/**
 * Text as compared: without whitespace, on both sides. Where one block ends and the next begins
 * (a run-in sub-heading and the text after it, a paragraph split at a page break) is structure,
 * checked by the sub-heading and section lists, not a difference in the characters.
 */
const squash = (s: string) => s.replace(/\s+/g, '');

/** What the import wrote, as readers and checks see it. */
/**
 * A body's text without its footnotes: their marks ([^1]) and their notes at the end are the
 * report's notes, kept apart (the footnote check reads them), not the end of its last paragraph.
 */
const withoutNotes = (body: string) => bodyText(body.replace(/^\[\^[^\]]+\]:.*$/gm, '').replace(/\[\^[^\]]+\]/g, '')).join('\n\n');

function imported(contentDir: string) {
  const { reports, sections, problems } = loadContentFolder(contentDir, contentDir);
  const report = reports[0];
  if (!report) return { problems: problems.map((p) => `${p.file} ${p.field} ${p.message}`) };
  const own = sections.filter((s) => s.data.report === String(report.data.year)).sort((a, b) => a.data.order - b.data.order);
  return {
    report,
    sections: own.map((s) => ({ data: s.data, body: s.body ?? '', text: withoutNotes(s.body ?? ''), withNotes: bodyText(s.body ?? '').join('\n\n') })),
    preface: bodyText(report.body ?? '').join('\n\n'),
    problems: [],
  };
}

/** The checks of one case: each a failure message, none when it imports right. */
function check(expected: Expected, got: ReturnType<typeof imported>): string[] {
  if (!got.report || !got.sections || got.preface === undefined) return [`nothing readable was written: ${got.problems.join('; ')}`];
  const fail: string[] = [];
  const d = got.report.data;
  const same = (what: string, want: unknown, have: unknown) => {
    if (want !== have) fail.push(`${what}: want ${JSON.stringify(want)}, got ${JSON.stringify(have)}`);
  };
  same('year', expected.year, d.year);
  same('title', expected.title, d.title);
  if (expected.agency) same('agency', expected.agency, d.agency);
  if (expected.signedOn) same('signedOn', expected.signedOn, d.signedOn);
  same('documentNumber', expected.documentNumber ?? undefined, d.documentNumber);
  if (expected.indexNumber !== undefined) same('indexNumber', expected.indexNumber ?? undefined, d.indexNumber);
  if (expected.prefaceStartsWith && !squash(got.preface).startsWith(squash(expected.prefaceStartsWith))) {
    fail.push(`preface starts ${JSON.stringify(short(got.preface, 20))}, want ${JSON.stringify(expected.prefaceStartsWith)}`);
  }
  same('sections', expected.sections.length, got.sections.length);
  expected.sections.forEach((e, i) => {
    const s = got.sections[i];
    if (!s) return;
    same(`section ${i + 1} heading`, e.printedHeading, printedHeading(s.data));
    same(`section ${i + 1} items`, [...e.items].sort().join('、'), [...s.data.items].sort().join('、'));
    const text = squash(s.text);
    if (!text.startsWith(squash(e.startsWith))) fail.push(`section ${i + 1} starts ${JSON.stringify(short(text, 20))}, want ${JSON.stringify(e.startsWith)}`);
    if (!text.endsWith(squash(e.endsWith))) fail.push(`section ${i + 1} ends ${JSON.stringify(text.slice(-20))}, want ${JSON.stringify(e.endsWith)}`);
    // Sub-headings at every level (### and ####), in order; a list point made one is as wrong as a heading lost.
    const subheads = s.body.split('\n').flatMap((l) => (/^#{3,4} /.test(l) ? [bodyText(l.replace(/^#+ /, '')).join('')] : []));
    for (const h of e.subheads) if (!subheads.includes(h)) fail.push(`section ${i + 1} sub-heading missing: ${short(h)}`);
    for (const h of subheads) if (!e.subheads.includes(h)) fail.push(`section ${i + 1} not a sub-heading in the original: ${short(h)}`);
  });
  const all = [d.title, got.preface, ...got.sections.map((s) => `${printedHeading(s.data)}\n${s.withNotes}`), ...signatureLines(d)].join('\n');
  for (const f of expected.footnotes) if (!squash(all).includes(squash(f))) fail.push(`footnote dropped: ${short(f)}`);
  for (const line of expected.notReportText) if (all.includes(line)) fail.push(`published as report text: ${short(line)}`);
  return fail;
}

let right = 0;
for (const dir of cases) {
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
  const contentDir = mkdtempSync(join(tmpdir(), 'fznb-import-set-'));
  for (const sub of ['reports', 'sections']) mkdirSync(join(contentDir, sub));
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts/import.ts'), originalOf(dir)], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: contentDir },
    encoding: 'utf8',
  });
  const name = `${basename(resolve(dir, '..'))}/${basename(dir)}`;
  const failures = run.status === 0 ? check(expected, imported(contentDir)) : [`refused (exit ${run.status}): ${short((run.stderr || run.stdout).replace(/\s+/g, " ").trim(), 160)}`];
  if (!failures.length) right++;
  console.log(`${failures.length ? 'FAIL' : 'ok  '} ${name}`);
  if (failures.length && !process.env.BENCH_QUIET) for (const f of failures) console.log(`       ${f}`);
}
console.log(`\n${right} of ${cases.length} import right`);
