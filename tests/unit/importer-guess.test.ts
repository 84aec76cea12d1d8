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
    expect(yearInPreface(lines('二〇二四年，我局……'))).toBe(2024);
  });

  it('comes from --year, else the title, else the preface, else the signing year minus one', () => {
    const preface = lines('2023年以来，我局……2024年');
    expect(decideYear(2022, '示例局2024年报告', preface, '2025-01-10')).toEqual({ year: 2022, source: 'option' });
    expect(decideYear(undefined, '示例局2024年度法治政府建设报告', preface, '2025-01-10')).toEqual({ year: 2024, source: 'title' });
    expect(decideYear(undefined, '示例局法治政府建设报告', preface, '2025-01-10')).toEqual({ year: 2023, source: 'preface' });
    expect(decideYear(undefined, undefined, lines('过去一年，我局……'), '2025-01-10')).toEqual({ year: 2024, source: 'signature' });
    expect(decideYear(undefined, undefined, lines('过去一年，我局……'), undefined)).toBeUndefined();
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
    // Headings that do not use the regulation's words.
    ['坚持问题导向，推动法治政府建设提质增效', '主要举措和成效'],
    ['正视存在的短板和薄弱环节', '存在的不足和原因'],
    ['2024年工作重点', '下一年度主要安排'],
    ['工作重点', '下一年度主要安排'],
    ['下一步工作思路', '下一年度主要安排'],
    ['压实主要负责人法治建设责任', '第一责任人职责'],
    ['2024年工作谋划', '下一年度主要安排'],
  ])('%s -> %s', (heading, item) => expect(guessItem(heading, 2023)).toBe(item));
});

