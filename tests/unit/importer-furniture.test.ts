/** Page furniture and 政务公开 metadata: recognised by shape, left out with a reason, metadata read. */
import { describe, expect, it } from 'vitest';
import { furnitureLine, metadataDate, metadataRow, removeFurniture } from '../../src/importer/furniture.ts';
import type { Block } from '../../src/importer/model.ts';

const lines = (...texts: string[]): Block[] => texts.map((text) => ({ kind: 'line', text }));

describe('a line of furniture', () => {
  it.each([
    ['第 1 页', '页码'],
    ['第1页 共3页', '页码'],
    ['第 2 页，共 5 页', '页码'],
    ['第1页/共4页', '页码'],
    ['共3页 第2页', '页码'],
    ['— 1 —', '页码'],
    ['- 12 -', '页码'],
    ['3/10', '页码'],
    ['Page 2 of 9', '页码'],
    ['7', '页码'],
    ['您当前所在位置：首页 > 政务公开 > 法治政府建设', '网页上的位置导航'],
    ['当前位置：首页 > 信息公开', '网页上的位置导航'],
    ['首页 > 政务公开 > 专题专栏', '网页上的位置导航'],
    ['今天是：2025年1月1日 星期三', '网页上的日期'],
    ['保护视力色：', '网页上的栏目和按钮'],
    ['字体：【大 中 小】', '网页上的栏目和按钮'],
    ['字号：T|T', '网页上的栏目和按钮'],
    ['分享到：', '网页上的栏目和按钮'],
    ['扫一扫在手机打开当前页', '网页上的栏目和按钮'],
    ['上一篇：示例局关于测试的通知', '网页上的栏目和按钮'],
    ['【打印本页】【关闭窗口】', '网页上的按钮'],
    ['【打印本页】 【关闭窗口】', '网页上的按钮'],
    ['[打印] [关闭]', '网页上的按钮'],
    ['打印本页 关闭窗口', '网页上的栏目和按钮'],
    ['设为首页 | 加入收藏 | 无障碍阅读 | 长者版', '网页上的栏目和按钮'],
    ['简体 | 繁體', '网页上的栏目和按钮'],
    ['（此件公开发布）', '公开属性'],
    ['(此件主动公开)', '公开属性'],
    ['（此页无正文）', '公开属性'],
    ['抄送：示例市某某局。', '版记：抄送'],
    ['示例区某某局办公室　　2025年1月16日印发', '版记：印发'],
    ['【字号：大 中 小】【打印】【关闭】', '网页上的按钮'],
    ['×', '网页上的栏目和按钮'],
    ['关闭', '网页上的栏目和按钮'],
    ['相关链接：', '网页上的栏目和按钮'],
    ['下载附件', '网页上的栏目和按钮'],
    ['微信扫一扫', '网页上的栏目和按钮'],
    ['扫一扫在手机上查看当前页面', '网页上的栏目和按钮'],
    ['联系我们 | 网站地图 | 隐私声明', '网页上的栏目和按钮'],
    ['主办：示例区人民政府办公室  承办：示例区测试数据中心', '网页底部的网站信息'],
    ['版权所有 © 示例区人民政府', '网页底部的网站信息'],
    ['网站标识码：0000000000  示ICP备00000000号-1', '网页底部的网站信息'],
    ['示ICP备00000000号-1', '网页底部的网站信息'],
    ['示公网安备 00000000000000号', '网页底部的网站信息'],
    ['示例局2024年法治政府建设年度报告.pdf', '网页上的下载链接'],
    ['示例局2024年报告.docx（128KB）', '网页上的下载链接'],
    ['下载：示例局报告.wps', '网页上的下载链接'],
    ['大 中 小', '网页上的栏目和按钮'],
    ['网站首页 | 政务公开 | 互动交流', '网页上的栏目和按钮'],
    ['用手机扫描二维码打开本页', '网页上的栏目和按钮'],
    ['━━━━━━━━━━', '分隔线'],
    ['★★★', '分隔线'],
    ['------------', '分隔线'],
  ])('%s: %s', (line, why) => expect(furnitureLine(line)).toBe(why));

  it.each([
    '第一部分 主要举措',
    '一、主要举措和成效',
    '2024年，示例局共办理案件12件。',
    '（一）加强示例学习',
    '示例局',
    '2025年1月10日',
    '大力推进示例工作',
    '关闭示例窗口期的测试安排',
    '【示例】这是一段以括号开头的正文，说明测试情况。',
    '---',
    '***',
    '大',
    '主办示例培训3期，承办测试比赛1场。',
    '技术支持保障有力',
    '（三）推行二维码执法',
    '政务公开',
    '推行扫码执法，群众扫描二维码即可查询示例执法信息。',
    '示例局印发《测试办法.docx》的通知后，组织学习。',
  ])('report text: %s', (line) => expect(furnitureLine(line)).toBeUndefined());
});

