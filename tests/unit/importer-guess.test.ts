/** The importer's guesses: the report's year and each section's required item; and the assembled report. */
import { describe, expect, it } from 'vitest';
import { decideYear, guessItem, yearInPreface } from '../../src/importer/guess.ts';
import { assemble } from '../../src/importer/assemble.ts';
import { parseReport } from '../../src/importer/parse.ts';
import { ImportError } from '../../src/importer/errors.ts';
import type { Block } from '../../src/importer/model.ts';

const lines = (...texts: string[]): Block[] => texts.map((text) => ({ kind: 'line', text }));

describe('the year', () => {
  it('is the first YYYY年 in the preface, not one that ends a range', () => {
    expect(yearInPreface(lines('2023年,我局坚持……'))).toBe(2023);
    expect(yearInPreface(lines('按照《纲要(2021-2025年)》要求，我局2024年坚持……'))).toBe(2024);
    expect(yearInPreface(lines('过去一年', '2024 年以来，……2025年'))).toBe(2024);
    expect(yearInPreface(lines('第1234年', '没有年份'))).toBeUndefined();
    expect(yearInPreface([{ kind: 'table', rows: [['2020年']] }])).toBeUndefined();
  });

  it('comes from --year, else the preface, else the signing year minus one', () => {
    const preface = lines('2024年,我局……');
    expect(decideYear(2022, preface, '2025-01-10')).toEqual({ year: 2022, source: 'option' });
    expect(decideYear(undefined, preface, '2025-01-10')).toEqual({ year: 2024, source: 'preface' });
    expect(decideYear(undefined, lines('过去一年，我局……'), '2025-01-10')).toEqual({ year: 2024, source: 'signature' });
  });
});

describe('the required item, guessed from the heading', () => {
  it.each([
    ['存在的不足和原因', '存在的不足和原因'],
    ['推进法治政府建设存在的问题', '存在的不足和原因'],
    ['高度重视法治政府建设工作,主要负责人认真履行第一责任人职责', '第一责任人职责'],
    ['党政主要负责人履行推进法治建设第一责任人职责情况', '第一责任人职责'],
    ['主要负责人切实履行法治建设职责', '第一责任人职责'],
    ['2024年度推进法治政府建设的主要安排', '下一年度主要安排'],
    ['下一年度工作计划', '下一年度主要安排'],
    ['明年工作思路', '下一年度主要安排'],
    ['下一步工作打算', '下一年度主要安排'],
    ['2024年度重点工作', '下一年度主要安排'],
    ['其他需要报告的情况', '其他需要报告的情况'],
    ['推进法治政府建设的主要举措和成效', '主要举措和成效'],
    ['深入学习贯彻习近平法治思想,增强法治思维', '主要举措和成效'],
    ['2023年度重点工作', '主要举措和成效'],
  ])('%s -> %s', (heading, item) => expect(guessItem(heading, 2023)).toBe(item));
});

describe('the assembled report', () => {
  const parse = (...texts: string[]) => parseReport(lines(...texts), 'x.txt');

  it('makes the title from agency and year when the text has none, and needs no signature list', () => {
    const r = assemble(parse('2023年,我局……', '一、主要举措和成效', '正文。', '某某局', '2024年1月8日'));
    expect(r).toMatchObject({ year: 2023, yearSource: 'preface', title: '某某局2023年法治政府建设年度报告', titleFromSource: false });
    expect(r.signature).toBeUndefined();
    expect(r.sections[0]!.items[0]).toBe('主要举措和成效');
  });

  it('keeps a signature printed otherwise than agency + 2024年1月8日, line for line', () => {
    for (const date of ['2024年01月08日', '二〇二四年一月八日', '2024 年 1 月 8 日']) {
      const r = assemble(parse('一、主要举措和成效', '正文。', '某某局', date));
      expect(r.signedOn).toBe('2024-01-08');
      expect(r.signature).toEqual(['某某局', date]);
      expect(r).toMatchObject({ year: 2023, yearSource: 'signature' });
    }
  });

  it('warns when the title, the year and the signing date disagree, or a mandatory item is not guessed', () => {
    const r = assemble(parse('某某局2022年法治政府建设年度报告', '2023年,我局……', '一、主要举措和成效', '正文。', '某某局', '2025年1月8日'));
    expect(r.title).toBe('某某局2022年法治政府建设年度报告');
    expect(r.warnings).toEqual([
      expect.stringContaining('标题中的年份是 2022，报告年度却是 2023'),
      expect.stringContaining('成文日期 2025-01-08 不在报告年度 2023 的次年'),
      expect.stringContaining('没有哪一部分报告：存在的不足和原因、第一责任人职责、下一年度主要安排'),
    ]);
  });

  it('warns when --year differs from the year in the preface', () => {
    const r = assemble(parse('2023年,我局……', '一、主要举措和成效', '正文。', '某某局', '2024年1月8日'), 2022);
    expect(r).toMatchObject({ year: 2022, yearSource: 'option' });
    expect(r.warnings[0]).toBe('前言中的年份是 2023，但 --year 指定了 2022。请确认年度无误。');
  });

  it('uses --year for the item guess too', () => {
    const r = assemble(parse('一、2026年度重点工作', '正文。', '某某局', '2025年1月8日'), 2025);
    expect(r.sections[0]!.items[0]).toBe('下一年度主要安排');
  });

  it('refuses a year that is not a report year, asking for --year', () => {
    const parsed = parse('一、主要举措和成效', '正文。', '某某局', '1000年1月8日');
    expect(() => assemble(parsed)).toThrow(ImportError);
    expect(() => assemble(parsed)).toThrow('推测出的报告年度 999 不是四位阿拉伯数字年份（成文日期 1000-01-08）。请核对落款日期，或用 --year 指定年度。');
    expect(assemble(parsed, 1999).year).toBe(1999);
  });
});
