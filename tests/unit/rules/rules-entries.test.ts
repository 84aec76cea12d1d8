/** Rules over entries: a report's file is named after its year, a section's report exists; and the rule list itself. */
import { describe, expect, it } from 'vitest';
import { checkContent, contentView, RULES } from '../../../src/domain/check';
import { draft, report, section } from './fixtures';

describe('the rules', () => {
  it('are small named rules, each run once, in the order their problems are listed', () => {
    expect(RULES.map((r) => r.name)).toEqual([
      'file-name-matches-year',
      'published-after-signed',
      'year-not-after-signing',
      'published-by-deadline',
      'corrections-after-publication',
      'dates-not-in-future',
      'section-report-exists',
      'label-matches-order',
      'mandatory-items-covered',
      'nothing-left-to-write',
      'year-matches-title-and-preface',
      'orders-unique',
      'orders-contiguous',
      'figures-printed-in-text',
      'figure-keys-unique',
      'figure-units-consistent',
      'repeats-last-year',
    ]);
  });

  it('read one grouped view: each year with its report and sections, and the sections without a report', () => {
    const view = contentView([report(), report({ year: 2022, signedOn: '2023-01-08' })], [section(1), section(1, { report: '2021' }), section(2)]);
    expect([...view.byYear.keys()]).toEqual(['2023', '2022']);
    expect(view.byYear.get('2023')!.sections.map((s) => s.data.order)).toEqual([1, 2]);
    expect(view.byYear.get('2022')!.sections).toEqual([]);
    expect(view.orphans.map((s) => s.filePath)).toEqual(['sections/2021/01.mdx']);
    expect(view.inFileOrder.map((s) => s.filePath)).toEqual(['sections/2021/01.mdx', 'sections/2023/01.mdx', 'sections/2023/02.mdx']);
  });
});

describe('file-name-matches-year', () => {
  it('a report file not named after its year', () => {
    expect(checkContent([{ ...draft(), id: 'report-2023' }], [])).toEqual([
      {
        file: 'reports/2023.mdx',
        field: 'year',
        message: '文件名应与报告年度一致：year 是 2023，文件却叫 report-2023。请把文件改名为 2023.mdx，或改正 year',
      },
    ]);
    expect(checkContent([draft()], [])).toEqual([]);
  });
});

describe('section-report-exists', () => {
  it('a section whose report does not exist, naming the reports folder of its content folder', () => {
    const orphan = { ...section(1, { report: '2022' }), filePath: 'src/content/sections/2022/01.mdx' };
    expect(checkContent([draft()], [orphan])).toEqual([
      {
        file: 'src/content/sections/2022/01.mdx',
        field: 'report',
        message: '找不到 2022 年的报告。已有报告：2023。请改正 report，或先在 src/content/reports/ 中添加 2022.mdx',
      },
    ]);
  });

  it('names the folder a fork or a fixture keeps its content in, and says when there are no reports yet', () => {
    const orphan = { ...section(1, { report: '2022' }), filePath: 'tests/fixtures/示例/sections/2022/01.mdx' };
    expect(checkContent([], [orphan])).toEqual([
      {
        file: 'tests/fixtures/示例/sections/2022/01.mdx',
        field: 'report',
        message: '找不到 2022 年的报告。已有报告：（还没有任何报告）。请改正 report，或先在 tests/fixtures/示例/reports/ 中添加 2022.mdx',
      },
    ]);
  });

  it('a section without a report is not checked further', () => {
    expect(checkContent([draft()], [section(3, { report: '2022', label: '一、' })]).map((p) => p.field)).toEqual(['report']);
  });
});
