/**
 * Key figures (主要数据): the frontmatter schema and lining them up across years. The rules
 * that they are printed in the text are in tests/unit/rules/rules-figures.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { sectionSchema, type Figure } from '../../src/domain/schema';
import { figureNumber, lineUpFigures, printedFigure, printedIn, printedValue, seriesOf } from '../../src/domain/figures';

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
    expect(printedValue({ value: '21.40' })).toBe('21.40');
    expect(printedIn('开展全员适应性培训63人', '63')).toBe(true);
    expect(printedIn('招聘会2场,51家企业', '51')).toBe(true);
    expect(printedIn('共1,344个', '344')).toBe(false);
    expect(printedIn('共1,344个', '1,344')).toBe(true);
  });
});
