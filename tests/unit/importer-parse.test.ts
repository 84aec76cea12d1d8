/** The importer's reading of a report's structure: labels, head, parts, sub-headings, 落款, notes. */
import { describe, expect, it } from 'vitest';
import { parseReport, textToBlocks } from '../../src/importer/parse.ts';
import { isHeadingLine, isSubHeadingLine, readLabel, runInHeading } from '../../src/importer/labels.ts';
import { documentNumberOf, readHead } from '../../src/importer/head.ts';
import { findSignature, isAgencyLine, signingDate } from '../../src/importer/signature.ts';
import { bodyOf } from '../../src/importer/sections.ts';
import { textNotes } from '../../src/importer/footnotes.ts';
import { renderBlock } from '../../src/importer/mdx.ts';
import { ImportError } from '../../src/importer/errors.ts';
import { assemble } from '../../src/importer/assemble.ts';
import type { Block, BodyBlock } from '../../src/importer/model.ts';
import { labelNumber, printedHeading } from '../../src/domain/report.ts';

const lines = (...texts: string[]): Block[] => texts.map((text) => ({ kind: 'line', text }));
const texts = (blocks: readonly BodyBlock[]) => blocks.map((b) => (b.kind === 'table' ? '(table)' : b.kind === 'subheading' ? `### ${b.text}` : b.text));

describe('paragraphs of a text', () => {
  it('are its non-empty lines, trimmed, whatever the line ends', () => {
    expect(textToBlocks('  甲\r\n\r\n　　乙\n丙\r丁\n\n')).toEqual(lines('甲', '乙', '丙', '丁'));
  });
});

describe('labels', () => {
  it.each([
    ['一、推进法治政府建设的主要举措和成效', 'cn', 1, '一、'],
    ['十一、其他需要报告的情况', 'cn', 11, '十一、'],
    ['二十三、 标题前有空格', 'cn', 23, '二十三、 '],
    // A point typed in place of 、, as the site's own label check reads it (src/domain/report.ts).
    ['二.半角点', 'cn', 2, '二.'],
    ['三．全角点', 'cn', 3, '三．'],
    ['第一部分 主要举措', 'part', 1, '第一部分 '],
    ['第三部分　存在的不足', 'part', 3, '第三部分　'],
    ['第2部分：安排', 'part', 2, '第2部分：'],
    ['1.主要举措', 'ar', 1, '1.'],
    ['4.2025年工作计划', 'ar', 4, '4.'],
    ['2、存在的问题', 'ar', 2, '2、'],
    ['⒊ 测试安排', 'ar', 3, '⒊ '],
    ['（一）小标题', 'cnp', 1, '（一）'],
    ['(三）括号混用', 'cnp', 3, '(三）'],
    ['（12）第十二点', 'arp', 12, '（12）'],
    ['⑵一个字符的括号数字', 'arp', 2, '⑵'],
    ['3）半边括号', 'arp', 3, '3）'],
    ['①示例学法', 'circ', 1, '①'],
    ['⑫ 第十二点', 'circ', 12, '⑫ '],
  ])('%s is numbered %s %i, its label as printed', (line, scheme, n, label) => {
    expect(readLabel(line)).toMatchObject({ scheme, n, label });
    // The site reads the same number back from the label (src/domain/report.ts).
    if (scheme === 'cn' || scheme === 'part' || scheme === 'ar') expect(labelNumber(label)).toBe(n);
  });

  it('reads a heading spaced out character by character as its words; spaces inside text stay', () => {
    expect(readLabel('一、主　要　成　效')).toMatchObject({ label: '一、', rest: '主要成效' });
    expect(readLabel('（二）工 作 打 算')).toMatchObject({ label: '（二）', rest: '工作打算' });
    expect(readLabel('三、2024 年度存在的不足')).toMatchObject({ rest: '2024 年度存在的不足' });
    expect(readLabel('四、主要 安排')).toMatchObject({ rest: '主要 安排' });
  });

  it.each(['一是深入开展学习', '一、', '一十、不是序号', '一.', '第一、不是', '1.5万元', '2030.以年份加点开头', '12.5%的增长', '（一）'])('%s has none', (line) => {
    expect(readLabel(line)).toBeUndefined();
  });
});

