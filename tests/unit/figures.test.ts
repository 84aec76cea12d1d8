/** Key figures (主要数据): the frontmatter schema, the rule that they are printed in the text, lining them up across years. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { sectionSchema, type Figure, type ReportData, type SectionData } from '../../src/domain/schema';
import { checkContent, formatProblems, type Entry } from '../../src/domain/check';
import { figureNumber, lineUpFigures, printedFigure, printedIn, seriesOf, textForMatching } from '../../src/domain/figures';
import { loadContent, ROOT } from '../../scripts/lib/content';

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

const base = { report: '2023', order: 1, numeral: '一', heading: '示例', item: '主要举措和成效' };
const fig = (over: Partial<Figure> = {}): Figure => ({ key: 'job-fairs', label: '专场招聘会', value: '2', unit: '场', ...over });

describe('figures in the section schema', () => {
  it('default to none and keep the value as printed', () => {
    expect(sectionSchema.parse(base).figures).toEqual([]);
    const parsed = sectionSchema.parse({ ...base, figures: [{ key: 'emergency-relief-funds', label: '应急救助资金', value: '21.40', unit: '万元' }, { key: 'a-1', label: '甲', value: 63, unit: '人', qualifier: '约' }] });
    expect(parsed.figures).toEqual([
      { key: 'emergency-relief-funds', label: '应急救助资金', value: '21.40', unit: '万元' },
      { key: 'a-1', label: '甲', value: '63', unit: '人', qualifier: '约' },
    ]);
    expect(sectionSchema.parse({ ...base, figures: [fig({ value: '1,344' })] }).figures[0]!.value).toBe('1,344');
  });

  it('refuse an unquoted decimal, which YAML would have shortened', () => {
    const m = messages(sectionSchema.safeParse({ ...base, figures: [{ ...fig(), value: 21.4 }] }));
    expect(m).toHaveLength(1);
    expect(m[0]).toMatch(/^figures\.0\.value: value（数值）有小数时请加引号照正文写，例如正文写“资金21\.40万元”时填 value: "21\.40"/);
    expect(m[0]).toContain('收到 21.4');
  });

  it('refuse a value with its unit or qualifier in it, naming where those go', () => {
    for (const value of ['约8000', '63人', '六十三', '21.40.1', '']) {
      const m = messages(sectionSchema.safeParse({ ...base, figures: [fig({ value })] }));
      expect(m, value).toEqual([expect.stringContaining('figures.0.value: value（数值）应为正文中的阿拉伯数字，不含单位和“约”等字（单位写在 unit，“约”写在 qualifier）')]);
    }
  });

  it('name a missing field, a bad key and an unknown field', () => {
    const { unit: _unit, ...noUnit } = fig();
    expect(messages(sectionSchema.safeParse({ ...base, figures: [noUnit] }))).toEqual(['figures.0.unit: 缺少 unit（单位），请填写，例如 unit: 人']);
    expect(messages(sectionSchema.safeParse({ ...base, figures: [fig({ key: '招聘会' })] }))[0]).toContain(
      'figures.0.key: key（数据代码）只能用英文小写字母、数字和连字符（-），例如 key: adaptive-training-people',
    );
    expect(messages(sectionSchema.safeParse({ ...base, figures: [fig({ key: 'Job_Fairs' })] }))[0]).toContain('只能用英文小写字母');
    expect(messages(sectionSchema.safeParse({ ...base, figures: [{ ...fig(), units: '场' }] })).join('\n')).toContain('不认识的字段 units');
    expect(messages(sectionSchema.safeParse({ ...base, figures: { key: 'x' } }))[0]).toContain('figures（主要数据）应为列表');
  });
});

const report: Entry<ReportData> = {
  id: '2023',
  filePath: 'reports/2023.mdx',
  body: '示例前言',
  data: { year: 2023, title: '示例', agency: '示例局', signedOn: '2024-01-08', draft: false, corrections: [] },
};
const ITEMS = ['主要举措和成效', '存在的不足和原因', '第一责任人职责', '下一年度主要安排'] as const;
const sectionsWith = (figures: Figure[], body: string, second: Figure[] = []): Entry<SectionData>[] =>
  ITEMS.map((item, i) => ({
    id: `2023/0${i + 1}`,
    filePath: `sections/2023/0${i + 1}.mdx`,
    body: i === 0 ? body : '示例正文',
    data: { report: '2023', order: i + 1, numeral: ['一', '二', '三', '四'][i]!, heading: `示例${i + 1}`, item, figures: i === 0 ? figures : i === 1 ? second : [] },
  }));

describe('the rule: a figure is printed in its section', () => {
  const body = '组织退役军人专场招聘会2场,51家企业提供1344个岗位。受理优待证申请约8000人。资金21.40万元。撰写心得体会4篇。';

  it('passes figures taken from the text as printed, with their qualifier', () => {
    const figures = [fig(), fig({ key: 'b', value: '51', unit: '家' }), fig({ key: 'c', value: '8000', qualifier: '约', unit: '人' }), fig({ key: 'd', value: '21.40', unit: '万元' }), fig({ key: 'e', value: '4', unit: '篇' })];
    expect(checkContent([report], sectionsWith(figures, body))).toEqual([]);
  });

  it('fails a value not in the text, naming the file, figures[i].value, the value and the fix', () => {
    const problems = checkContent([report], sectionsWith([fig(), fig({ key: 'x', label: '参加培训', value: '64', unit: '人' })], body));
    expect(problems).toEqual([
      {
        file: 'sections/2023/01.mdx',
        field: 'figures[1].value',
        message: expect.stringContaining('主要数据“参加培训”的数值“64”在本部分正文中找不到。主要数据只能照正文摘录：请把 value 改成正文中印着的数字'),
      },
    ]);
    expect(problems[0]!.message).toContain('正文中没有这个数时请删掉这一项');
    expect(formatProblems(problems)).toContain('sections/2023/01.mdx · 字段 figures[1].value：主要数据“参加培训”的数值“64”');
  });

  it('checks the qualifier with the value, and whole numbers only', () => {
    const fields = (figures: Figure[]) => checkContent([report], sectionsWith(figures, body)).map((p) => `${p.field} ${p.message.split('在本部分')[0]}`);
    // 约8000 is printed; 8000 with another qualifier is not, nor 800, 21.4, 134 or 24 (in 2024).
    expect(fields([fig({ value: '8000', qualifier: '近' })])).toEqual(['figures[0].value 主要数据“专场招聘会”的数值“近8000”']);
    expect(fields([fig({ value: '8000' })])).toEqual([]);
    for (const value of ['800', '21.4', '134', '1.40', '40']) {
      expect(fields([fig({ value })]), value).toHaveLength(1);
    }
  });

  it('is not fooled by MDX escapes in the text', () => {
    expect(textForMatching('1\\. 示例\\#3{""}场 \\*4\\*篇')).toBe('1. 示例#3场 *4*篇');
    expect(checkContent([report], sectionsWith([fig({ value: '1' })], '1\\. 招聘会'))).toEqual([]);
  });

  it('allows a key once per report; the same key in another section is an error naming both', () => {
    const problems = checkContent([report], sectionsWith([fig()], body, [fig()]));
    // sections/2023/02.mdx has no 2场 in its text either: two problems there.
    expect(problems.map((p) => `${p.file} ${p.field}`)).toEqual(['sections/2023/02.mdx figures[0].value', 'sections/2023/02.mdx figures[0].key']);
    expect(problems[1]!.message).toBe(
      '2023 年报告中有两项主要数据的 key 都是 job-fairs（另一处：sections/2023/01.mdx 的 figures[0]）。一份报告中每项数据的 key 应不同，请改用能说明所计内容的 key',
    );
  });

  it('warns when a key changes its unit from one year to another', () => {
    const r2022: Entry<ReportData> = { ...report, id: '2022', filePath: 'reports/2022.mdx', data: { ...report.data, year: 2022, signedOn: '2023-01-08' } };
    const s2022 = sectionsWith([fig({ value: '3', unit: '次' })], '招聘会3次').map((s) => ({
      ...s,
      filePath: s.filePath.replace('2023', '2022'),
      data: { ...s.data, report: '2022' },
    }));
    const problems = checkContent([report, r2022], [...s2022, ...sectionsWith([fig()], body)]);
    expect(problems).toEqual([
      expect.objectContaining({ file: 'sections/2023/01.mdx', field: 'figures[0].unit', warning: true, message: expect.stringContaining('key job-fairs 在 2022 年的单位是“次”') }),
    ]);
  });

  it('holds for every figure in the real content', () => {
    const { reports, sections, problems } = loadContent(join(ROOT, 'src/content'));
    expect(problems).toEqual([]);
    expect(sections.flatMap((s) => s.data.figures).length).toBeGreaterThan(20);
    expect(checkContent(reports, sections)).toEqual([]);
  });
});

describe('figures across years', () => {
  const view = (year: number, figures: Figure[][]) => ({
    year,
    sections: figures.map((f, i) => ({ order: i + 1, data: { figures: f } })),
  });
  const table = lineUpFigures([
    view(2021, [[fig({ value: '1' }), fig({ key: 'old', label: '旧指标', unit: '次' })]]),
    view(2023, [[fig({ key: 'new', label: '新指标', unit: '人' })], [fig({ value: '3', label: '专场招聘会（新名称）' })]]),
    view(2022, [[fig({ value: '2' })]]),
  ]);

  it('rows in the newest report’s order, columns newest year first, gaps left empty', () => {
    expect(table.years).toEqual([2023, 2022, 2021]);
    expect(table.rows.map((r) => r.key)).toEqual(['new', 'job-fairs', 'old']);
    const jobFairs = table.rows[1]!;
    expect(jobFairs.label).toBe('专场招聘会（新名称）');
    expect(jobFairs.cells.map((c) => c?.figure.value)).toEqual(['3', '2', '1']);
    expect(jobFairs.cells[0]!.section.order).toBe(2);
    expect(table.rows[2]!.cells.map((c) => c?.number)).toEqual([undefined, undefined, 2]);
  });

  it('a series runs oldest first, skipping years without the figure', () => {
    expect(seriesOf(table, table.rows[1]!).map((p) => [p.year, p.number])).toEqual([[2021, 1], [2022, 2], [2023, 3]]);
    expect(seriesOf(table, table.rows[0]!).map((p) => p.year)).toEqual([2023]);
  });

  it('numbers come from the printed digits', () => {
    expect([figureNumber('21.40'), figureNumber('1,344'), figureNumber('94.6')]).toEqual([21.4, 1344, 94.6]);
    expect(printedFigure({ value: '8000', qualifier: '约', unit: '人' })).toBe('约8000人');
    expect(printedIn('开展全员适应性培训63人', '63')).toBe(true);
    expect(printedIn('招聘会2场,51家企业', '51')).toBe(true);
    expect(printedIn('共1,344个', '344')).toBe(false);
    expect(printedIn('共1,344个', '1,344')).toBe(true);
  });
});
