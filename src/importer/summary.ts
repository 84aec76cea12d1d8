/** What the import found, printed in Chinese before anything is written, so staff can check it. */
import { printedHeading } from '../domain/report.ts';
import { short } from './quote.ts';
import type { Prepared } from './index.ts';
import type { ImportedSection, Report, YearSource } from './model.ts';

const YEAR_SOURCE: Record<YearSource, (year: number) => string> = {
  option: () => '由 --year 指定',
  title: (y) => `取自标题中的“${y}年”`,
  preface: (y) => `取自前言中第一个“${y}年”`,
  signature: (y) => `标题和前言中没有年份，按成文日期的年份 ${y + 1} 减一`,
};

/** The report entry's fields as read, each with where it came from. */
function fieldLines(r: Report): string[] {
  const meta = '取自政务公开信息';
  return [
    `年度：${r.year}（${YEAR_SOURCE[r.yearSource](r.year)}）`,
    `标题：${r.title}（${r.titleFromSource ? '原文标题' : '原文没有标题行，按发布机构和年度生成'}）`,
    ...(r.documentNumber ? [`文号：${r.documentNumber}（照原文）`] : []),
    `发布机构：${r.agency}（${r.sources.agency}）`,
    `成文日期：${r.signedOn}（${r.sources.signedOn}）`,
    ...(r.publishedOn ? [`发布日期：${r.publishedOn}（${meta}）`] : []),
    ...(r.indexNumber ? [`索引号：${r.indexNumber}（${meta}）`] : []),
    ...(r.validity ? [`有效性：${r.validity}（${meta}）`] : []),
    ...(r.topic ? [`主题分类：${r.topic}（${meta}）`] : []),
  ];
}

/** One section: its printed heading, then its guessed items with their reasons and what it holds. */
function sectionLines(s: ImportedSection): string[] {
  const count = (kind: string) => s.body.filter((b) => b.kind === kind).length;
  const reasons = s.reasons.map((r) => (s.reasons.length > 1 ? `${r.item}：${r.reason}` : r.reason)).join('；');
  const notes = s.footnotes.length ? `；脚注 ${s.footnotes.length} 个` : '';
  return [
    `  ${s.order}. ${printedHeading(s)}`,
    `     报告事项：${s.items.join('、')}（推测：${reasons}）；小标题 ${count('subheading')} 个；表格 ${count('table')} 个${notes}`,
  ];
}

/** The lines of the original that are not published, each with the reason. */
function leftOutLines(r: Report): string[] {
  if (!r.leftOut.length) return [];
  return [`不是报告正文、没有导入的内容（共 ${r.leftOut.length} 行，请核对）：`, ...r.leftOut.map((l) => `  - ${short(l.text, 60)}（${l.why}）`)];
}

/** The summary's lines: what was read, the year and where it came from, each part, the files to write. */
export function summary(p: Prepared, shown: string, show: (path: string) => string): string[] {
  const r = p.report;
  const out = [`读取：${shown}，${p.format}`, ...fieldLines(r)];
  if (r.signature?.length === 0) out.push('原文没有落款：不显示落款（signature: []）');
  else if (r.signature) out.push(`落款与默认写法不同，照原文逐行写出：${r.signature.join(' / ')}`);
  const prefaceNotes = r.prefaceFootnotes.length ? `；脚注 ${r.prefaceFootnotes.length} 个` : '';
  out.push(`前言：${r.preface.length} 段${prefaceNotes}`, `各部分（共 ${r.sections.length} 部分；报告事项是推测的，请逐一核对）：`);
  for (const s of r.sections) out.push(...sectionLines(s));
  const prefaceTables = r.preface.filter((b) => b.kind === 'table').length;
  if (prefaceTables) out.push(`前言中有表格 ${prefaceTables} 个`);
  out.push(...leftOutLines(r));
  if (r.warnings.length) out.push('请注意：', ...r.warnings.map((w) => `  - ${w}`));
  const { reportFile, sectionsDir, sections } = p.planned;
  out.push(`文件（${sections.length + 1} 个）：`, `  ${show(reportFile)}`, ...sections.map((s) => `  ${show(sectionsDir)}/${s.name}`));
  return out;
}
