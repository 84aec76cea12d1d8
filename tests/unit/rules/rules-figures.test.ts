/** Rules on key figures (主要数据): printed in their section's text, keys unique per report, units kept across years. */
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblems, type Entry } from '../../../src/domain/check';
import { textForMatching } from '../../../src/domain/figures';
import type { Figure, SectionData } from '../../../src/domain/schema';
import { fig, MANDATORY, report, section } from './fixtures';

/** The four mandatory sections of a year; the first two carry figures, the first one the given text. */
const withFigures = (first: Figure[], body: string, second: Figure[] = [], year = '2023'): Entry<SectionData>[] =>
  MANDATORY.map((item, i) => section(i + 1, { report: year, items: [item], figures: i === 0 ? first : i === 1 ? second : [] }, { body: i === 0 ? body : '示例正文' }));

const notPrinted = (label: string, printed: string, qualifier = false) =>
  `主要数据“${label}”的数值“${printed}”在本部分正文中找不到。主要数据只能照正文摘录：` +
  `请把 value${qualifier ? ' 和 qualifier' : ''} 改成正文中印着的数字（例如正文“受理优待证申请约8000人”写 value: "8000"、qualifier: 约），正文中没有这个数时请删掉这一项`;

describe('figures-printed-in-text', () => {
  const body = '组织示例专场招聘会2场,51家企业提供1344个岗位。受理示例申请约8000人。资金21.40万元。撰写心得体会4篇。';

  it('passes figures taken from the text as printed, with their qualifier', () => {
    const figures = [fig(), fig({ key: 'b', value: '51', unit: '家' }), fig({ key: 'c', value: '8000', qualifier: '约', unit: '人' }), fig({ key: 'd', value: '21.40', unit: '万元' }), fig({ key: 'e', value: '4', unit: '篇' })];
    expect(checkContent([report()], withFigures(figures, body))).toEqual([]);
  });

  it('fails a value not in the text, naming the file, figures[i].value, the value and the fix', () => {
    const problems = checkContent([report()], withFigures([fig(), fig({ key: 'x', label: '参加培训', value: '64', unit: '人' })], body));
    expect(problems).toEqual([{ file: 'sections/2023/01.mdx', field: 'figures[1].value', message: notPrinted('参加培训', '64') }]);
    expect(formatProblems(problems)).toBe(`内容检查未通过，共 1 处问题：\n  sections/2023/01.mdx · 字段 figures[1].value：${notPrinted('参加培训', '64')}`);
  });

  it('checks the qualifier with the value, and whole numbers only', () => {
    expect(checkContent([report()], withFigures([fig({ value: '8000', qualifier: '近' })], body))).toEqual([
      { file: 'sections/2023/01.mdx', field: 'figures[0].value', message: notPrinted('专场招聘会', '近8000', true) },
    ]);
    expect(checkContent([report()], withFigures([fig({ value: '8000' })], body))).toEqual([]);
    // Not printed as whole numbers: 800 (in 8000), 21.4 (in 21.40), 134 (in 1344), 1.40, 40.
    for (const value of ['800', '21.4', '134', '1.40', '40']) {
      expect(checkContent([report()], withFigures([fig({ value })], body)), value).toHaveLength(1);
    }
  });

  it('is not fooled by MDX escapes in the text', () => {
    expect(textForMatching('1\\. 示例\\#3{""}场 \\*4\\*篇')).toBe('1. 示例#3场 *4*篇');
    expect(checkContent([report()], withFigures([fig({ value: '1' })], '1\\. 招聘会'))).toEqual([]);
  });

  it('skips a section whose text is not known', () => {
    const [first, ...rest] = withFigures([fig({ value: '999' })], body);
    expect(checkContent([report()], [{ ...first!, body: undefined, text: undefined }, ...rest])).toEqual([]);
  });
});

describe('figure-keys-unique', () => {
  it('allows a key once per report; the same key in another section is an error naming both', () => {
    const problems = checkContent([report()], withFigures([fig()], '招聘会2场', [fig()]));
    // sections/2023/02.mdx has no 2场 in its text either: two problems there, by rule.
    expect(problems).toEqual([
      { file: 'sections/2023/02.mdx', field: 'figures[0].value', message: notPrinted('专场招聘会', '2') },
      {
        file: 'sections/2023/02.mdx',
        field: 'figures[0].key',
        message: '2023 年报告中有两项主要数据的 key 都是 job-fairs（另一处：sections/2023/01.mdx 的 figures[0]）。一份报告中每项数据的 key 应不同，请改用能说明所计内容的 key',
      },
    ]);
  });

  it('allows the same key in another year', () => {
    const r2022 = report({ year: 2022, signedOn: '2023-01-08' });
    expect(checkContent([report(), r2022], [...withFigures([fig()], '招聘会2场', [], '2022'), ...withFigures([fig()], '招聘会2场')])).toEqual([]);
  });
});

describe('figure-units-consistent', () => {
  it('warns when a key changes its unit from one year to another', () => {
    const r2022 = report({ year: 2022, signedOn: '2023-01-08' });
    const problems = checkContent([report(), r2022], [...withFigures([fig({ value: '3', unit: '次' })], '招聘会3次', [], '2022'), ...withFigures([fig()], '招聘会2场')]);
    expect(problems).toEqual([
      {
        file: 'sections/2023/01.mdx',
        field: 'figures[0].unit',
        warning: true,
        message: 'key job-fairs 在 2022 年的单位是“次”（sections/2022/01.mdx），这里是“场”。同一个 key 历年应是同一指标、同一单位，才能在“主要数据”页比较；指标不同时请换一个 key',
      },
    ]);
  });
});