describe('a report numbered decimally (1, 1.1, 1.2)', () => {
  const report = (...body: string[]) =>
    parseReport(lines('示例局2030年法治政府建设年度报告（测试）', '2030年，示例局推进示例工作（测试）。', ...body), '测试.txt');
  const outline = (p: ReturnType<typeof parseReport>) => p.sections.map((s) => [`${s.label}${s.heading}`, texts(s.body)]);

  it('reads parts numbered with a bare number and a space, and their 1.1 lines as sub-headings', () => {
    const p = report('1 主要举措（测试）', '1.1 加强领导（测试）', '召开会议4次（测试）。', '1.2 规范执法（测试）', '办理案件3件（测试）。', '2 存在的不足（测试）', '培训不够（测试）。', '3 2031年度主要安排（测试）', '3.1、深化普法（测试）', '开展活动10场（测试）。');
    expect(outline(p)).toEqual([
      ['1 主要举措（测试）', ['### 1.1 加强领导（测试）', '召开会议4次（测试）。', '### 1.2 规范执法（测试）', '办理案件3件（测试）。']],
      ['2 存在的不足（测试）', ['培训不够（测试）。']],
      ['3 2031年度主要安排（测试）', ['### 3.1、深化普法（测试）', '开展活动10场（测试）。']],
    ]);
    // The check reads the part's number back from its label (src/domain/report.ts).
    expect(p.sections.map((s) => labelNumber(s.label))).toEqual([1, 2, 3]);
  });

  it('under parts numbered 1., the 1.1 lines are the sub-headings and （1） stays the level below', () => {
    const p = report('1.主要举措（测试）', '1.1、完善制度（测试）', '（1）修订制度4项（测试）。', '（2）废止文件2件（测试）。', '1.2、规范执法（测试）', '检查9次（测试）。', '2.存在的不足（测试）', '培训不够（测试）。');
    expect(outline(p)[0]).toEqual(['1.主要举措（测试）', ['### 1.1、完善制度（测试）', '（1）修订制度4项（测试）。', '（2）废止文件2件（测试）。', '### 1.2、规范执法（测试）', '检查9次（测试）。']]);
  });

  it('under parts numbered 一、, the 1.1 lines are the sub-headings, 2.1 under 二、', () => {
    const p = report('一、主要举措（测试）', '1.1 加强领导（测试）', '召开会议4次（测试）。', '1.2 规范执法（测试）', '检查9次（测试）。', '二、存在的不足（测试）', '培训不够（测试）。', '三、2031年度主要安排（测试）', '3.1 深化普法（测试）', '开展活动10场（测试）。');
    expect(outline(p)).toEqual([
      ['一、主要举措（测试）', ['### 1.1 加强领导（测试）', '召开会议4次（测试）。', '### 1.2 规范执法（测试）', '检查9次（测试）。']],
      ['二、存在的不足（测试）', ['培训不够（测试）。']],
      ['三、2031年度主要安排（测试）', ['### 3.1 深化普法（测试）', '开展活动10场（测试）。']],
    ]);
  });

  it('under 一、 with （一） sub-headings, （一） comes first and 1.1 lines stay text', () => {
    const p = report('一、主要举措（测试）', '（一）加强领导（测试）', '1.1 学法（测试）', '1.2 用法（测试）', '（二）规范执法（测试）', '检查9次（测试）。', '二、存在的不足（测试）', '培训不够（测试）。');
    expect(outline(p)[0]).toEqual(['一、主要举措（测试）', ['### （一）加强领导（测试）', '1.1 学法（测试）', '1.2 用法（测试）', '### （二）规范执法（测试）', '检查9次（测试）。']]);
  });

  it('numbers in its text stay text: 2.5 万 out of sequence, 3 月 15 日 with a comma, 1.1.1', () => {
    const p = report('1 主要举措（测试）', '1.1 加强领导（测试）', '2.5 万人次参加培训（测试）。', '3 月 15 日，开展检查（测试）。', '1.1.1 第三级（测试）', '1.2 规范执法（测试）', '2 存在的不足（测试）', '培训不够（测试）。');
    expect(outline(p)).toEqual([
      ['1 主要举措（测试）', ['### 1.1 加强领导（测试）', '2.5 万人次参加培训（测试）。', '3 月 15 日，开展检查（测试）。', '1.1.1 第三级（测试）', '### 1.2 规范执法（测试）']],
      ['2 存在的不足（测试）', ['培训不够（测试）。']],
    ]);
  });

  it('a bare number and a space numbers nothing in a report that is not numbered decimally', () => {
    expect(readLabel('1 主要举措')).toBeUndefined();
    const p = report('一、主要举措（测试）', '1 个部门参加（测试）', '2 个部门未参加（测试）', '二、存在的不足（测试）', '培训不够（测试）。');
    expect(outline(p).map(([h]) => h)).toEqual(['一、主要举措（测试）', '二、存在的不足（测试）']);
  });
});

