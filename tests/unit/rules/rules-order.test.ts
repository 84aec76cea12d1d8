/** Rules on a report's sections: label and order agree, orders are unique and contiguous. */
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblems } from '../../../src/domain/check';
import { draft, report, section } from './fixtures';

describe('label-matches-order', () => {
  it('a label that is not the order’s', () => {
    expect(checkContent([draft()], [section(1), section(2, { label: '三、' })])).toEqual([
      {
        file: 'sections/2023/02.mdx',
        field: 'label',
        message: '编号与顺序不一致：order 是 2，label 却是“三、”（第 3 部分）。请改正其中一个',
      },
    ]);
  });

  it('a label that is no numbering at all', () => {
    expect(checkContent([draft()], [section(1, { label: '甲、' })])).toEqual([
      {
        file: 'sections/2023/01.mdx',
        field: 'label',
        message: '“甲、”不是标题前的编号。请照原文写，例如 label: 一、（或 1.、第一部分）',
      },
    ]);
  });

  it.each(['一、', '1.', '1．', '1、', '第一部分', '第一部分 ', '第1部分', '（一）', '(1)'])('reads %s as the first part', (label) => {
    expect(checkContent([draft()], [section(1, { label })])).toEqual([]);
  });

  it('holds beyond ten: 十一', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => section(i + 1));
    expect(eleven[10]!.data.label).toBe('十一、');
    expect(checkContent([draft()], eleven)).toEqual([]);
  });
});

describe('orders-unique', () => {
  it('two sections of one year with the same order, naming the later file and the other', () => {
    const problems = checkContent([draft()], [section(1, {}, { file: '2023/02' }), section(1)]);
    expect(problems).toEqual([
      {
        file: 'sections/2023/02.mdx',
        field: 'order',
        message: '2023 年报告中有两部分的 order 都是 1（另一处：sections/2023/01.mdx）。每部分的 order 应不同，按“一、二、三……”依次为 1、2、3……',
      },
    ]);
  });
});

describe('orders-contiguous', () => {
  it('a gap in the orders, naming the sections folder', () => {
    const problems = checkContent([draft()], [section(1), section(3), section(5)]);
    expect(problems).toEqual([
      {
        file: 'sections/2023/',
        field: 'order',
        message: '2023 年报告缺少第 2、4 部分（order 应从 1 起连续编号）。请补上缺少的部分，或调整其余部分的 order',
      },
    ]);
    expect(formatProblems(problems)).toBe(
      '内容检查未通过，共 1 处问题：\n  sections/2023/ · 字段 order：2023 年报告缺少第 2、4 部分（order 应从 1 起连续编号）。请补上缺少的部分，或调整其余部分的 order',
    );
  });

  it('a report without sections has no gap', () => {
    expect(checkContent([draft()], [])).toEqual([]);
  });

  it('a gap in a report already in the record: renumbering is a change to a public report', () => {
    expect(checkContent([report()], [section(1), section(3)], { recorded: new Set([2023]) }).filter((p) => p.field === 'order')).toEqual([
      {
        file: 'sections/2023/',
        field: 'order',
        message:
          '2023 年报告缺少第 2 部分（order 应从 1 起连续编号）。2023 年报告已经发布，只能公开地改：误改的，请用 git 找回（例如 git checkout -- sections/2023/）；确要这样改的，请在 corrections 中加一条更正说明（date: 更正日期，note: 改了什么、为什么），然后运行 npm run check -- --accept',
      },
    ]);
  });
});

describe('several order rules at once', () => {
  it('a gap, a numeral that does not match, a file not named after its year: each named, in rule order', () => {
    const problems = checkContent([{ ...draft(), id: 'report-2023' }], [section(1), section(3, { label: '二、' })]);
    expect(problems.map((p) => `${p.file} ${p.field}`)).toEqual(['reports/2023.mdx year', 'sections/2023/03.mdx label', 'sections/2023/ order']);
  });
});
