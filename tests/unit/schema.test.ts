/**
 * The frontmatter schemas' messages, on synthetic entries (示例局): each says what was
 * expected. That the real content passes is `npm run check` (and the build tests).
 */
import { describe, expect, it } from 'vitest';
import { reportSchema, sectionSchema } from '../../src/domain/schema';
import { isReportYear, parseReportYear, REPORT_YEARS } from '../../src/domain/layout';

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

/** Frontmatter as YAML hands it over: the signing date as a Date. */
const validReport: Record<string, unknown> = {
  year: 2023,
  title: '示例局2023年法治政府建设年度报告（测试）',
  agency: '示例局',
  signedOn: new Date('2024-01-08T00:00:00Z'),
};
const validSection: Record<string, unknown> = { report: 2023, order: 1, numeral: '一', heading: '示例举措（测试）', item: '主要举措和成效' };

describe('valid entries', () => {
  it('parse to the data the site uses, with defaults and the date as written', () => {
    expect(reportSchema.parse(validReport)).toEqual({
      year: 2023,
      title: '示例局2023年法治政府建设年度报告（测试）',
      agency: '示例局',
      signedOn: '2024-01-08',
      draft: false,
      corrections: [],
    });
    expect(sectionSchema.parse(validSection)).toEqual({ ...validSection, report: '2023', figures: [] });
  });
});

describe('report schema rejects, saying what was expected', () => {
  const without = (key: string) => Object.fromEntries(Object.entries(validReport).filter(([k]) => k !== key));

  it('a missing year', () => {
    const m = messages(reportSchema.safeParse(without('year')));
    expect(m).toEqual(['year: 缺少 year（报告年度），请填写四位阿拉伯数字年份，例如 year: 2023']);
  });

  it('a year written as 二〇二三', () => {
    const m = messages(reportSchema.safeParse({ ...validReport, year: '二〇二三' }));
    expect(m).toHaveLength(1);
    expect(m[0]).toMatch(/^year: year（报告年度）应为四位阿拉伯数字年份，例如 year: 2023/);
    expect(m[0]).toContain('收到 “二〇二三”');
  });

  it('a year out of range or not whole', () => {
    expect(messages(reportSchema.safeParse({ ...validReport, year: 23 }))).toEqual([
      'year: year（报告年度）应为四位阿拉伯数字年份，例如 year: 2023；收到 23',
    ]);
    expect(messages(reportSchema.safeParse({ ...validReport, year: 20233 }))[0]).toContain('收到 20233');
    expect(reportSchema.parse({ ...validReport, year: 1000 }).year).toBe(1000);
    expect(reportSchema.parse({ ...validReport, year: '9999' }).year).toBe(9999);
    expect(messages(reportSchema.safeParse({ ...validReport, year: 2023.5 }))).toEqual(['year: year（报告年度）应为整数年份，例如 year: 2023']);
    expect(messages(reportSchema.safeParse({ ...validReport, year: '0999' }))).toEqual([
      'year: year（报告年度）应为四位阿拉伯数字年份，例如 year: 2023；收到 999',
    ]);
  });

  it('a report year is the one rule the schema, the scripts and the importer share', () => {
    for (const y of [REPORT_YEARS.min, 2023, REPORT_YEARS.max]) {
      expect(isReportYear(y)).toBe(true);
      expect(reportSchema.safeParse({ ...validReport, year: y }).success).toBe(true);
    }
    for (const y of [999, 10000, 2023.5, '2023', Number.NaN]) {
      expect(isReportYear(y), String(y)).toBe(false);
    }
    expect([parseReportYear('2024'), parseReportYear(' 2024 '), parseReportYear('0999'), parseReportYear('二〇二四'), parseReportYear('20245'), parseReportYear(undefined)]).toEqual([
      2024,
      2024,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it.each([
    ['2024-13-01', '“2024-13-01”'],
    ['2024-02-30', '“2024-02-30”'],
    ['2024/1/8', '“2024/1/8”'],
    ['2024年1月8日', '“2024年1月8日”'],
  ])('a malformed date %s', (value, shown) => {
    const m = messages(reportSchema.safeParse({ ...validReport, signedOn: value }));
    expect(m).toEqual([`signedOn: signedOn（成文日期）应为 YYYY-MM-DD 格式的真实日期，例如 2024-01-08；收到 ${shown}`]);
  });

  it('a malformed optional date too, and accepts YAML dates', () => {
    expect(messages(reportSchema.safeParse({ ...validReport, publishedOn: '2024-1-30' }))[0]).toContain('publishedOn（发布日期）');
    const parsed = reportSchema.parse({ ...validReport, signedOn: new Date('2024-01-08T00:00:00Z') });
    expect(parsed.signedOn).toBe('2024-01-08');
  });

  it('a missing signing date', () => {
    expect(messages(reportSchema.safeParse(without('signedOn')))).toEqual([
      'signedOn: 缺少 signedOn（成文日期），请按 YYYY-MM-DD 填写，例如 signedOn: 2024-01-08',
    ]);
  });

  it('a misspelt field, naming the fields that exist', () => {
    const m = messages(reportSchema.safeParse({ ...validReport, signedon: '2024-01-08' }));
    expect(m.join('\n')).toContain('不认识的字段 signedon');
    expect(m.join('\n')).toContain('可用字段：year、title、agency、signedOn');
  });
});

describe('section schema rejects, saying what was expected', () => {
  it('an item that is not one of the five', () => {
    const m = messages(sectionSchema.safeParse({ ...validSection, item: '工作成效' }));
    expect(m).toEqual([
      'item: item（报告事项）应为以下之一：主要举措和成效、存在的不足和原因、第一责任人职责、下一年度主要安排、其他需要报告的情况；收到 “工作成效”',
    ]);
  });

  it('a numeral that is not a Chinese numeral', () => {
    expect(messages(sectionSchema.safeParse({ ...validSection, numeral: '1' }))[0]).toContain('numeral（序号）应为汉字序号');
    expect(messages(sectionSchema.safeParse({ ...validSection, numeral: '一、' }))[0]).toContain('不带“、”');
  });

  it('an order that is not a positive whole number', () => {
    expect(messages(sectionSchema.safeParse({ ...validSection, order: '一' }))[0]).toContain('order（顺序）应为正整数');
    expect(messages(sectionSchema.safeParse({ ...validSection, order: 0 }))[0]).toContain('从 1 开始');
  });

  it('a report that is not a year', () => {
    for (const report of ['二〇二三', '0999', ' 2023', '23']) {
      expect(messages(sectionSchema.safeParse({ ...validSection, report })), report).toEqual([
        'report: report（所属报告）应为四位阿拉伯数字年份，例如 report: 2023',
      ]);
    }
  });
});