describe('heading shapes', () => {
  it('a part heading runs on into no text; it may end in a full stop', () => {
    expect(isHeadingLine('一、推进法治政府建设的主要举措和成效')).toBe(true);
    expect(isHeadingLine('一、坚持党的领导，全面履行第一责任人职责。')).toBe(true);
    expect(isHeadingLine('一、主要举措。全年开展学习12次。')).toBe(false);
    expect(isHeadingLine('一、示例举措一：测试性宣传教育')).toBe(true);
  });

  it.each(['(一)明确核心,持续深化法治工作', '（二）明确重心，持续细化法治工作', '（十一）第十一项', '（四）主要做法：', '（一）强化组织保障，夯实法治建设根基。'])(
    'a sub-heading on its own: %s',
    (line) => expect(isSubHeadingLine(line)).toBe(true),
  );

  it.each([
    '(一)示例宣传力度不够强。随着示例渠道的变化,测试对象获取信息的方式也在改变。',
    '(二)示例工作力度有待加强,测试与业务工作的融合不够;示例干部意识需要加强',
    '（三）加强学习：全年组织集中学习12次',
    '（四）加强领导　成立了领导小组',
    '（五）这是一个很长的标题它没有标点但是长到不可能是单独成行的小标题而更像是一段没有写标点的正文内容',
    '一是加强学习',
  ])('running text: %s', (line) => expect(isSubHeadingLine(line)).toBe(false));

  it('a bold start is a run-in sub-heading up to its first sentence end, when text follows', () => {
    const line = '（一）强化组织保障，夯实法治建设根基。示例局成立领导小组。';
    expect(runInHeading('（一）强化组织保障，夯实法治建设根基。', line)).toBe('（一）强化组织保障，夯实法治建设根基。');
    expect(runInHeading('（一）强化组织保障，夯实法治建设根基。示例局', line)).toBe('（一）强化组织保障，夯实法治建设根基。');
    expect(runInHeading('一是强化组织保障。', '一是强化组织保障。示例局成立领导小组。')).toBeUndefined();
    expect(runInHeading('（一）强化组织保障，夯实法治建设根基', '（一）强化组织保障，夯实法治建设根基')).toBeUndefined();
  });
});

