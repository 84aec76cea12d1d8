/** Domain rules for publishing: mandatory items, unfinished text, dates, corrections. */
import { describe, expect, it } from 'vitest';
import { checkContent, type Entry } from '../../src/domain/check';
import { checkPublished, type PublishedReport } from '../../src/domain/published';
import { lastCorrection } from '../../src/domain/report';
import type { ReportData, SectionData } from '../../src/domain/schema';

const report = (over: Partial<ReportData> = {}, body = '示例前言'): Entry<ReportData> => ({
  id: '2023',
  filePath: 'reports/2023.mdx',
  body,
  data: { year: 2023, title: '示例', agency: '示例局', signedOn: '2024-01-08', draft: false, corrections: [], ...over },
});
const ITEMS = ['主要举措和成效', '存在的不足和原因', '第一责任人职责', '下一年度主要安排'] as const;
const numerals = ['一', '二', '三', '四', '五'];
const sections = (items: readonly SectionData['item'][], body = '示例正文'): Entry<SectionData>[] =>
  items.map((item, i) => ({
    id: `2023/0${i + 1}`,
    filePath: `sections/2023/0${i + 1}.mdx`,
    body,
    data: { report: '2023', order: i + 1, numeral: numerals[i]!, heading: `示例${i + 1}`, item, figures: [] },
  }));

describe('a published report', () => {
  it('passes when it covers the four mandatory items', () => {
    expect(checkContent([report()], sections(ITEMS))).toEqual([]);
  });

  it('must cover the four mandatory items, naming the missing ones', () => {
    const problems = checkContent([report()], sections(['主要举措和成效', '主要举措和成效', '第一责任人职责']));
    expect(problems).toEqual([
      {
        file: 'reports/2023.mdx',
        field: 'item',
        message: expect.stringContaining('没有哪一部分的 item 是：存在的不足和原因、下一年度主要安排'),
      },
    ]);
  });

  it('may not keep text marked 待填写; a draft may', () => {
    expect(checkContent([report()], sections(ITEMS, '待填写。')).map((p) => `${p.file} ${p.field}`)).toEqual([
      'sections/2023/01.mdx 正文',
      'sections/2023/02.mdx 正文',
      'sections/2023/03.mdx 正文',
      'sections/2023/04.mdx 正文',
    ]);
    expect(checkContent([report({ draft: true }, '待填写：前言')], sections(['主要举措和成效'], '待填写。'))).toEqual([]);
  });
});

describe('dates', () => {
  it('成文日期 may not be after 发布日期', () => {
    const [p] = checkContent([report({ publishedOn: '2024-01-01' })], sections(ITEMS));
    expect(p).toMatchObject({ field: 'publishedOn', message: '发布日期 2024-01-01 早于成文日期 2024-01-08。请核对这两个日期' });
    expect(p!.warning).toBeUndefined();
  });

  it('publishing on or after 4月1日 of the following year is a warning', () => {
    expect(checkContent([report({ publishedOn: '2024-03-31' })], sections(ITEMS))).toEqual([]);
    const [p] = checkContent([report({ publishedOn: '2024-04-01' })], sections(ITEMS));
    expect(p).toMatchObject({ field: 'publishedOn', warning: true });
    expect(p!.message).toContain('2023 年度报告应在 2024 年 4 月 1 日前向社会公开');
  });

  // A mistyped year, in a file renamed to match it: only the dates can tell.
  const dated = (year: number) =>
    checkContent([{ ...report({ year }), id: String(year) }], []).filter((p) => p.field === 'year' || p.field === 'signedOn');

  it('a year after the signing date is an error: a mistyped year', () => {
    expect(dated(2203)).toEqual([
      {
        file: 'reports/2023.mdx',
        field: 'year',
        message: '报告年度 2203 晚于成文日期 2024-01-08：报告不能在所报告的年度开始前签发。请核对 year 和 signedOn',
      },
    ]);
    expect(dated(2024)).toEqual([]);
  });

  it('without 发布日期, signing on or after 4月1日 of the following year is a warning', () => {
    const [p] = dated(1023);
    expect(p).toMatchObject({ field: 'signedOn', warning: true });
    expect(p!.message).toContain('成文日期 2024-01-08 晚于规定：1023 年度报告应在 1024 年 4 月 1 日前向社会公开');
    // A 发布日期 in time says the report was published in time, whenever it was signed.
    expect(checkContent([report({ signedOn: '2024-03-20', publishedOn: '2024-03-25' })], sections(ITEMS))).toEqual([]);
  });

  it('a correction cannot predate publication', () => {
    const problems = checkContent(
      [report({ publishedOn: '2024-01-20', corrections: [{ date: '2024-01-10', note: '示例更正' }] })],
      sections(ITEMS),
    );
    expect(problems.map((p) => p.field)).toEqual(['corrections[0].date']);
  });

  it('最后更新 is the latest correction', () => {
    expect(lastCorrection({ corrections: [] })).toBeUndefined();
    expect(
      lastCorrection({ corrections: [{ date: '2024-05-01', note: 'a' }, { date: '2024-03-01', note: 'b' }] }),
    ).toBe('2024-05-01');
  });
});

describe('corrections are public', () => {
  const pub = (over: Partial<PublishedReport> = {}): PublishedReport => ({
    year: 2023,
    filePath: 'reports/2023.mdx',
    draft: false,
    digest: 'sha256:a',
    corrections: 0,
    ...over,
  });
  const recorded = { '2023': { digest: 'sha256:a', corrections: 0 } };

  it('unchanged published text passes', () => {
    expect(checkPublished([pub()], recorded).problems).toEqual([]);
  });

  it('changed text without a new correction fails, and --accept does not record it', () => {
    for (const accept of [false, true]) {
      const r = checkPublished([pub({ digest: 'sha256:b' })], recorded, accept);
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]!.message).toContain('正文却有改动而没有新的更正说明');
      expect(r.record).toEqual(recorded);
    }
  });

  it('changed text with a new correction is recorded by --accept, and asked for without it', () => {
    const changed = pub({ digest: 'sha256:b', corrections: 1 });
    expect(checkPublished([changed], recorded).problems[0]!.message).toContain('请运行 npm run check -- --accept');
    const r = checkPublished([changed], recorded, true);
    expect(r.problems).toEqual([]);
    expect(r.record).toEqual({ '2023': { digest: 'sha256:b', corrections: 1 } });
  });

  it('a report about to be published needs its digest recorded; drafts are left alone', () => {
    expect(checkPublished([pub({ year: 2024 })], recorded).problems[0]!.message).toContain('还没有记录它的内容摘要');
    expect(checkPublished([pub({ year: 2024 })], recorded, true).record['2024']).toEqual({ digest: 'sha256:a', corrections: 0 });
    expect(checkPublished([pub({ year: 2024, draft: true })], recorded).problems).toEqual([]);
  });
});
