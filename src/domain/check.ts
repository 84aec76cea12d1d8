/**
 * Rules that span entries (a schema sees one entry at a time): each section's report exists,
 * a report's file is named after its year, section orders are unique and contiguous, and the
 * numeral printed matches the order.
 */
import type { ReportData, SectionData } from './schema';
import { toChineseNumeral } from './numerals';

export interface Entry<T> {
  id: string;
  /** Path relative to the project, for messages. */
  filePath: string;
  data: T;
}

export interface Problem {
  file: string;
  field: string;
  message: string;
}

export function checkContent(
  reports: readonly Entry<ReportData>[],
  sections: readonly Entry<SectionData>[],
): Problem[] {
  const problems: Problem[] = [];
  const years = new Map<string, Entry<ReportData>>();

  for (const r of reports) {
    const y = String(r.data.year);
    if (r.id !== y) {
      problems.push({
        file: r.filePath,
        field: 'year',
        message: `文件名应与报告年度一致：year 是 ${y}，文件却叫 ${r.id}。请把文件改名为 ${y}.mdx，或改正 year`,
      });
    }
    years.set(y, r);
  }

  const byReport = new Map<string, Entry<SectionData>[]>();
  for (const s of sections) {
    if (!years.has(s.data.report)) {
      const known = [...years.keys()].sort().join('、') || '（还没有任何报告）';
      problems.push({
        file: s.filePath,
        field: 'report',
        message: `找不到 ${s.data.report} 年的报告。已有报告：${known}。请改正 report，或先在 src/content/reports/ 中添加 ${s.data.report}.mdx`,
      });
      continue;
    }
    const list = byReport.get(s.data.report) ?? [];
    list.push(s);
    byReport.set(s.data.report, list);

    const expected = toChineseNumeral(s.data.order);
    if (s.data.numeral !== expected) {
      problems.push({
        file: s.filePath,
        field: 'numeral',
        message: `序号与顺序不一致：order 是 ${s.data.order}，对应“${expected}”，numeral 却是“${s.data.numeral}”。请改正其中一个`,
      });
    }
  }

  for (const [year, list] of byReport) {
    const seen = new Map<number, Entry<SectionData>>();
    for (const s of [...list].sort((a, b) => a.filePath.localeCompare(b.filePath))) {
      const first = seen.get(s.data.order);
      if (first) {
        problems.push({
          file: s.filePath,
          field: 'order',
          message: `${year} 年报告中有两部分的 order 都是 ${s.data.order}（另一处：${first.filePath}）。每部分的 order 应不同，按“一、二、三……”依次为 1、2、3……`,
        });
      } else {
        seen.set(s.data.order, s);
      }
    }
    const orders = [...seen.keys()].sort((a, b) => a - b);
    const missing = orders.length ? range(1, orders.at(-1)!).filter((n) => !seen.has(n)) : [];
    if (missing.length) {
      problems.push({
        file: list[0]!.filePath.replace(/[^/]*$/, ''),
        field: 'order',
        message: `${year} 年报告缺少第 ${missing.join('、')} 部分（order 应从 1 起连续编号）。请补上缺少的部分，或调整其余部分的 order`,
      });
    }
  }
  return problems;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export function formatProblems(problems: readonly Problem[]): string {
  return [
    `内容检查未通过，共 ${problems.length} 处问题：`,
    ...problems.map((p) => `  ${p.file} · 字段 ${p.field}：${p.message}`),
  ].join('\n');
}