describe('sub-headings inside a part', () => {
  it('are one level down from the parts: （一） under 一、; 一、 and （一） under 第一部分; （1） and （一） under 1.', () => {
    const body = lines('（一）小标题', '1.不是小标题', '（1）也不是', '正文。');
    expect(texts(bodyOf(body, 'cn'))).toEqual(['### （一）小标题', '1.不是小标题', '（1）也不是', '正文。']);
    // A part that skips the （一） level: its 1. lines are the level below.
    expect(texts(bodyOf(lines('1.小标题', '正文。', '（1）不是'), 'cn'))).toEqual(['### 1.小标题', '正文。', '（1）不是']);
    expect(texts(bodyOf(lines('一、小标题', '（一）下一级'), 'part'))).toEqual(['### 一、小标题', '### （一）下一级']);
    expect(texts(bodyOf(lines('（1）小标题', '（一）也是'), 'ar'))).toEqual(['### （1）小标题', '### （一）也是']);
  });

  it('① points are the level below when a part has no other: sub-headings when they stand alone', () => {
    expect(texts(bodyOf(lines('①示例学法', '正文。', '②测试普法', '正文。'), 'cn'))).toEqual(['### ①示例学法', '正文。', '### ②测试普法', '正文。']);
    expect(texts(bodyOf(lines('（一）小标题', '①示例学法', '正文。'), 'cn'))).toEqual(['### （一）小标题', '①示例学法', '正文。']);
  });

  it('run-in sub-headings in plain text: each line of the level starts with a short sentence and runs on, the rest kept verbatim', () => {
    const body = lines('（1）完善制度建设。本年度示例局修订制度4项。', '（2）规范行政执法：示例局开展检查9次。', '①不是这一级');
    expect(texts(bodyOf(body, 'cn'))).toEqual(['### （1）完善制度建设。', '本年度示例局修订制度4项。', '### （2）规范行政执法：', '示例局开展检查9次。', '①不是这一级']);
    expect(texts(bodyOf(lines('1.加强学习。示例局带头学法。', '2.带头述法。 示例局年底述法。'), 'cn'))).toEqual(['### 1.加强学习。', '示例局带头学法。', '### 2.带头述法。', '示例局年底述法。']);
  });

  it('run-in sub-headings only where the part writes them throughout, or the report does elsewhere', () => {
    const one = lines('（一）加强学习。示例局带头学法。', '正文。');
    expect(texts(bodyOf(one, 'cn'))).toEqual(['（一）加强学习。示例局带头学法。', '正文。']);
    expect(texts(bodyOf(one, 'cn', true))).toEqual(['### （一）加强学习。', '示例局带头学法。', '正文。']);
    const mixed = lines('（一）示例普法的针对性不强，宣传内容与测试群众的需求结合得不够紧密。原因是调研不够。', '（二）测试队伍力量薄弱。仅1名。');
    expect(texts(bodyOf(mixed, 'cn', true))).toEqual(texts(mixed));
    const noText = lines('（一）示例不足。具体情况。', '（二）测试不足。');
    expect(texts(bodyOf(noText, 'cn'))).toEqual(texts(noText));
  });

  it('points ending in a full stop are a list when a sibling runs on into text', () => {
    const body = lines('一、示例普法的针对性还不够强。部分测试宣传内容结合不紧。', '二、测试执法队伍建设有待加强。', '三、示例标题没有句号');
    expect(texts(bodyOf(body, 'part'))).toEqual([(body[0] as { text: string }).text, '二、测试执法队伍建设有待加强。', '### 三、示例标题没有句号']);
  });

  it('a Word paragraph starting with a bold sub-heading becomes the sub-heading and its text, its note marks kept', () => {
    const b: Block = { kind: 'line', text: '（一）强化组织保障。示例局修订细则', lead: '（一）强化组织保障。', notes: [{ at: 16, id: 'n' }] };
    expect(bodyOf([b], 'cn')).toEqual([
      { kind: 'subheading', text: '（一）强化组织保障。' },
      { kind: 'line', text: '示例局修订细则', notes: [{ at: 6, id: 'n' }] },
    ]);
    expect(bodyOf([{ ...b, lead: undefined }], 'cn')).toEqual([{ ...b, lead: undefined }]);
  });
});

describe('headings one level below the sub-headings (1. under （一）)', () => {
  const shown = (blocks: readonly BodyBlock[]) => blocks.map((b) => (b.kind === 'subheading' && b.level === 4 ? `#### ${b.text}` : texts([b])[0]));
  const bold = (lead: string, rest: string): Block => ({ kind: 'line', text: lead + rest, lead });

  it('a Word paragraph starting in bold under a sub-heading: the heading (####) and its text', () => {
    const body = [...lines('（一）强化组织领导'), bold('1.健全示例机制。', '召开示例会议4次。'), bold('2.压实测试责任。', '签订责任书12份。')];
    expect(shown(bodyOf(body, 'cn'))).toEqual(['### （一）强化组织领导', '#### 1.健全示例机制。', '召开示例会议4次。', '#### 2.压实测试责任。', '签订责任书12份。']);
    expect(renderBlock(bodyOf(body, 'cn')[1]!)).toBe('#### 1.健全示例机制。');
  });

  it('plain text: every point of the group a short sentence running on, two at least; or each on its own line with its text after it', () => {
    const runIn = lines('（一）强化组织领导', '1.健全示例机制。召开示例会议4次。', '2.压实测试责任。签订责任书12份。');
    expect(shown(bodyOf(runIn, 'cn'))).toEqual(['### （一）强化组织领导', '#### 1.健全示例机制。', '召开示例会议4次。', '#### 2.压实测试责任。', '签订责任书12份。']);
    const own = lines('（一）健全制度', '1.完善测试制度', '修订制度3项。', '2.规范文件审查', '审查文件15件。');
    expect(shown(bodyOf(own, 'cn'))).toEqual(['### （一）健全制度', '#### 1.完善测试制度', '修订制度3项。', '#### 2.规范文件审查', '审查文件15件。']);
  });

  it('points that follow one another, end their group, or end in ； stay a list; so does a group of one run-in point', () => {
    const list = lines('（一）加强普法', '开展活动，做到：', '1.进社区宣讲8场', '2.进学校宣讲4场');
    expect(shown(bodyOf(list, 'cn'))).toEqual(['### （一）加强普法', ...texts(list.slice(1))]);
    const semicolons = lines('（一）调整领导小组', '1.每季度研究一次；', '正文。');
    expect(shown(bodyOf(semicolons, 'cn'))).toEqual(['### （一）调整领导小组', '1.每季度研究一次；', '正文。']);
    const one = lines('（一）强化组织领导', '1.健全示例机制。召开示例会议4次。', '正文。');
    expect(shown(bodyOf(one, 'cn'))).toEqual(['### （一）强化组织领导', '1.健全示例机制。召开示例会议4次。', '正文。']);
  });

  it('only under a sub-heading: under a point of a list, the level below stays text', () => {
    const underList = lines('（一）示例普法的针对性不强，宣传内容与测试群众的需求结合得不够紧密。原因是调研不够。', '1.完善测试制度', '修订制度3项。');
    expect(shown(bodyOf(underList, 'cn'))).toEqual(texts(underList));
  });
});

