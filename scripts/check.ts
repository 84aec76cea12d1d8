/**
 * npm run check [-- --accept]: validates every content entry and the domain rules, in
 * Chinese, naming file, field and fix; then checks that published text changed only with a
 * new correction. --accept records the digests that may be recorded.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkContent, errorsOf, formatProblems } from '../src/domain/check.ts';
import { checkPublished, DIGESTS_FILE, type DigestRecord } from '../src/domain/published.ts';
import { contentDir, loadContent, ROOT, textDigest } from './lib/content.ts';
import { readAttachments } from '../src/domain/attachments.ts';

const accept = process.argv.includes('--accept');
const dir = contentDir();
const { reports, sections, problems } = loadContent(dir);
problems.push(...checkContent(reports, sections));

const digestsPath = join(dir, DIGESTS_FILE);
const recorded: DigestRecord = existsSync(digestsPath) ? JSON.parse(readFileSync(digestsPath, 'utf8')) : {};
// Digests are compared only when the entries themselves are valid.
const contentOk = errorsOf(problems).length === 0;
if (contentOk) {
  const published = checkPublished(
    reports.map((r) => ({
      year: r.data.year,
      filePath: r.filePath,
      draft: r.data.draft,
      digest: textDigest(r, sections, readAttachments(dir, r.data.year)),
      corrections: r.data.corrections.length,
    })),
    recorded,
    accept,
  );
  problems.push(...published.problems);
  if (accept && JSON.stringify(published.record) !== JSON.stringify(recorded)) {
    const sorted = Object.fromEntries(Object.entries(published.record).sort(([a], [b]) => a.localeCompare(b)));
    writeFileSync(`${digestsPath}.tmp`, `${JSON.stringify(sorted, null, 2)}\n`);
    renameSync(`${digestsPath}.tmp`, digestsPath);
    console.log(`已记录发布内容的摘要：${relative(ROOT, digestsPath)}（请一起提交）`);
  }
}

if (problems.length) console.log(formatProblems(problems));
const errors = errorsOf(problems).length;
if (errors) process.exit(1);
const drafts = reports.filter((r) => r.data.draft).map((r) => r.data.year);
console.log(
  `内容检查通过：${reports.length} 份报告，${sections.length} 个部分` + (drafts.length ? `（草稿：${drafts.join('、')} 年，不会发布）` : '') + '。',
);
