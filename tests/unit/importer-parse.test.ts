/** The importer's reading of a report's structure: headings, sub-headings, title, signature. */
import { describe, expect, it } from 'vitest';
import {
  findDocumentNumber,
  findSignature,
  findTitle,
  isAgencyLine,
  isDocumentNumber,
  isSubHeading,
  numberedHeading,
  parseReport,
  signingDate,
  textToBlocks,
} from '../../src/importer/parse.ts';
import { ImportError } from '../../src/importer/errors.ts';
import type { Block } from '../../src/importer/model.ts';
import { printedHeading } from '../../src/domain/report.ts';

const lines = (...texts: string[]): Block[] => texts.map((text) => ({ kind: 'line', text }));

describe('paragraphs of a text', () => {
  it('are its non-empty lines, trimmed, whatever the line ends', () => {
    expect(textToBlocks('  甲\r\n\r\n　　乙\n丙\r丁\n\n')).toEqual(lines('甲', '乙', '丙', '丁'));
  });
});

describe('numbered headings', () => {
  it.each([
    ['一、推进法治政府建设的主要举措和成效', '一', 1, '推进法治政府建设的主要举措和成效'],
    ['七、2024年度推进法治政府建设的主要安排', '七', 7, '2024年度推进法治政府建设的主要安排'],
    ['十、其他', '十', 10, '其他'],
    ['十一、其他需要报告的情况', '十一', 11, '其他需要报告的情况'],
    ['二十三、 标题前有空格', '二十三', 23, '标题前有空格'],
  ])('%s', (line, numeral, order, heading) => {
    const label = `${numeral}、`;
    expect(numberedHeading(line)).toEqual({ label, order, heading });
    // Read back, then printed again: the same rule both ways (src/domain/report.ts).
    if (!/、\s/.test(line)) expect(printedHeading({ label, heading })).toBe(line);
  });

  it.each(['一是深入开展学习', '（一）小标题', '1、数字序号', '一、', '一十、不是序号', '一.半角点', '第一、不是'])('not %s', (line) => {
    expect(numberedHeading(line)).toBeUndefined();
  });
});

describe('sub-headings', () => {
  it.each(['(一)明确核心,持续深化法治工作', '（二）明确重心，持续细化法治工作', '(三）括号混用的小标题', '（十一）第十一项', '（四）主要做法：'])(
    'a standalone title is one: %s',
    (line) => expect(isSubHeading(line)).toBe(true),
  );

  it.each([
    // Numbered paragraphs of running text, as a 存在的不足 section often has them.
    '(一)示例宣传力度不够强。随着示例渠道的变化,测试对象获取信息的方式也在改变。',
    '(二)示例工作力度有待加强,测试与业务工作的融合不够;示例干部意识需要加强',
    '（三）加强学习：全年组织集中学习12次',
    '（四）加强领导　成立了领导小组',
    '（五）这是一个很长的标题它没有标点但是长到不可能是单独成行的小标题而更像是一段没有写标点的正文内容',
    '（一）',
    '一、不是小标题',
    '(1)阿拉伯数字序号',
  ])('running text is not: %s', (line) => expect(isSubHeading(line)).toBe(false));
});

describe('the signature block', () => {
  it.each([
    ['2025年1月10日', '2025-01-10'],
    ['2024年01月08日', '2024-01-08'],
    ['2024 年 1 月 8 日', '2024-01-08'],
    ['二〇二四年一月八日', '2024-01-08'],
    ['二○二五年十二月三十一日', '2025-12-31'],
    ['二零二五年十月十日', '2025-10-10'],
  ])('reads the date %s', (text, iso) => expect(signingDate(text)).toBe(iso));

  it.each(['2025年2月30日', '2025年1月', '二〇二五年十三月一日', '落款日期：2025年1月10日'])('refuses %s', (text) => {
    expect(signingDate(text)).toBeUndefined();
  });

  it('takes an agency name only as a short line of its own', () => {
    expect(isAgencyLine('示例市示例区示例事务局')).toBe(true);
    expect(isAgencyLine('中共示例县委全面依法治县委员会办公室')).toBe(true);
    for (const l of ['特此报告。', '一、标题', '2025年1月10日', '局', '联系人：张三', '下一步,我局将继续努力']) {
      expect(isAgencyLine(l), l).toBe(false);
    }
  });

  it('is the last two paragraphs when they are an agency and a date', () => {
    expect(findSignature(lines('正文。', '某某局', '2025年1月10日'))).toEqual({
      agency: '某某局',
      dateText: '2025年1月10日',
      signedOn: '2025-01-10',
    });
    expect(findSignature(lines('某某局', '2025年1月10日', '附件：1份'))).toBeUndefined();
    expect(findSignature(lines('2025年1月10日', '某某局'))).toBeUndefined();
    expect(findSignature([...lines('某某局'), { kind: 'table', rows: [['2025年1月10日']] }])).toBeUndefined();
  });
});