describe('the head', () => {
  it('a title on one line, or two or three joined, ending in 报告', () => {
    expect(readHead(lines('XX局2024年法治政府建设年度报告', '2024年,我局……')).title).toBe('XX局2024年法治政府建设年度报告');
    const two = readHead(lines('示例市示例区示例事务局', '2023年法治政府建设年度报告', '2023年,我局……'));
    expect([two.title, two.titleLines, two.preface.length]).toEqual(['示例市示例区示例事务局2023年法治政府建设年度报告', 2, 1]);
    expect(readHead(lines('关于示例局', '2024年度法治政府建设', '工作情况的报告', '正文。')).title).toBe('关于示例局2024年度法治政府建设工作情况的报告');
  });

  it('a title may end in a short bracketed note after 报告', () => {
    for (const t of ['示例局2024年法治政府建设年度报告（测试数据）', '示例局2024年法治政府建设年度报告(全文)']) {
      expect(readHead(lines(t, '2024年,示例局……')).title).toBe(t);
    }
    expect(readHead(lines('示例局年度报告（其中说明了很多很多很多很多的情况）', '正文。')).title).toBeUndefined();
  });

  it('a bracketed note under the title is part of it; a bracketed date is not', () => {
    expect(readHead(lines('示例局法治政府建设年度报告', '（2024年度）', '正文。')).title).toBe('示例局法治政府建设年度报告（2024年度）');
    expect(readHead(lines('示例局2024年法治政府建设年度报告', '（2025年1月3日）', '正文。')).title).toBe('示例局2024年法治政府建设年度报告');
    const month = readHead(lines('示例局2024年法治政府建设年度报告', '（2025年1月）', '正文。'));
    expect([month.title, month.dateLine, month.preface]).toEqual(['示例局2024年法治政府建设年度报告', undefined, lines('正文。')]);
  });

  it('no title when the text starts with the preface', () => {
    const head = readHead(lines('2023年,我局坚持……现将我局2023年法治政府建设工作报告如下:'));
    expect([head.title, head.preface.length]).toEqual([undefined, 1]);
  });

  it('letterhead and 文号 above the title, 主送机关 under it: left out, the 文号 read', () => {
    const head = readHead(lines('示例区某某局文件', '示区某〔2025〕5号　　签发人：王示例', '关于示例局2024年度法治政府建设情况的报告', '区委、区政府：', '现将有关情况报告如下：'));
    expect(head.title).toBe('关于示例局2024年度法治政府建设情况的报告');
    expect(head.documentNumber).toBe('示区某〔2025〕5号');
    expect(head.preface).toEqual(lines('现将有关情况报告如下：'));
    expect(head.leftOut.map((l) => [l.text, l.why])).toEqual([
      ['示例区某某局文件', '版头：发文机关标志'],
      ['示区某〔2025〕5号　　签发人：王示例', '文号，已读入'],
      ['区委、区政府：', '主送机关'],
    ]);
  });

  it('a letterhead spaced out is one too', () => {
    const head = readHead(lines('示 例 区 某 某 局 文 件', '示例局2024年法治政府建设年度报告', '正文。'));
    expect([head.title, head.leftOut[0]?.why]).toEqual(['示例局2024年法治政府建设年度报告', '版头：发文机关标志']);
  });

  it('the agency and a bracketed date under the title', () => {
    const head = readHead(lines('2024年度法治政府建设工作情况报告', '示例区某某中心', '（2025年1月30日）', '2024年，示例……'));
    expect([head.agencyLine, head.dateLine]).toEqual(['示例区某某中心', { text: '（2025年1月30日）', signedOn: '2025-01-30' }]);
    expect(head.preface).toHaveLength(1);
  });

  it.each(['武退役军人〔2024〕5号', '示例局【2025】12号', '示例[2025]3号', '示例局［2025］第3号'])('reads the 文号 %s verbatim, not as preface', (number) => {
    const head = readHead(lines('示例局2024年法治政府建设年度报告', number, '2024年，示例前言。'));
    expect([head.documentNumber, head.preface]).toEqual([number, lines('2024年，示例前言。')]);
  });

  it.each(['示例〔2025〕号', '〔2025〕1号', '示例（2025）1号', '示例〔25〕1号'])('does not take %s for a 文号', (line) => {
    expect(documentNumberOf(line)).toBeUndefined();
  });

  it('a 文号 inside a preface sentence is text', () => {
    const head = readHead(lines('示例局2024年法治政府建设年度报告', '2024年，示例局按〔2024〕5号文件开展工作。'));
    expect([head.documentNumber, head.preface.length]).toEqual([undefined, 1]);
  });
});

