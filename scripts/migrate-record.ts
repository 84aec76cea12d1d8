/**
 * npm run migrate-record: once, turns a record of what was published kept in the earlier form
 * (one object per year: the digest of the text as written, title, metadata, figures,
 * attachments, corrections; or, earlier still, the digest and the number of corrections) into
 * the chain of entries the site now keeps (src/domain/record.ts).
 *
 * It converts only a record that still describes the content exactly: every year's text as
 * written must still have the digest the old record gave it (and its title, metadata, figures
 * and corrections must match), so nothing changed since is passed off as published. It must be
 * the version committed last (no change to the file since HEAD); the chain names that version
 * in `migratedFrom` (its commit and the SHA-256 of its bytes), which is what the record's
 * history check holds the chain to from then on. Each year becomes its publication, then one
 * entry per recorded correction and its withdrawal, all with the state the content has now
 * (the old form kept no earlier state), recorded on the day of the commit that first held the
 * year (or correction), else today. Commit the record file it writes.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadContentFolder } from '../src/domain/content-folder.ts';
import { append, emptyRecord, formatRecordFile, RECORD_FILE, RECORD_FORMAT, snapshotOf, type RecordFile } from '../src/domain/record.ts';
import { printedHeading, signatureLines } from '../src/domain/report.ts';
import { digestOf, sha256Hex } from '../src/domain/digest.ts';
import { todayInChina } from '../src/domain/dates.ts';
import { writeFileAtomic } from '../src/domain/write-atomic.ts';
import { contentDir, ROOT } from './lib/content.ts';

type Old = Record<string, { text?: string; digest?: string; title?: string; corrections: number | { date: string; note: string }[]; withdrawn?: { date: string; reason: string } }>;

const git = (args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};

/** The text digest of a year as the earlier form computed it: the text as written, lines trimmed at their ends. */
function oldDigest(body: string, sections: { heading: string; body: string }[], signature: string[], attachments: string[]): string {
  const norm = (s: string) => s.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trimEnd()).join('\n').trim();
  const parts = [norm(body), ...sections.map((s) => `${s.heading}\n${norm(s.body)}`), signature.join('\n')];
  return digestOf([...parts, ...(attachments.length ? [attachments.join('\n')] : [])].join('\n\n'));
}

const dir = contentDir();
const file = join(dir, RECORD_FILE);
const path = relative(ROOT, file).split('\\').join('/');
const text = readFileSync(file, 'utf8');
const json = JSON.parse(text) as Old;
if ('format' in json && (json as { format?: unknown }).format === RECORD_FORMAT) fail(`${path} 已经是现在的格式，不需要转换。`);
const commit = git(['log', '-1', '--format=%H', '--', path]);
if (!commit || git(['show', `${commit}:${path}`]) !== text.trimEnd()) fail(`${path} 有还没有提交的改动：请先提交或恢复它，再转换。`);

const loaded = loadContentFolder(dir, ROOT);
const firstDay = (pattern: string) => git(['log', '--reverse', '--format=%cs', '-S', pattern, '--', path]).split('\n')[0] || todayInChina();
let record: RecordFile = { ...emptyRecord(), migratedFrom: { commit, sha256: sha256Hex(text) } };
for (const [year, old] of Object.entries(json).sort(([a], [b]) => a.localeCompare(b))) {
  const report = loaded.reports.find((r) => String(r.data.year) === year) ?? fail(`${year} 年在记录中，却没有可读的报告文件。`);
  const sections = loaded.sections.filter((s) => s.data.report === year).sort((a, b) => a.data.order - b.data.order);
  const attachments = loaded.attachments.get(year) ?? [];
  const was = oldDigest(report.body, sections.map((s) => ({ heading: printedHeading(s.data), body: s.body })), signatureLines(report.data), old.digest ? attachments.map((a) => `附件 ${a.name} sha256:${a.sha256}`) : []);
  if ((old.text ?? old.digest) !== was) fail(`${year} 年的正文与记录中的不同：记录之后有改动。请先撤销改动（或按旧的方法记录），再转换。`);
  const now = snapshotOf(report, loaded.sections, attachments);
  if (old.title !== undefined && old.title !== now.state.title) fail(`${year} 年的标题与记录中的不同。`);
  const recordedCorrections = typeof old.corrections === 'number' ? old.corrections : old.corrections.length;
  if (recordedCorrections !== now.corrections.length) fail(`${year} 年的更正说明与记录中的不同：记录之后有改动。请先按旧的方法记录，再转换。`);
  const recordedOn = firstDay(`"${year}"`);
  const base = { year: Number(year), state: now.state };
  record = append(record, { ...base, event: 'publish', date: now.publishedOn ?? null, recordedOn });
  for (const c of now.corrections) record = append(record, { ...base, event: 'correct', date: c.date, note: c.note, recordedOn: firstDay(c.note) });
  if (now.withdrawn) record = append(record, { ...base, event: 'withdraw', date: now.withdrawn.date, note: now.withdrawn.reason, recordedOn: firstDay(now.withdrawn.reason) });
}
writeFileAtomic(file, formatRecordFile(record));
console.log(`已把 ${path} 转换为发布记录链（${record.entries.length} 条），接续提交 ${commit.slice(0, 8)} 中的版本。请提交这个文件。`);