describe('a metadata row', () => {
  it('is label：value pairs with the catalogue’s labels, however spaced', () => {
    expect(metadataRow('索引号：007/2025-00012\t发布机构：示例局')).toEqual([
      { label: '索引号', value: '007/2025-00012' },
      { label: '发布机构', value: '示例局' },
    ]);
    expect(metadataRow('索 引 号：007/2025-1　　有 效 性：有效')).toEqual([
      { label: '索引号', value: '007/2025-1' },
      { label: '有效性', value: '有效' },
    ]);
  });

  it('a row copied from a table: labels and values separated by tabs or wide gaps', () => {
    expect(metadataRow('索引号\t007/2025-1\t发布机构\t示例局')).toEqual([
      { label: '索引号', value: '007/2025-1' },
      { label: '发布机构', value: '示例局' },
    ]);
    expect(metadataRow('成文日期　　2025-01-20')).toEqual([{ label: '成文日期', value: '2025-01-20' }]);
    expect(metadataRow('索引号是什么\t不是')).toBeUndefined();
  });

  it('a news page’s labels count two at a time, or one with a short value', () => {
    expect(metadataRow('来源：示例局  时间：2025-01-15')).toHaveLength(2);
    expect(metadataRow('发布时间：2025-01-15 10:30')).toHaveLength(1);
    expect(metadataRow('时间：2024年全年，我局共开展示例活动12场，测试人数较上年增长，效果明显。')).toBeUndefined();
    expect(metadataRow('2024年，索引号：不是行首')).toBeUndefined();
  });

  it('dates as metadata prints them', () => {
    expect(['2025-01-20', '2025年1月20日', '2025/1/20', '2025.01.20', '2025-01-20 09:18:00'].map(metadataDate)).toEqual(Array(5).fill('2025-01-20'));
    expect(metadataDate('2025-02-30')).toBeUndefined();
  });
});

describe('a table of contents', () => {
  it('is left out: each entry whose heading is printed later, with a tab, a leader or a gap before its page, and the 目录 above them', () => {
    const f = removeFurniture(
      lines('示例局2024年报告', '目　录', '一、主要举措和成效\t1', '二、存在的不足……………2', '三、下一步安排  3', '前言。', '一、主要举措和成效', '正文。', '二、存在的不足', '正文。', '三、下一步安排', '正文。'),
    );
    expect(f.leftOut.map((l) => `${l.text}（${l.why}）`)).toEqual(['目　录（目录）', '一、主要举措和成效\t1（目录）', '二、存在的不足……………2（目录）', '三、下一步安排  3（目录）']);
    expect(f.blocks.map((b) => (b as { text: string }).text)[1]).toBe('前言。');
  });

  it('is nothing else: a row of a table read as text, or a line ending in a number, stays when no later line is its heading', () => {
    const rows = lines('示例检查\t12', '测试培训\t3', '一、主要举措和成效', '全年办结示例事项  120', '目录');
    expect(removeFurniture(rows).blocks).toHaveLength(5);
  });
});

describe('removing furniture from a report', () => {
  it('reads rows, labels alone with their values, and Word tables into the metadata; lists each line left out with its reason', () => {
    const blocks: Block[] = [
      { kind: 'table', rows: [['索引号', '007/2025-3', '发布机构', '示例县某某局'], ['文号', '示县〔2025〕2号', '有效性', '有效']] },
      ...lines('主题分类', '综合政务', '名称：示例局2024年法治政府建设年度报告', '成文日期：2025年2月10日', '示例局2024年报告', '正文。'),
    ];
    const f = removeFurniture(blocks);
    expect(f.blocks).toEqual(lines('示例局2024年报告', '正文。'));
    expect(f.metadata).toEqual({
      indexNumber: '007/2025-3',
      agency: '示例县某某局',
      documentNumber: '示县〔2025〕2号',
      validity: '有效',
      topic: '综合政务',
      title: '示例局2024年法治政府建设年度报告',
      signedOn: '2025-02-10',
    });
    expect(f.leftOut.map((l) => [l.text, l.why])).toEqual([
      ['索引号 | 007/2025-3 | 发布机构 | 示例县某某局', '政务公开信息，已读入：索引号、发布机构'],
      ['文号 | 示县〔2025〕2号 | 有效性 | 有效', '政务公开信息，已读入：文号、有效性'],
      ['主题分类', '政务公开信息，已读入：主题分类'],
      ['综合政务', '政务公开信息，已读入：主题分类'],
      ['名称：示例局2024年法治政府建设年度报告', '政务公开信息，已读入：标题'],
      ['成文日期：2025年2月10日', '政务公开信息，已读入：成文日期'],
    ]);
  });

  it('a date and time alone on a line is a news page’s publication time; 签发人 is the letterhead’s', () => {
    const f = removeFurniture(lines('2025-01-15 10:30', '签发人：王示例', '正文。'));
    expect([f.blocks, f.metadata, f.leftOut.map((l) => l.why)]).toEqual([lines('正文。'), { publishedOn: '2025-01-15' }, ['政务公开信息，已读入：发布日期', '版头：签发人']]);
  });

  it('a publication time before a news page’s labels is read as the 发布日期', () => {
    const f = removeFurniture(lines('2025-03-02 09:15　来源：示例局', '2024年，示例局坚持依法行政。'));
    expect([f.blocks, f.metadata]).toEqual([lines('2024年，示例局坚持依法行政。'), { publishedOn: '2025-03-02' }]);
    expect(removeFurniture(lines('2025年3月2日 示例局召开会议，研究部署示例工作。')).blocks).toHaveLength(1);
  });

  it('a data table is not metadata; 无 is no 文号', () => {
    const table: Block = { kind: 'table', rows: [['项目', '数量'], ['示例审查', '15']] };
    expect(removeFurniture([table]).blocks).toEqual([table]);
    expect(removeFurniture(lines('文号：无', '正文。')).metadata).toEqual({});
  });

  it('a running header printed again at each page break is left out, its first appearance kept', () => {
    const f = removeFurniture(lines('示例局2024年报告', '正文一。', '第 1 页', '示例局2024年报告', '正文二。', '示例局', '第 2 页', '示例局2024年报告'));
    expect(f.blocks).toEqual(lines('示例局2024年报告', '正文一。', '正文二。', '示例局'));
    expect(f.leftOut.map((l) => l.why)).toEqual(['页码', '页码', '页眉：在分页处重复出现', '页眉：在分页处重复出现']);
  });
});