describe('the 落款', () => {
  it.each([
    ['2025年1月10日', '2025-01-10'],
    ['2024年01月08日', '2024-01-08'],
    ['2024 年 1 月 8 日', '2024-01-08'],
    ['二〇二四年一月八日', '2024-01-08'],
    ['二○二五年十二月三十一日', '2025-12-31'],
    ['二零二五年十月十日', '2025-10-10'],
    ['二0二五年一月二十日', '2025-01-20'],
    ['２０２５年１月１０日', '2025-01-10'],
    ['二〇二五年元月八日', '2025-01-08'],
    ['2025.1.10', '2025-01-10'],
    ['2025/01/10', '2025-01-10'],
    ['２０２５．１．２０', '2025-01-20'],
  ])('reads the date %s', (text, iso) => expect(signingDate(text)).toBe(iso));

  it.each(['2025年2月30日', '2025年1月', '二〇二五年十三月一日', '二〇二五五年一月一日', '落款日期：2025年1月10日', '2025.2.30', '2025.1/10', '2025.1'])('refuses %s', (text) => {
    expect(signingDate(text)).toBeUndefined();
  });

  it('takes an agency name only as a short line of its own', () => {
    expect(isAgencyLine('示例市示例区示例事务局')).toBe(true);
    expect(isAgencyLine('中共示例县委全面依法治县委员会办公室')).toBe(true);
    for (const l of ['特此报告。', '一、标题', '2025年1月10日', '局', '联系人：张三', '下一步,我局将继续努力']) expect(isAgencyLine(l), l).toBe(false);
  });

  it('is the agency and the date at the end, or both on one line, or the date alone; a 附注 after it is left out', () => {
    expect(findSignature(lines('正文。', '某某局', '2025年1月10日'))).toMatchObject({ signature: { agencyLines: ['某某局'], dateText: '2025年1月10日', signedOn: '2025-01-10' }, count: 2 });
    expect(findSignature(lines('正文。', '某某局　　2025年1月10日'))).toMatchObject({ signature: { agencyLines: ['某某局'], dateText: '2025年1月10日' }, count: 1 });
    expect(findSignature(lines('正文。', '2025年1月10日'))).toMatchObject({ signature: { agencyLines: [] }, count: 1 });
    const noted = findSignature(lines('某某局', '2025年1月10日', '（联系人：测试员；电话：0000）'));
    expect([noted?.count, noted?.leftOut.map((l) => l.why)]).toEqual([3, ['附注']]);
    expect(findSignature(lines('2025年1月10日', '某某局'))).toBeUndefined();
  });

  it('is read from a small table at the end, as Word lays a 落款 out', () => {
    const found = findSignature([...lines('正文。'), { kind: 'table', rows: [['', '示例局'], ['', '2025年1月10日']] }]);
    expect(found).toMatchObject({ signature: { agencyLines: ['示例局'], signedOn: '2025-01-10' }, count: 1 });
    expect(findSignature([...lines('正文。'), { kind: 'table', rows: [['项目', '数量'], ['示例', '2025年1月10日']] }])).toBeUndefined();
  });

  it('a second agency line only when it names a body: 特此报告 is not one', () => {
    expect(findSignature(lines('中共示例区委', '示例区人民政府', '2025年1月10日'))?.signature.agencyLines).toEqual(['中共示例区委', '示例区人民政府']);
    expect(findSignature(lines('特此报告', '示例区人民政府', '2025年1月10日'))?.signature.agencyLines).toEqual(['示例区人民政府']);
  });
});

