/** What the import found, printed in Chinese before anything is written, so staff can check it. */
import { formatChineseDate } from '../domain/dates.ts';
import { printedHeading } from '../domain/report.ts';
import type { Prepared } from './index.ts';
import type { YearSource } from './model.ts';

const YEAR_SOURCE: Record<YearSource, (year: number) => string> = {
  option: () => '由 --year 指定',
  preface: (y) => `取自前言中第一个“${y}年”`,
  signature: (y) => `前言中没有年份，按成文日期的年份 ${y + 1} 减一`,
};

/** The summary's lines: what was read, the year and where it came from, each part, the files to write. */
export function summary(p: Prepared, shown: string, show: (path: string) => string): string[] {
  const r = p.report;
  const out = [
    `读取：${shown}，${p.format}`,
    `年度：${r.year}（${YEAR_SOURCE[r.yearSource](r.year)}）`,
    `标题：${r.title}（${r.titleFromSource ? '原文标题' : '原文没有标题行，按发布机构和年度生成'}）`,
    ...(r.documentNumber ? [`文号：${r.documentNumber}（标题下一行，照原文）`] : []),
    `发布机构：${r.agency}（取自落款）`,
    `成文日期：${r.signedOn}（落款“${r.signature?.[1] ?? formatChineseDate(r.signedOn)}”）`,
  ];
  if (r.signature) out.push(`落款与默认写法不同，照原文逐行写出：${r.signature.join(' / ')}`);
  out.push(`前言：${r.preface.length} 段`, `各部分（共 ${r.sections.length} 部分；报告事项是按标题推测的，请逐一核对）：`);
  for (const s of r.sections) {
    const subs = s.body.filter((b) => b.kind === 'subheading').length;
    const tables = s.body.filter((b) => b.kind === 'table').length;
    out.push(`  ${s.order}. ${printedHeading(s)}`);
    out.push(`     报告事项：${s.items.join('、')}（推测）；小标题 ${subs} 个；表格 ${tables} 个`);
  }
  const prefaceTables = r.preface.filter((b) => b.kind === 'table').length;
  if (prefaceTables) out.push(`前言中有表格 ${prefaceTables} 个`);
  if (r.warnings.length) out.push('请注意：', ...r.warnings.map((w) => `  - ${w}`));
  const { reportFile, sectionsDir, sections } = p.planned;
  out.push(`文件（${sections.length + 1} 个）：`, `  ${show(reportFile)}`, ...sections.map((s) => `  ${show(sectionsDir)}/${s.name}`));
  return out;
}