describe('the assembled report', () => {
  const parse = (...texts: string[]) => parseReport(lines(...texts), 'x.txt');

  it('makes the title from agency and year when the text has none, and needs no signature list', () => {
    const r = assemble(parse('2023年,我局……', '一、主要举措和成效', '正文。', '某某局', '2024年1月8日'));
    expect(r).toMatchObject({ year: 2023, yearSource: 'preface', title: '某某局2023年法治政府建设年度报告', titleFromSource: false });
    expect(r.sources).toEqual({ agency: '取自落款', signedOn: '落款“2024年1月8日”' });
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

  it('takes the year from the title; warns when the title, --year and the signing date disagree, or a mandatory item is not guessed', () => {
    const r = assemble(parse('某某局2022年法治政府建设年度报告', '2023年,我局……', '一、主要举措和成效', '正文。', '某某局', '2025年1月8日'));
    expect(r).toMatchObject({ title: '某某局2022年法治政府建设年度报告', year: 2022, yearSource: 'title' });
    expect(r.warnings).toEqual([
      expect.stringContaining('成文日期 2025-01-08 不在报告年度 2022 的次年'),
      expect.stringContaining('没有哪一部分报告：存在的不足和原因、第一责任人职责、下一年度主要安排'),
    ]);
    expect(assemble(parse('某某局2022年法治政府建设年度报告', '前言。', '一、主要举措和成效', '正文。', '某某局', '2024年1月8日'), 2023).warnings[0]).toBe(
      '标题中的年份是 2022，报告年度却是 2023。请核对；需要时用 --year 指定年度。',
    );
  });

  it('without a 落款: the date under the title, else the metadata, else the publication date with a warning; signature []', () => {
    const under = assemble(parse('示例中心2024年法治政府建设年度报告', '（2025年2月20日）', '一、主要举措和成效', '正文。'));
    expect(under).toMatchObject({ signedOn: '2025-02-20', signature: [], agency: '示例中心', sources: { agency: '取自标题中年份之前的机构名' } });
    const meta = assemble(parse('成文日期：2025-02-21', '发布机构：示例局', '示例局2024年报告', '一、主要举措和成效', '正文。'));
    expect(meta).toMatchObject({ signedOn: '2025-02-21', signature: [], agency: '示例局', sources: { agency: '取自政务公开信息中的“发布机构”' } });
    const published = assemble(parse('发布日期：2025-03-05', '示例局2024年报告', '一、主要举措和成效', '正文。'));
    expect(published).toMatchObject({ signedOn: '2025-03-05', publishedOn: '2025-03-05', signature: [] });
    expect(published.warnings).toContain('原文没有落款，也没有成文日期：signedOn 暂按发布日期 2025-03-05 填写。请向起草单位核实成文日期后改正。');
  });

  it('imports a report with no date anywhere as a draft, its date marked 待填写, quoting where it looked', () => {
    const r = assemble(parse('示例局2024年报告', '一、主要举措和成效', '正文第一段。', '正文第二段。'), undefined, '示例.txt');
    expect(r).toMatchObject({
      year: 2024,
      signedOn: '2025-01-10',
      signature: [],
      draft: true,
      notes: { signedOn: '待填写：落款日期，原文中没有', draft: '填好成文日期、核对后删除这一行即发布' },
      sources: { signedOn: '原文中没有找到，暂填 2025-01-10，标为“待填写”，报告存为草稿' },
    });
    expect(r.warnings).toContain(
      '原文中没有找到成文日期（看过的地方：文末的最后几段“正文第一段。”、“正文第二段。”不是落款（发布机构和日期）；标题下没有单独一行的日期；也没有“成文日期”一栏）。signedOn 暂填 2025-01-10 并标为“待填写”，报告存为草稿（draft: true），不会发布。请向起草单位核实落款日期，改正 signedOn，删掉“# 待填写…”注释和 draft: true 后再运行 npm run check。',
    );
    expect(assemble(parse('示例局2024年法治政府建设报告', '一、主要举措和成效', '正文。'), 2023)).toMatchObject({ year: 2023, signedOn: '2024-01-10', draft: true });
  });

  it('takes the site’s bureau for a report that names no agency anywhere, and says so; without it, refuses', () => {
    const parsed = parse('法治政府建设年度报告（2024年度）', '一、主要举措和成效', '正文。', '2025年1月8日');
    const r = assemble(parsed, undefined, '示例.txt', '示例区示例局');
    expect(r).toMatchObject({ agency: '示例区示例局', sources: { agency: '原文中没有读出，按网站设置（site.config.ts 的 bureau）填写' } });
    expect(r.warnings).toContain(
      '原文中没有读出发布机构（落款中没有机构名，标题“法治政府建设年度报告（2024年度）”中也读不出）：agency 按网站设置填写为“示例区示例局”。如果报告是别的单位发布的，请改正 agency。',
    );
    expect(() => assemble(parsed, undefined, '示例.txt')).toThrow('示例.txt 中没有找到发布机构，没有导入');
  });

  it('refuses only a report with neither a date nor a year, saying how to import it all the same', () => {
    const parsed = parse('示例局法治政府建设报告', '一、主要举措和成效', '正文第一段。', '正文第二段。');
    expect(() => assemble(parsed, undefined, '示例.txt')).toThrow(
      '示例.txt 中没有找到成文日期，标题和前言中也没有年份，没有导入。看过的地方：文末的最后几段“正文第一段。”、“正文第二段。”不是落款（发布机构和日期）；标题下没有单独一行的日期；也没有“成文日期”一栏。请用 --year 指定报告年度（将导入为草稿，成文日期标为待填写），或导入报告的正式文本：有落款的 Word 定稿，或门户网站上列出“成文日期”的公开页面。',
    );
  });

  it('a report with a printed date is not a draft and has no notes', () => {
    const r = assemble(parse('示例局2024年报告', '一、主要举措和成效', '正文。', '示例局', '2025年1月8日'));
    expect(r.draft).toBeUndefined();
    expect(r.notes).toBeUndefined();
  });

  it('reads the metadata into the report: 索引号, 发布日期, 文号, 有效性, 主题分类', () => {
    const r = assemble(parse('索引号：007/2025-1', '发布日期：2025-01-20', '文号：示〔2025〕1号', '有效性：有效', '主题分类：综合政务', '示例局2024年报告', '一、主要举措和成效', '正文。', '示例局', '2025年1月8日'));
    expect(r).toMatchObject({ indexNumber: '007/2025-1', publishedOn: '2025-01-20', documentNumber: '示〔2025〕1号', validity: '有效', topic: '综合政务' });
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

  it('gives a section a second item when no heading reports it and its text does, with the reason', () => {
    const r = assemble(
      parse(
        '示例局2024年报告',
        '前言。',
        '一、2024年度主要举措和成效',
        '全年制定制度5项。局长认真履行推进法治建设第一责任人职责，亲自部署、亲自过问。',
        '二、存在的不足和原因',
        '示例不足。',
        '三、2025年工作安排',
        '示例安排。',
        '示例局',
        '2025年1月8日',
      ),
    );
    expect(r.sections.map((s) => s.items)).toEqual([['主要举措和成效', '第一责任人职责'], ['存在的不足和原因'], ['下一年度主要安排']]);
    expect(r.sections[0]!.reasons[1]).toEqual({ item: '第一责任人职责', reason: '没有哪一部分的标题报告这一项，这一部分的正文含“第一责任人”“亲自部署”“亲自过问”，12 分' });
    expect(r.warnings).toEqual([]);
  });

  it('refuses a year that is not a report year, asking for --year', () => {
    const parsed = parse('一、主要举措和成效', '正文。', '某某局', '1000年1月8日');
    expect(() => assemble(parsed)).toThrow(ImportError);
    expect(() => assemble(parsed)).toThrow('推测出的报告年度 999 不是四位阿拉伯数字年份（成文日期 1000-01-08）。请核对落款日期，或用 --year 指定年度。');
    expect(assemble(parsed, 1999).year).toBe(1999);
  });
});
