/** Rules for publishing: the four mandatory items and nothing left 待填写 (the record of what was published: record.test.ts). */
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/domain/check';
import { missingMandatoryItems } from '../../../src/domain/items';
import { MANDATORY, report, sections } from './fixtures';

describe('mandatory-items-covered', () => {
  it('passes a published report that covers the four mandatory items', () => {
    expect(checkContent([report()], sections(MANDATORY))).toEqual([]);
  });

  it('names the mandatory items no section reports on', () => {
    expect(checkContent([report()], sections(['主要举措和成效', '主要举措和成效', '第一责任人职责']))).toEqual([
      {
        file: 'reports/2023.mdx',
        field: 'items',
        message:
          '已发布的报告必须报告这几项，但没有哪一部分的 items 包括：存在的不足和原因、下一年度主要安排。某一部分报告了这一项（例如第一责任人职责写在主要举措和成效中）时，把它加进那一部分的 items，例如 items: [主要举措和成效, 第一责任人职责]；原文确实没有这一项时，报告还不能发布，请保留 draft: true',
      },
    ]);
  });

  it('counts an item covered inside another section, as real reports print it', () => {
    const three = sections(['主要举措和成效', '存在的不足和原因', '下一年度主要安排']);
    expect(checkContent([report()], three).map((p) => p.field)).toEqual(['items']);
    three[0]!.data.items = ['主要举措和成效', '第一责任人职责'];
    expect(checkContent([report()], three)).toEqual([]);
  });

  it('leaves a draft alone', () => {
    expect(checkContent([report({ draft: true })], [])).toEqual([]);
  });

  it('does not offer draft: true for a report already in the record: it is public, and can only be corrected openly', () => {
    const problems = checkContent([report()], sections(['主要举措和成效', '主要举措和成效', '第一责任人职责']), { recorded: new Set([2023]) });
    expect(problems).toEqual([
      {
        file: 'reports/2023.mdx',
        field: 'items',
        message:
          '已发布的报告必须报告这几项，但没有哪一部分的 items 包括：存在的不足和原因、下一年度主要安排。2023 年报告已经发布，只能公开地改：误改的，请用 git 找回（例如 git checkout -- sections/2023/）；确要这样改的，请在 corrections 中加一条更正说明（date: 更正日期，note: 改了什么、为什么），然后运行 npm run check -- --accept',
      },
    ]);
    expect(checkContent([report()], sections(MANDATORY), { recorded: new Set([2022]) })).toEqual([]);
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

  it('a value the scaffold pre-filled, marked 待填写 in a frontmatter comment, blocks publishing', () => {
    const raw = '---\nyear: 2023\nsignedOn: 2024-01-10 # 待填写：落款日期\n---\n\n示例前言\n';
    expect(checkContent([{ ...report(), raw }], sections(MANDATORY))).toEqual([
      {
        file: 'reports/2023.mdx',
        field: '第 3 行',
        message: '“signedOn: 2024-01-10 # 待填写：落款日期”还标着“待填写”：这个值是新建时预填的，请核对并改成正式的值，删掉“# 待填写…”注释后再发布，或在报告中保留 draft: true',
      },
    ]);
  });

  it('a report already in the record is told to undo or correct, not to stay a draft', () => {
    expect(checkContent([report()], sections(MANDATORY, '待填写。'), { recorded: new Set([2023]) })[0]).toEqual({
      file: 'sections/2023/01.mdx',
      field: '正文',
      message:
        '还有“待填写”的内容。请写完后再发布。2023 年报告已经发布，只能公开地改：误改的，请用 git 找回（例如 git checkout -- sections/2023/01.mdx）；确要这样改的，请在 corrections 中加一条更正说明（date: 更正日期，note: 改了什么、为什么），然后运行 npm run check -- --accept',
    });
  });

  it('a draft may', () => {
    expect(checkContent([report({ draft: true }, '待填写：前言')], sections(['主要举措和成效'], '待填写。'))).toEqual([]);
  });
});

