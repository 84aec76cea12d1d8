import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { reportSchema, sectionSchema } from '../../src/domain/schema';
import { checkContent, formatProblems, type Entry } from '../../src/domain/check';
import type { ReportData, SectionData } from '../../src/domain/schema';
import { readEntries, ROOT } from '../../scripts/lib/content';

const reportsRaw = readEntries(join(ROOT, 'src/content/reports'), 1);
const sectionsRaw = readEntries(join(ROOT, 'src/content/sections'), 2);

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

const validReport = reportsRaw.find((r) => r.id === '2023')!.frontmatter;
const validSection = sectionsRaw[0]!.frontmatter;

describe('the real content', () => {
  it('has the 2023 report and its seven sections', () => {
    expect(reportsRaw.map((r) => r.id)).toEqual(['2023']);
    expect(sectionsRaw.map((s) => s.id)).toEqual(['2023/01', '2023/02', '2023/03', '2023/04', '2023/05', '2023/06', '2023/07']);
  });

  it('passes the schemas and the cross-entry rules', () => {
    const reports: Entry<ReportData>[] = reportsRaw.map((r) => {
      const parsed = reportSchema.safeParse(r.frontmatter);
      expect(messages(parsed), r.filePath).toEqual([]);
      return { id: r.id, filePath: r.filePath, data: parsed.data! };
    });
    const sections: Entry<SectionData>[] = sectionsRaw.map((s) => {
      const parsed = sectionSchema.safeParse(s.frontmatter);
      expect(messages(parsed), s.filePath).toEqual([]);
      return { id: s.id, filePath: s.filePath, data: parsed.data!, body: s.body };
    });
    expect(checkContent(reports, sections)).toEqual([]);
  });

  it('states only facts the report gives: no 索引号 or 发布日期 was invented', () => {
    const r = reportSchema.parse(validReport);
    expect(r).toMatchObject({ year: 2023, agency: '韶关市武江区退役军人事务局', signedOn: '2024-01-08' });
    expect(r.indexNumber).toBeUndefined();
    expect(r.publishedOn).toBeUndefined();
    expect(r.topic).toBeUndefined();
  });

  it('maps the sections to the regulation’s items as domain.md records', () => {
    const items = sectionsRaw.map((s) => sectionSchema.parse(s.frontmatter)).map((s) => `${s.numeral}:${s.item}`);
    expect(items).toEqual([
      '一:主要举措和成效',
      '二:主要举措和成效',
      '三:第一责任人职责',
      '四:主要举措和成效',
      '五:主要举措和成效',
      '六:存在的不足和原因',
      '七:下一年度主要安排',
    ]);
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
    expect(messages(reportSchema.safeParse({ ...validReport, year: 2023.5 }))[0]).toContain('整数');
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
    expect(messages(sectionSchema.safeParse({ ...validSection, report: '二〇二三' }))[0]).toContain('report（所属报告）应为四位阿拉伯数字年份');
  });
});

describe('cross-entry rules', () => {
  // A draft, so that only the rule under test (not the four mandatory items) is in play.
  const report: Entry<ReportData> = {
    id: '2023',
    filePath: 'src/content/reports/2023.mdx',
    data: { ...reportSchema.parse(validReport), draft: true },
  };
  const section = (file: string, over: Partial<SectionData>): Entry<SectionData> => ({
    id: file,
    filePath: `src/content/sections/${file}.mdx`,
    // Copies of one real section: without its key figures, whose keys may appear once per report.
    data: { ...sectionSchema.parse(validSection), figures: [], ...over },
  });

  it('two sections of one year with the same order', () => {
    const problems = checkContent([report], [section('2023/01', { order: 1 }), section('2023/02', { order: 1, numeral: '一' })]);
    expect(problems).toEqual([
      {
        file: 'src/content/sections/2023/02.mdx',
        field: 'order',
        message: expect.stringContaining('2023 年报告中有两部分的 order 都是 1（另一处：src/content/sections/2023/01.mdx）'),
      },
    ]);
  });

  it('a section whose report does not exist', () => {
    const problems = checkContent([report], [section('2022/01', { report: '2022' })]);
    expect(problems).toEqual([
      {
        file: 'src/content/sections/2022/01.mdx',
        field: 'report',
        message: '找不到 2022 年的报告。已有报告：2023。请改正 report，或先在 src/content/reports/ 中添加 2022.mdx',
      },
    ]);
  });

  it('a gap in the orders, a numeral that does not match, a file not named after its year', () => {
    const misnamed = { ...report, id: 'report-2023' };
    const problems = checkContent([misnamed], [section('2023/01', { order: 1 }), section('2023/03', { order: 3, numeral: '二' })]);
    expect(problems.map((p) => `${p.file} ${p.field}`)).toEqual([
      'src/content/reports/2023.mdx year',
      'src/content/sections/2023/03.mdx numeral',
      'src/content/sections/2023/ order',
    ]);
    expect(formatProblems(problems)).toContain('缺少第 2 部分');
  });
});