describe('the title', () => {
  it('is a first line ending in 报告, or such a line with the agency on the line before', () => {
    expect(findTitle(lines('XX局2024年法治政府建设年度报告', '2024年,我局……'))).toEqual({
      title: 'XX局2024年法治政府建设年度报告',
      lines: 1,
    });
    expect(findTitle(lines('示例市示例区示例事务局', '2023年法治政府建设年度报告', '2023年,我局……'))).toEqual({
      title: '示例市示例区示例事务局2023年法治政府建设年度报告',
      lines: 2,
    });
  });

  it('may end in a short bracketed note after 报告, as printed', () => {
    for (const t of ['示例局2024年法治政府建设年度报告（测试数据）', '示例局2024年法治政府建设年度报告(全文)']) {
      expect(findTitle(lines(t, '2024年,示例局……'))).toEqual({ title: t, lines: 1 });
    }
    expect(findTitle(lines('示例局年度报告（其中说明了很多很多很多很多的情况）', '正文'))).toBeUndefined();
  });

  it('is absent when the text starts with the preface or a heading', () => {
    expect(findTitle(lines('2023年,我局坚持……现将我局2023年法治政府建设工作报告如下:'))).toBeUndefined();
    expect(findTitle(lines('现将工作情况报告如下，请审阅。特此报告'))).toBeUndefined();
    expect(findTitle(lines('一、关于年度报告', '正文'))).toBeUndefined();
  });
});

