import { describe, expect, it } from 'vitest';
import { buildReportViews, printedHeading, withBase } from '../../src/utils/routes';
import type { Entry } from '../../src/domain/check';
import type { ReportData, SectionData } from '../../src/domain/schema';

const report = (year: number): Entry<ReportData> => ({
  id: String(year),
  filePath: `reports/${year}.mdx`,
  data: { year, title: `示例${year}`, agency: '示例局', signedOn: `${year + 1}-01-08`, draft: false, corrections: [] },
});
const section = (year: number, order: number): Entry<SectionData> => ({
  id: `${year}/${order}`,
  filePath: `sections/${year}/${order}.mdx`,
  data: { report: String(year), order, numeral: '一', heading: `测试${order}`, item: '主要举措和成效', figures: [] },
});

describe('route data', () => {
  const views = buildReportViews(
    [report(2022), report(2024), report(2023)],
    [section(2023, 2), section(2024, 1), section(2023, 1), section(2023, 3)],
  );

  it('lists reports newest first, each with its own sections in order', () => {
    expect(views.map((v) => v.year)).toEqual([2024, 2023, 2022]);
    expect(views[1]!.sections.map((s) => s.data.order)).toEqual([1, 2, 3]);
    expect(views[2]!.sections).toEqual([]);
  });

  it('gives stable paths and anchors', () => {
    const s = views[1]!.sections[1]!;
    expect(views[1]!.path).toBe('2023/');
    expect(s.path).toBe('2023/section-2/');
    expect(s.anchor).toBe('section-2');
  });

  it('links each section to its neighbours in the same report only', () => {
    const [a, b, c] = views[1]!.sections;
    expect(a!.prev).toBeUndefined();
    expect(a!.next?.path).toBe('2023/section-2/');
    expect(b!.prev?.path).toBe('2023/section-1/');
    expect(c!.next).toBeUndefined();
    expect(views[0]!.sections[0]!.next).toBeUndefined();
  });

  it('joins paths onto a base path', () => {
    expect(withBase('/', '2023/')).toBe('/2023/');
    expect(withBase('/fzbg', '2023/')).toBe('/fzbg/2023/');
    expect(withBase('/fzbg/', '/2023/')).toBe('/fzbg/2023/');
  });

  it('prints a heading with its numeral', () => {
    expect(printedHeading({ numeral: '六', heading: '存在的不足和原因' })).toBe('六、存在的不足和原因');
  });
});