describe('footnotes printed in a text', () => {
  it('a [1] line whose mark stands earlier in a paragraph is the note; the mark leaves the text', () => {
    const { blocks, notes } = textNotes(lines('依照《示例办法》[1]的规定。', '正文。', '[1]《示例办法》为测试文件。'));
    expect(blocks).toEqual([{ kind: 'line', text: '依照《示例办法》的规定。', notes: [{ at: 8, id: 'text-note-2' }] }, ...lines('正文。')]);
    expect([...notes.values()]).toEqual(['《示例办法》为测试文件。']);
    expect(renderBlock(blocks[0]!)).toBe('依照《示例办法》[^text-note-2]的规定。');
  });

  it('a [1] line without its mark before it stays text', () => {
    expect(textNotes(lines('[1]示例', '正文[1]')).blocks).toEqual(lines('[1]示例', '正文[1]'));
  });

  it('a ① line whose mark stands right after a word earlier is the note, as PDFs print them', () => {
    const { blocks, notes } = textNotes(lines('依照《示例办法》①修订制度。', '正文。', '①《示例办法》为测试文件。'));
    expect(blocks).toEqual([{ kind: 'line', text: '依照《示例办法》修订制度。', notes: [{ at: 8, id: 'text-note-2' }] }, ...lines('正文。')]);
    expect([...notes.values()]).toEqual(['《示例办法》为测试文件。']);
  });

  it('a ① ending a paragraph after its full stop is a mark too', () => {
    const { blocks } = textNotes(lines('清理示例文件12件。①', '①清理范围为测试数据。'));
    expect(blocks).toEqual([{ kind: 'line', text: '清理示例文件12件。', notes: [{ at: 10, id: 'text-note-1' }] }]);
  });

  it('① numbering points after a colon, a semicolon or at a line’s start is no mark: its lines stay text', () => {
    const text = lines('做到：①全员培训；②全程考核。', '①示例学法', '②测试普法');
    expect(textNotes(text).blocks).toEqual(text);
  });

  it('a 注： line after a paragraph is its note, worded as printed, marked at the paragraph’s end', () => {
    const { blocks, notes } = textNotes(lines('覆盖率为60%。', '注：覆盖率为测试口径。', '（一）小标题', '注：不是段落后的说明。'));
    expect(blocks).toEqual([{ kind: 'line', text: '覆盖率为60%。', notes: [{ at: 8, id: 'text-note-1' }] }, ...lines('（一）小标题', '注：不是段落后的说明。')]);
    expect([...notes.values()]).toEqual(['注：覆盖率为测试口径。']);
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
    expect(texts(p.sections[0]!.body)).toEqual(['### （一）小标题', '正文一。', '三、序号跳过的一行']);
    expect(texts(p.sections[1]!.body)).toEqual(['(一)第一点不足。原因如下。', '一、这里的“一、”是正文里的编号。']);
    expect(p.signature).toEqual({ agencyLines: ['示例局'], dateText: '2031年1月10日', signedOn: '2031-01-10' });
  });

  it('warns about a line that looks like a heading out of sequence', () => {
    expect(parseReport(report, 'x.txt').warnings).toEqual([expect.stringContaining('“三、序号跳过的一行”像是标题，但编号“三、”不接续上一部分')]);
  });

  it('refuses a text without numbered parts, quoting the lines it looked at and saying what to do with the file', () => {
    const refuse = (...t: string[]) => () => parseReport(lines(...t), '说明.txt');
    expect(refuse('只有一段文字。', '某某局', '2025年1月10日')).toThrow(ImportError);
    const e = (() => {
      try {
        refuse('示例局2024年报告', '（一）只有小标题', '正文。', '（二）另一个小标题', '某某局', '2025年1月10日')();
      } catch (error) {
        return (error as Error).message.split('\n');
      }
    })();
    expect(e).toEqual([
      '说明.txt 中没有找到各部分的编号标题（如“一、”“1.”“第一部分”开头、单独成一段的标题），没有导入。带编号的段落是：',
      '  “（一）只有小标题”',
      '  “（二）另一个小标题”',
      expect.stringContaining('请在 Word 中另存为 .docx 后再导入'),
    ]);
    expect(e?.join('')).not.toMatch(/补上|添加|加上/);
  });

  it('reads a report shaped like the real one: one-paragraph preface, seven sections, sub-headings only where they stand alone', () => {
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
    expect(p.signature?.signedOn).toBe('2031-01-08');
    expect(p.warnings).toEqual([]);
  });

  it('parts numbered 1. with a list 1. 2. inside one: the list is not taken for parts', () => {
    const p = parseReport(
      lines('1.主要举措和成效', '正文。', '2.存在的不足和原因', '1.示例不足。具体情况。', '2.测试不足。具体情况。', '3.主要负责人履职情况', '正文。', '示例局', '2031年1月8日'),
      'x.txt',
    );
    expect(p.sections.map(printedHeading)).toEqual(['1.主要举措和成效', '2.存在的不足和原因', '3.主要负责人履职情况']);
    expect(texts(p.sections[1]!.body)).toEqual(['1.示例不足。具体情况。', '2.测试不足。具体情况。']);
  });

  it('parts 第一部分 … with 一、 inside: 一、 are sub-headings, never parts', () => {
    const p = parseReport(lines('第一部分 主要举措', '一、学习', '正文。', '二、执法', '正文。', '第二部分 存在的不足', '正文。', '示例局', '2031年1月8日'), 'x.txt');
    expect(p.sections.map(printedHeading)).toEqual(['第一部分 主要举措', '第二部分 存在的不足']);
    expect(p.sections[0]!.label).toBe('第一部分 ');
    expect(texts(p.sections[0]!.body)).toEqual(['### 一、学习', '正文。', '### 二、执法', '正文。']);
  });

  it('page furniture and metadata around the 落款 are left out and listed in the order printed', () => {
    const p = parseReport(lines('索引号：007/2025-1', '示例局2024年报告', '前言。', '一、举措', '正文。', '第 1 页', '示例局', '2025年1月8日', '（此件公开发布）'), 'x.txt');
    expect(p.signature?.signedOn).toBe('2025-01-08');
    expect(p.metadata.indexNumber).toBe('007/2025-1');
    expect(p.leftOut.map((l) => l.text)).toEqual(['索引号：007/2025-1', '第 1 页', '（此件公开发布）']);
    expect(texts(p.sections[0]!.body)).toEqual(['正文。']);
  });

  it('warns about a section without text, naming it by its printed heading', () => {
    const { warnings } = parseReport(lines('一、示例（测试）', '二、示例二', '正文。', '示例局', '2031年1月10日'), 'x.txt');
    expect(warnings).toEqual(['第 1 部分“一、示例（测试）”没有正文。', '第一个编号标题之前没有前言（开头段）。']);
  });
});

describe('the 成文日期 among the dates a page prints', () => {
  const report = (...tail: string[]) =>
    assemble(parseReport(lines('示例局2030年法治政府建设年度报告', '（2031年1月6日）', '发布时间：2031-02-14', '2030年，示例局（测试）推进示例工作。', '一、主要举措和成效', '正文。', ...tail), 'x.txt'));

  it('is the 落款’s date; a different date under the title is named in a warning; the 发布时间 never is it', () => {
    const r = report('示例局', '二0三一年一月十日');
    expect([r.signedOn, r.publishedOn]).toEqual(['2031-01-10', '2031-02-14']);
    expect(r.warnings).toContainEqual(expect.stringContaining('标题下的日期“（2031年1月6日）”与落款日期“二0三一年一月十日”不同'));
  });

  it('without a 落款, the date under the title', () => {
    expect(report().signedOn).toBe('2031-01-06');
  });
});