describe('a whole report', () => {
  const report = lines(
    '示例局2030年法治政府建设年度报告',
    '2030年,示例局(测试)坚持……。',
    '现将有关情况报告如下:',
    '一、主要举措和成效',
    '（一）小标题',
    '正文一。',
    '三、序号跳过的一行',
    '二、存在的不足和原因',
    '(一)第一点不足。原因如下。',
    '一、这里的“一、”是正文里的编号。',
    '示例局',
    '2031年1月10日',
  );

  it('splits into title, preface, sections with their sub-headings, and signature', () => {
    const p = parseReport(report, 'x.txt');
    expect(p.title).toBe('示例局2030年法治政府建设年度报告');
    expect(p.preface).toEqual(lines('2030年,示例局(测试)坚持……。', '现将有关情况报告如下:'));
    expect(p.sections.map((s) => [s.order, s.label, s.heading])).toEqual([
      [1, '一、', '主要举措和成效'],
      [2, '二、', '存在的不足和原因'],
    ]);
    expect(p.sections[0]!.body).toEqual([
      { kind: 'subheading', text: '（一）小标题' },
      { kind: 'line', text: '正文一。' },
      { kind: 'line', text: '三、序号跳过的一行' },
    ]);
    expect(p.sections[1]!.body).toEqual(lines('(一)第一点不足。原因如下。', '一、这里的“一、”是正文里的编号。'));
    expect(p.signature).toEqual({ agency: '示例局', dateText: '2031年1月10日', signedOn: '2031-01-10' });
  });

  it('warns about a line that looks like a heading out of sequence', () => {
    const { warnings } = parseReport(report, 'x.txt');
    expect(warnings).toEqual([expect.stringContaining('“三、序号跳过的一行”像是标题，但编号“三、”不接续上一部分')]);
  });

  it('refuses a text without numbered headings, or without a signature, naming the file', () => {
    expect(() => parseReport(lines('只有一段文字。', '某某局', '2025年1月10日'), '说明.txt')).toThrow(ImportError);
    expect(() => parseReport(lines('只有一段文字。', '某某局', '2025年1月10日'), '说明.txt')).toThrow(
      '说明.txt 中没有找到“一、”这样的编号标题',
    );
    expect(() => parseReport(lines('一、标题', '正文。'), 'a.txt')).toThrow(/a\.txt 的最后两段不是落款/);
  });

  it('reads a report shaped like a real one: one-paragraph preface, seven sections, sub-headings only where they stand alone', () => {
    const text = [
      '2030年,示例局坚持……现将示例局2030年法治政府建设工作报告如下:',
      '一、示例举措一（测试）', '一是示例学习。二是测试培训。',
      '二、示例举措二（测试）', '示例正文。',
      '三、示例负责人履行第一责任人职责（测试）', '示例正文。',
      '四、推进法治政府建设的主要举措和成效', '示例正文。',
      '五、示例举措五（测试）', '示例正文。',
      '六、存在的不足和原因',
      '(一)示例宣传力度不够强。随着示例渠道的变化,测试对象获取信息的方式也在改变。',
      '(二)示例工作力度有待加强,测试与业务工作的融合不够;示例干部意识需要加强',
      '七、2031年度推进法治政府建设的主要安排',
      '(一)明确核心,持续深化示例工作', '示例正文。',
      '(二)明确重心,持续细化测试工作', '示例正文。',
      '(三)明确方向,持续优化示例工作', '示例正文。',
      '示例局',
      '2031年1月8日',
    ].join('\n');
    const p = parseReport(textToBlocks(text), '2030.txt');
    expect(p.title).toBeUndefined();
    expect(p.preface).toHaveLength(1);
    expect(p.sections.map((s) => s.label).join('')).toBe('一、二、三、四、五、六、七、');
    expect(p.sections[5]!.body.every((b) => b.kind === 'line')).toBe(true);
    expect(p.sections[6]!.body.filter((b) => b.kind === 'subheading')).toHaveLength(3);
    expect(p.signature.signedOn).toBe('2031-01-08');
    expect(p.warnings).toEqual([]);
  });

  it('warns about a section without text, naming it by its printed heading', () => {
    const { warnings } = parseReport(lines('一、示例（测试）', '二、示例二', '正文。', '示例局', '2031年1月10日'), 'x.txt');
    expect(warnings).toEqual(['第 1 部分“一、示例（测试）”没有正文。', '第一个编号标题之前没有前言（开头段）。']);
  });
});

describe('the 文号 under the title', () => {
  const report = (...head: string[]) =>
    parseReport(lines(...head, '一、示例举措（测试）', '示例正文。', '示例局', '2025年1月10日'), '示例.txt');

  it.each(['武退役军人〔2024〕5号', '示例局【2025】12号', '示例[2025]3号', '示例局［2025］第3号'])('reads %s verbatim, not as preface', (number) => {
    const parsed = report('示例局2024年法治政府建设年度报告', number, '2024年，示例前言。');
    expect(parsed.documentNumber).toBe(number);
    expect(parsed.title).toBe('示例局2024年法治政府建设年度报告');
    expect(parsed.preface).toEqual(lines('2024年，示例前言。'));
  });

  it('is read after a two-line title too', () => {
    expect(report('示例局', '2024年法治政府建设年度报告', '示例〔2025〕1号', '示例前言。').documentNumber).toBe('示例〔2025〕1号');
  });

  it('is absent when the line under the title is text, or there is no title', () => {
    const none = report('示例局2024年法治政府建设年度报告', '2024年，示例局按〔2024〕5号文件开展工作。');
    expect(none.documentNumber).toBeUndefined();
    expect(none.preface).toHaveLength(1);
    expect(report('示例〔2025〕1号', '示例前言。').documentNumber).toBeUndefined();
    expect(findDocumentNumber(lines('示例〔2025〕1号'), 0)).toBeUndefined();
  });

  it.each(['示例〔2025〕号', '〔2025〕1号', '示例（2025）1号', '示例〔25〕1号'])('does not take %s for one', (line) => {
    expect(isDocumentNumber(line)).toBe(false);
  });
});
