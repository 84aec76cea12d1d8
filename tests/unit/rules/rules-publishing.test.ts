/** Rules for publishing: the four mandatory items, nothing left 待填写, and corrections are public. */
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/domain/check';
import { missingMandatoryItems } from '../../../src/domain/items';
import { checkPublished, type PublishedReport } from '../../../src/domain/published';
import { MANDATORY, report, sections } from './fixtures';

describe('mandatory-items-covered', () => {
  it('passes a published report that covers the four mandatory items', () => {
    expect(checkContent([report()], sections(MANDATORY))).toEqual([]);
  });

  it('names the mandatory items no section reports on', () => {
    expect(checkContent([report()], sections(['主要举措和成效', '主要举措和成效', '第一责任人职责']))).toEqual([
      {
        file: 'reports/2023.mdx',
        field: 'item',
        message:
          '已发布的报告必须报告这几项，但没有哪一部分的 item 是：存在的不足和原因、下一年度主要安排。请在对应部分的 item 中标明，或补上这一部分；还没写完请加 draft: true',
      },
    ]);
  });

  it('leaves a draft alone', () => {
    expect(checkContent([report({ draft: true })], [])).toEqual([]);
  });

  it('is one function, shared with the importer’s guesses', () => {
    expect(missingMandatoryItems(MANDATORY)).toEqual([]);
    expect(missingMandatoryItems(['其他需要报告的情况', '第一责任人职责'])).toEqual(['主要举措和成效', '存在的不足和原因', '下一年度主要安排']);
    expect(missingMandatoryItems([])).toEqual([...MANDATORY]);
  });
});

describe('nothing-left-to-write', () => {
  const unfinished = '还有“待填写”的内容。请写完后再发布，或在报告中保留 draft: true';

  it('a published report and its sections may not keep text marked 待填写', () => {
    expect(checkContent([report({}, '待填写：前言')], sections(MANDATORY, '待填写。'))).toEqual([
      { file: 'reports/2023.mdx', field: '正文', message: unfinished },
      ...[1, 2, 3, 4].map((n) => ({ file: `sections/2023/0${n}.mdx`, field: '正文', message: unfinished })),
    ]);
  });

  it('a draft may', () => {
    expect(checkContent([report({ draft: true }, '待填写：前言')], sections(['主要举措和成效'], '待填写。'))).toEqual([]);
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
      expect(r.problems).toEqual([
        {
          file: 'reports/2023.mdx',
          field: 'corrections',
          message:
            '2023 年报告已经发布，正文却有改动而没有新的更正说明。请在 corrections 中加一条（date: 更正日期，note: 改了什么），然后运行 npm run check -- --accept；如果改动是误操作，请撤销改动',
        },
      ]);
      expect(r.record).toEqual(recorded);
    }
  });

  it('changed text with a new correction is recorded by --accept, and asked for without it', () => {
    const changed = pub({ digest: 'sha256:b', corrections: 1 });
    expect(checkPublished([changed], recorded).problems).toEqual([
      {
        file: 'reports/2023.mdx',
        field: 'corrections',
        message: '2023 年报告的正文已改动，也有新的更正说明。请运行 npm run check -- --accept 记录改动后的内容，并把 published-digests.json 一起提交',
      },
    ]);
    const r = checkPublished([changed], recorded, true);
    expect(r.problems).toEqual([]);
    expect(r.record).toEqual({ '2023': { digest: 'sha256:b', corrections: 1 } });
  });

  it('a report about to be published needs its digest recorded; drafts are left alone', () => {
    expect(checkPublished([pub({ year: 2024, filePath: 'reports/2024.mdx' })], recorded).problems).toEqual([
      {
        file: 'reports/2024.mdx',
        field: '正文',
        message: '2024 年报告将要发布，但还没有记录它的内容摘要。确认内容无误后运行 npm run check -- --accept，并把 published-digests.json 一起提交',
      },
    ]);
    expect(checkPublished([pub({ year: 2024 })], recorded, true).record['2024']).toEqual({ digest: 'sha256:a', corrections: 0 });
    expect(checkPublished([pub({ year: 2024, draft: true })], recorded).problems).toEqual([]);
  });
});
