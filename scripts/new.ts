/**
 * npm run new -- <year>: scaffolds a year's report as a draft, one section per required
 * item, frontmatter filled and text marked 待填写. A draft shows in `npm run dev` only.
 */
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import site from '../site.config.ts';
import { REQUIRED_ITEMS } from '../src/domain/items.ts';
import { toChineseNumeral } from '../src/domain/numerals.ts';
import { TO_BE_WRITTEN } from '../src/domain/check.ts';
import { REPORT_YEARS } from '../src/domain/schema.ts';
import { contentDir, ROOT } from './lib/content.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const arg = process.argv[2];
if (!arg || !/^\d{4}$/.test(arg) || Number(arg) < REPORT_YEARS.min) fail('用法：npm run new -- <年度>，例如 npm run new -- 2025（四位阿拉伯数字）');
const year = Number(arg);
const dir = contentDir();
const reportFile = join(dir, 'reports', `${year}.mdx`);
const sectionsDir = join(dir, 'sections', String(year));
for (const p of [reportFile, sectionsDir]) {
  if (existsSync(p)) fail(`${relative(ROOT, p)} 已存在：${year} 年的报告已经有了，没有改动任何文件。`);
}

const heading = (item: (typeof REQUIRED_ITEMS)[number]) =>
  item.slug === 'next-year' ? `${year + 1}年度推进法治政府建设的主要安排` : item.full;

const files: [string, string][] = [
  [
    'report.mdx',
    `---
year: ${year}
title: ${site.bureau}${year}年法治政府建设年度报告
agency: ${site.bureau}
signedOn: ${year + 1}-01-10 # ${TO_BE_WRITTEN}：落款日期
draft: true # 写完、核对后删除这一行即发布
---

${TO_BE_WRITTEN}：前言。
`,
  ],
  ...REQUIRED_ITEMS.map((item, i): [string, string] => [
    `${String(i + 1).padStart(2, '0')}.mdx`,
    `---
report: ${year}
order: ${i + 1}
numeral: ${toChineseNumeral(i + 1)}
heading: ${heading(item)}
item: ${item.name}
---

${TO_BE_WRITTEN}。
`,
  ]),
];

// Everything is written into a scratch folder first, then moved into place.
mkdirSync(join(dir, 'sections'), { recursive: true });
mkdirSync(join(dir, 'reports'), { recursive: true });
const scratch = mkdtempSync(join(dir, '.new-'));
try {
  mkdirSync(join(scratch, 'sections'));
  for (const [name, text] of files) writeFileSync(join(scratch, name === 'report.mdx' ? name : join('sections', name)), text);
  renameSync(join(scratch, 'sections'), sectionsDir);
  renameSync(join(scratch, 'report.mdx'), reportFile);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log(`已创建 ${year} 年报告草稿（draft: true，只在 npm run dev 中显示）：`);
console.log(`  ${relative(ROOT, reportFile)}`);
for (const [name] of files.slice(1)) console.log(`  ${relative(ROOT, join(sectionsDir, name))}`);
console.log(`把“${TO_BE_WRITTEN}”换成正文，核对各部分的 item，删除 draft: true 后运行 npm run check。`);
