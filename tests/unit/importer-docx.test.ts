/** Word documents: mammoth's HTML read into the paragraphs and tables a report is made of. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlignmentType, Document, FootnoteReferenceRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { docxToHtml, htmlToBlocks } from '../../src/importer/docx.ts';
import { prepare } from '../../src/importer/index.ts';

const line = (text: string) => ({ kind: 'line', text });

describe('HTML from mammoth', () => {
  it('gives one paragraph per <p> or heading, split at line breaks, trimmed, entities decoded', () => {
    expect(htmlToBlocks('<h1>标题报告</h1><p>  一行<br />软换行 </p><p><strong>&lt;b&gt;&amp;amp;</strong> 后</p><p></p>')).toEqual({
      blocks: [line('标题报告'), line('一行'), line('软换行'), line('<b>&amp; 后')],
      warnings: [],
    });
  });

  it('reads tables as rows of cells; a cell keeps its paragraphs as lines', () => {
    const { blocks, warnings } = htmlToBlocks(
      '<table><tr><td><p>表头A</p></td><td><p>表头|B</p></td></tr><tr><td><p>甲</p><p>乙</p></td><td></td></tr></table>',
    );
    expect(blocks).toEqual([{ kind: 'table', rows: [['表头A', '表头|B'], ['甲\n乙', '']] }]);
    expect(warnings).toEqual([]);
  });

  it('splits merged cells into the text and empty cells, and says so', () => {
    const { blocks, warnings } = htmlToBlocks(
      '<table><tr><td colspan="2">合并</td><td>c</td></tr><tr><td rowspan="2">竖</td><td>x</td><td>y</td></tr><tr><td>z</td><td>w</td></tr></table>',
    );
    expect(blocks).toEqual([{ kind: 'table', rows: [['合并', '', 'c'], ['竖', 'x', 'y'], ['', 'z', 'w']] }]);
    expect(warnings).toEqual([expect.stringContaining('合并单元格')]);
  });

  it('leaves out footnotes and images, and warns about them and about automatic numbering', () => {
    const { blocks, warnings } = htmlToBlocks(
      '<p>正文<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup><img src="x.png" /></p>' +
        '<ol><li>自动编号<ol><li>下一级</li></ol></li></ol>' +
        '<p>某某局</p><p>2025年1月10日</p>' +
        '<ol><li id="footnote-1"><p>脚注 <a href="#footnote-ref-1">↑</a></p></li></ol>',
    );
    expect(blocks).toEqual([line('正文'), line('自动编号'), line('下一级'), line('某某局'), line('2025年1月10日')]);
    expect(warnings).toEqual([
      expect.stringContaining('1 个脚注或尾注没有导入'),
      expect.stringContaining('1 张图片没有导入'),
      expect.stringContaining('2 段使用了自动编号或项目符号'),
    ]);
  });
});

describe('a real .docx', () => {
  it('is read through mammoth: paragraphs, runs, line breaks, footnotes and a table', async () => {
    const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
    const doc = new Document({
      footnotes: { 1: { children: [new Paragraph('脚注内容（测试）')] } },
      sections: [
        {
          children: [
            new Paragraph('示例局2030年法治政府建设年度报告'),
            new Paragraph({ children: [new TextRun({ text: '1. *加粗*', bold: true }), new TextRun(' <i>普通</i>'), new FootnoteReferenceRun(1)] }),
            new Paragraph({ children: [new TextRun('第一行'), new TextRun({ text: '第二行', break: 1 })] }),
            new Table({ rows: [new TableRow({ children: [cell('项目'), cell('数量')] }), new TableRow({ children: [cell('示例'), cell('1')] })] }),
          ],
        },
      ],
    });
    const { blocks, warnings } = htmlToBlocks(await docxToHtml(await Packer.toBuffer(doc)));
    expect(blocks).toEqual([
      line('示例局2030年法治政府建设年度报告'),
      line('1. *加粗* <i>普通</i>'),
      line('第一行'),
      line('第二行'),
      { kind: 'table', rows: [['项目', '数量'], ['示例', '1']] },
    ]);
    expect(warnings).toEqual([expect.stringContaining('脚注')]);
  });

  it('fails on bytes that are no .docx', async () => {
    await expect(docxToHtml(Buffer.from('不是压缩包'))).rejects.toThrow();
  });
});

describe('Word’s automatic numbering', () => {
  it('loses the numerals: the message for a missing heading says why and what to do', async () => {
    const doc = new Document({
      numbering: {
        config: [{ reference: 'cn', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT }] }],
      },
      sections: [
        {
          children: [
            new Paragraph('2030年,示例局（测试）……'),
            new Paragraph({ text: '主要举措和成效', numbering: { reference: 'cn', level: 0 } }),
            new Paragraph('正文（示例）。'),
            new Paragraph('示例局'),
            new Paragraph('2031年1月10日'),
          ],
        },
      ],
    });
    const dir = mkdtempSync(join(tmpdir(), 'fznb-docx-'));
    writeFileSync(join(dir, '自动编号.docx'), await Packer.toBuffer(doc));
    const error = await prepare(join(dir, '自动编号.docx'), '自动编号.docx', dir).catch((e: Error) => e);
    expect((error as Error).message.split('\n')).toEqual([
      expect.stringContaining('自动编号.docx 中没有找到“一、”这样的编号标题'),
      expect.stringContaining('1 段使用了自动编号或项目符号'),
    ]);
  });
});
