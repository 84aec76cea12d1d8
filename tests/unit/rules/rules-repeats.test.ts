/** The reminder for staff: the newest report's text for an item largely repeats the previous report's. */
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/domain/check';
import type { SectionData } from '../../../src/domain/schema';
import { MANDATORY, report, section } from './fixtures';

/** Three paragraphs of shortcomings (49 distinct 5-grams once the third is rewritten, 37 of them kept). */
const LAST_YEAR = '示例局测试宣传形式较为单一，覆盖面还不够广。\n\n示例干部运用法治思维的测试能力有待提高。\n\n原因是示例培训次数偏少，本段为虚构测试内容。';
const COPIED = LAST_YEAR.replace('培训次数偏少', '考核机制尚不健全');
const REWRITTEN = '示例统筹谋划不够深入，跨部门协作仍有短板。\n\n测试原因是示例经验不足，制度建设相对滞后。';

type Item = SectionData['items'][number];

/** A year's report covering the four items, its 不足 (section 2) with the text given. */
function year(y: number, shortcomings: string, over: Parameters<typeof report>[0] = {}) {
  const r = report({ year: y, signedOn: `${y + 1}-01-08`, ...over });
  const sections = MANDATORY.map((item, i) =>
    section(i + 1, { report: String(y), items: [item as Item] }, { body: item === '存在的不足和原因' ? shortcomings : `示例${y}年第${i + 1}部分的测试正文。` }),
  );
  return { r, sections };
}

function check(...years: ReturnType<typeof year>[]) {
  return checkContent(
    years.map((y) => y.r),
    years.flatMap((y) => y.sections),
  ).filter((p) => p.field === '正文');
}

const REMINDER =
  '2023 年报告“存在的不足和原因”的文字有 75% 与 2022 年报告相同：本年这一项的 49 个五字片段中，有 37 个逐字出现在 sections/2022/02.mdx 中（达到 60% 即提醒）。' +
  '逐年照抄同样的内容是评估中常被指出的问题：请对照上一年的文字核实这一项，写明本年度的实际情况；确实没有变化时可忽略此提醒';

describe('repeats-last-year', () => {
  it('names an item of the newest report that repeats the previous report, as a warning, word for word', () => {
    expect(check(year(2022, LAST_YEAR), year(2023, COPIED))).toEqual([
      { file: 'sections/2023/02.mdx', field: '正文', warning: true, message: REMINDER },
    ]);
  });

  it('leaves a rewritten item alone, and a short one repeated in full (under 30 five-character pieces)', () => {
    expect(check(year(2022, LAST_YEAR), year(2023, REWRITTEN))).toEqual([]);
    expect(check(year(2022, '本年度无其他需要报告的情况。'), year(2023, '本年度无其他需要报告的情况。'))).toEqual([]);
  });

  it('names only the newest report: earlier ones are published already', () => {
    expect(check(year(2021, LAST_YEAR), year(2022, COPIED), year(2023, REWRITTEN))).toEqual([]);
  });

  it('checks a draft against the latest published report, never against another draft or a withdrawn one', () => {
    const withdrawn = { withdrawn: { date: '2023-06-01', reason: '示例撤回原因（测试）' } };
    expect(check(year(2021, LAST_YEAR), year(2022, REWRITTEN, withdrawn), year(2023, COPIED, { draft: true })).map((p) => p.message)).toEqual([
      REMINDER.replace('与 2022 年报告', '与 2021 年报告').replace('sections/2022/02.mdx', 'sections/2021/02.mdx'),
    ]);
    expect(check(year(2022, LAST_YEAR, { draft: true }), year(2023, COPIED, { draft: true }))).toEqual([]);
  });

  it('an item written over two sections is counted as one text, and both files are named', () => {
    const y2023 = year(2023, COPIED);
    const [first, ...rest] = COPIED.split('\n\n');
    y2023.sections[1] = section(2, { items: ['存在的不足和原因'] }, { body: first! });
    y2023.sections.push(section(5, { items: ['存在的不足和原因'] }, { body: rest.join('\n\n') }));
    expect(check(year(2022, LAST_YEAR), y2023)).toEqual([
      {
        file: 'sections/2023/02.mdx',
        field: '正文',
        warning: true,
        message: REMINDER.replace('与 2022 年报告相同：', '与 2022 年报告相同（这一项写在 sections/2023/02.mdx、sections/2023/05.mdx 中）：'),
      },
    ]);
  });
});
