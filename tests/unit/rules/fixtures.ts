/**
 * Synthetic entries for the rule tests: a 2023 report (示例局) and sections covering the four
 * mandatory items, named as the build names them (reports/2023.mdx, sections/2023/01.mdx).
 */
import type { Entry } from '../../../src/domain/check';
import type { Figure, ReportData, SectionData } from '../../../src/domain/schema';
import { toChineseNumeral } from '../../../src/domain/numerals';
import { bodyText } from '../../../src/domain/body';

/** An entry as the content folder's reader gives it: with the text a reader sees of its body. */
type Read<T> = Entry<T> & { text: string[] };

/** The four items every published report must cover. */
export const MANDATORY = ['主要举措和成效', '存在的不足和原因', '第一责任人职责', '下一年度主要安排'] as const;

/** A report entry; `over` replaces fields of its data. */
export const report = (over: Partial<ReportData> = {}, body = '示例前言'): Read<ReportData> => ({
  id: String(over.year ?? 2023),
  filePath: `reports/${over.year ?? 2023}.mdx`,
  body,
  text: bodyText(body),
  data: { year: 2023, title: `示例局${over.year ?? 2023}年法治政府建设年度报告（测试）`, agency: '示例局', signedOn: '2024-01-08', draft: false, corrections: [], ...over },
});

/** A draft report, so that only the rule under test (not the mandatory items) is in play. */
export const draft = (over: Partial<ReportData> = {}) => report({ draft: true, ...over });

/** One section entry of a year, in the file the layout gives it unless `file` says otherwise. */
export const section = (
  order: number,
  over: Partial<SectionData> = {},
  { body = '示例正文', file }: { body?: string; file?: string } = {},
): Read<SectionData> => {
  const year = over.report ?? '2023';
  const path = file ?? `${year}/${String(order).padStart(2, '0')}`;
  return {
    id: path,
    filePath: `sections/${path}.mdx`,
    body,
    text: bodyText(body),
    data: { report: year, order, label: `${toChineseNumeral(order)}、`, heading: `示例部分${order}（测试）`, items: ['主要举措和成效'], figures: [], ...over },
  };
};

/** Sections 1, 2, … reporting on the given items, all with the same text. */
export const sections = (items: readonly SectionData['items'][number][], body = '示例正文'): Read<SectionData>[] =>
  items.map((item, i) => section(i + 1, { items: [item] }, { body }));

/** A key figure as the section schema outputs it. */
export const fig = (over: Partial<Figure> = {}): Figure => ({ key: 'job-fairs', label: '专场招聘会', value: '2', unit: '场', ...over });
