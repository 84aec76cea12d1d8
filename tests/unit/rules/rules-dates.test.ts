/** Rules on a report's dates: 发布日期 and 成文日期, the year, the deadline, corrections. */
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/domain/check';
import { lastCorrection, publicationDeadline, publishedDate } from '../../../src/domain/report';
import { draft, MANDATORY, report, sections } from './fixtures';

const items = sections(MANDATORY);

describe('published-after-signed', () => {
  it('发布日期 may not be before 成文日期', () => {
    expect(checkContent([report({ publishedOn: '2024-01-01' })], items)).toEqual([
      { file: 'reports/2023.mdx', field: 'publishedOn', message: '发布日期 2024-01-01 早于成文日期 2024-01-08。请核对这两个日期' },
    ]);
    expect(checkContent([report({ publishedOn: '2024-01-08' })], items)).toEqual([]);
  });
});

describe('year-not-after-signing', () => {
  // A mistyped year, in a file renamed to match it: only the dates can tell.
  const dated = (year: number) => checkContent([report({ year })], items.map((s) => ({ ...s, data: { ...s.data, report: String(year) } })));

  it('a year after the signing date is an error: a mistyped year', () => {
    expect(dated(2203)).toEqual([
      {
        file: 'reports/2203.mdx',
        field: 'year',
        message: '报告年度 2203 晚于成文日期 2024-01-08：报告不能在所报告的年度开始前签发。请核对 year 和 signedOn',
      },
    ]);
    expect(dated(2024)).toEqual([]);
  });
});

describe('published-by-deadline', () => {
  it('publishing on or after 4月1日 of the following year is a warning', () => {
    expect(checkContent([report({ publishedOn: '2024-03-31' })], items)).toEqual([]);
    expect(checkContent([report({ publishedOn: '2024-04-01' })], items)).toEqual([
      {
        file: 'reports/2023.mdx',
        field: 'publishedOn',
        warning: true,
        message:
          '发布日期 2024-04-01 晚于规定：2023 年度报告应在 2024 年 4 月 1 日前向社会公开（《法治政府建设与责任落实督察工作规定》第二十四条）。请核对 year 和发布日期；如无误可忽略此提醒',
      },
    ]);
  });

  it('without 发布日期, signing on or after 4月1日 of the following year is a warning on signedOn', () => {
    expect(checkContent([report({ signedOn: '2024-04-02' })], items)).toEqual([
      {
        file: 'reports/2023.mdx',
        field: 'signedOn',
        warning: true,
        message:
          '成文日期 2024-04-02 晚于规定：2023 年度报告应在 2024 年 4 月 1 日前向社会公开（《法治政府建设与责任落实督察工作规定》第二十四条）。请核对 year 和成文日期；如无误可忽略此提醒',
      },
    ]);
    // A 发布日期 in time says the report was published in time, whenever it was signed.
    expect(checkContent([report({ signedOn: '2024-03-20', publishedOn: '2024-03-25' })], items)).toEqual([]);
  });

  it('the deadline and the publication date are the domain’s, written once', () => {
    expect(publicationDeadline(2023)).toBe('2024-04-01');
    expect(publishedDate({ signedOn: '2024-01-08' })).toBe('2024-01-08');
    expect(publishedDate({ signedOn: '2024-01-08', publishedOn: '2024-01-20' })).toBe('2024-01-20');
  });
});

describe('corrections-after-publication', () => {
  it('a correction cannot predate publication (发布日期, else 成文日期)', () => {
    expect(checkContent([report({ publishedOn: '2024-01-20', corrections: [{ date: '2024-01-10', note: '示例更正' }] })], items)).toEqual([
      {
        file: 'reports/2023.mdx',
        field: 'corrections[0].date',
        message: '更正日期 2024-01-10 早于发布日期 2024-01-20。更正只能发生在发布之后，请核对日期',
      },
    ]);
    expect(checkContent([report({ corrections: [{ date: '2024-01-01', note: '示例更正' }, { date: '2024-02-01', note: '示例更正' }] })], items)).toEqual([
      {
        file: 'reports/2023.mdx',
        field: 'corrections[0].date',
        message: '更正日期 2024-01-01 早于成文日期 2024-01-08。更正只能发生在发布之后，请核对日期',
      },
    ]);
  });

  it('最后更新 is the latest correction', () => {
    expect(lastCorrection({ corrections: [] })).toBeUndefined();
    expect(lastCorrection({ corrections: [{ date: '2024-05-01', note: 'a' }, { date: '2024-03-01', note: 'b' }] })).toBe('2024-05-01');
  });
});

describe('year-matches-title-and-preface', () => {
  it('passes when the title and the preface name the report’s year', () => {
    expect(checkContent([draft({ year: 2023 })], [])).toEqual([]);
  });

  it('is an error when the title names another year', () => {
    expect(checkContent([draft({ year: 2024, signedOn: '2025-01-08', title: '示例局2023年法治政府建设年度报告（测试）' })], [])).toEqual([
      { file: 'reports/2024.mdx', field: 'year', message: '报告年度 year 是 2024，标题却是“示例局2023年法治政府建设年度报告（测试）”（2023年）。请核对 year 和 title' },
    ]);
  });

  it('is an error when the preface names years but not the report’s', () => {
    const r = { ...draft({ year: 2024, signedOn: '2025-01-08' }), body: '2023年，示例局（测试）坚持依法行政。' };
    expect(checkContent([r], [])).toEqual([
      { file: 'reports/2024.mdx', field: 'year', message: '报告年度 year 是 2024，前言中却只出现 2023 年。请核对 year 和前言' },
    ]);
    const ok = { ...r, body: '根据《纲要（2021-2025年）》，2024年，示例局（测试）……' };
    expect(checkContent([ok], [])).toEqual([]);
  });
});
