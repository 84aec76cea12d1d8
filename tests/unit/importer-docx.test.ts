/** Word documents: the package inflated once, numbers rebuilt, mammoth's HTML read into paragraphs, tables and notes. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlignmentType, Document, FootnoteReferenceRun, LevelFormat, LevelSuffix, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { docxToHtml } from '../../src/importer/docx.ts';
import { DOCX_LIMITS } from '../../src/importer/zip.ts';
import { htmlToBlocks } from '../../src/importer/html.ts';
import { readBlocks } from '../../src/importer/read.ts';
import { TooLargeError } from '../../src/importer/errors.ts';
import { prepare, type Prepared } from '../../src/importer/index.ts';

const line = (text: string) => ({ kind: 'line', text });
/** The rendered report and section entries an import writes (not the original file it keeps). */
const entries = ({ reportFile, reportText, sectionsDir, sections }: Prepared['planned']) => ({ reportFile, reportText, sectionsDir, sections });

describe('HTML from mammoth', () => {
  it('gives one paragraph per <p> or heading, split at line breaks, trimmed, entities decoded; a bold start kept beside', () => {
    expect(htmlToBlocks('<h1>标题报告</h1><p>  一行<br />软换行 </p><p><strong>&lt;b&gt;&amp;amp;</strong> 后</p><p><strong>全粗</strong></p><p></p>')).toEqual({
      blocks: [line('标题报告'), line('一行'), line('软换行'), { ...line('<b>&amp; 后'), lead: '<b>&amp;' }, line('全粗')],
      warnings: [],
      notes: new Map(),
    });
  });

  it('reads tables as rows of cells; a cell keeps its paragraphs as lines', () => {
    const { blocks, warnings } = htmlToBlocks(
      '<table><tr><td><p>表头A</p></td><td><p>表头|B</p></td></tr><tr><td><p>甲</p><p>乙</p></td><td></td></tr></table>',
    );
    expect(blocks).toEqual([{ kind: 'table', rows: [['表头A', '表头|B'], ['甲\n乙', '']] }]);
    expect(warnings).toEqual([]);
  });

  it('reads a table of one cell as the paragraphs boxed in it: Word users frame headings and notes that way', () => {
    const { blocks } = htmlToBlocks('<p>前言。</p><table><tr><td><p>一、主要举措和成效</p></td></tr></table><p>正文。</p><table><tr><td><p>注：示例</p><p>两段</p></td></tr></table>');
    expect(blocks).toEqual([line('前言。'), line('一、主要举措和成效'), line('正文。'), line('注：示例'), line('两段')]);
    const nested = htmlToBlocks('<table><tr><td><table><tr><td>a</td><td>b</td></tr></table></td></tr></table>');
    expect(nested.blocks).toEqual([{ kind: 'table', rows: [['a', 'b']] }]);
  });

  it('splits merged cells into the text and empty cells, and says so', () => {
    const { blocks, warnings } = htmlToBlocks(
      '<table><tr><td colspan="2">合并</td><td>c</td></tr><tr><td rowspan="2">竖</td><td>x</td><td>y</td></tr><tr><td>z</td><td>w</td></tr></table>',
    );
    expect(blocks).toEqual([{ kind: 'table', rows: [['合并', '', 'c'], ['竖', 'x', 'y'], ['', 'z', 'w']] }]);
    expect(warnings).toEqual([expect.stringContaining('合并单元格')]);
  });

  it('keeps footnotes: the mark where it stood, the note by its id, off the page’s end', () => {
    const { blocks, warnings, notes } = htmlToBlocks(
      '<p>正文<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>后文<sup><a href="#endnote-2" id="endnote-ref-2">[2]</a></sup></p>' +
        '<p>某某局</p><p>2025年1月10日</p>' +
        '<ol><li id="footnote-1"><p>脚注 <a href="#footnote-ref-1">↑</a></p></li><li id="endnote-2"><p>尾注甲</p><p>尾注乙 <a href="#endnote-ref-2">↑</a></p></li></ol>',
    );
    expect(blocks).toEqual([{ ...line('正文后文'), notes: [{ at: 2, id: 'footnote-1' }, { at: 4, id: 'endnote-2' }] }, line('某某局'), line('2025年1月10日')]);
    expect(notes).toEqual(new Map([['footnote-1', '脚注'], ['endnote-2', '尾注甲\n尾注乙']]));
    expect(warnings).toEqual([]);
  });

  it('keeps notes typed with superscript marks: the paragraph starting with the mark is the note of the one marked before it', () => {
    const { blocks, notes } = htmlToBlocks(
      '<p>学法6次<sup>1</sup>，考试<sup>2</sup>一次（测试）。</p><p>下一段（测试）。</p><p><sup>1</sup> 含线上学法（测试）。</p><p><sup>2</sup>闭卷（测试）。</p><p>示例局</p>',
    );
    expect(blocks).toEqual([
      { ...line('学法6次，考试一次（测试）。'), notes: [{ at: 4, id: 'typed-note-2' }, { at: 7, id: 'typed-note-3' }] },
      line('下一段（测试）。'),
      line('示例局'),
    ]);
    expect(notes).toEqual(new Map([['typed-note-2', '含线上学法（测试）。'], ['typed-note-3', '闭卷（测试）。']]));
  });

  it('a power (m²) between a mark and its note is no mark', () => {
    const { blocks, notes } = htmlToBlocks('<p>正文<sup>2</sup>（测试）。</p><p>面积1200m<sup>2</sup>（测试）。</p><p><sup>2</sup>正文的注（测试）。</p>');
    expect(blocks).toEqual([{ ...line('正文（测试）。'), notes: [{ at: 2, id: 'typed-note-2' }] }, line('面积1200m²（测试）。')]);
    expect(notes).toEqual(new Map([['typed-note-2', '正文的注（测试）。']]));
  });

  it('a note marks nothing itself: a mark inside one note is not taken for the next note’s, which stays as printed', () => {
    const { blocks, notes } = htmlToBlocks('<p>正文<sup>1</sup>（测试）。</p><p><sup>1</sup>注一，另见<sup>2</sup>（测试）。</p><p><sup>2</sup>注二（测试）。</p>');
    expect(blocks).toEqual([{ ...line('正文（测试）。'), notes: [{ at: 2, id: 'typed-note-1' }] }, line('²注二（测试）。')]);
    expect(notes).toEqual(new Map([['typed-note-1', '注一，另见²（测试）。']]));
  });

  it('leaves a superscript that no note starts with in the text, its digits as superscript characters: a unit’s power, a mark whose note is missing', () => {
    const { blocks, notes } = htmlToBlocks('<p>面积1200m<sup>2</sup>（测试）。</p><p>见说明<sup>13</sup>（测试）<sup>*</sup>。</p><p><sup>1</sup>开头的上标，前文没有这个标记（测试）。</p>');
    expect(blocks).toEqual([line('面积1200m²（测试）。'), line('见说明¹³（测试）*。'), line('¹开头的上标，前文没有这个标记（测试）。')]);
    expect(notes).toEqual(new Map());
  });

  it('leaves out images, and warns about them, about a list left without its numbers and a note mark in a table', () => {
    const { blocks, warnings } = htmlToBlocks(
      '<p>正文<img src="x.png" /></p><ol><li>自动编号<ol><li>下一级</li></ol></li></ol>' +
        '<table><tr><td><p>格<sup><a href="#footnote-3" id="footnote-ref-3">[3]</a></sup></p></td><td><p>右</p></td></tr></table>',
    );
    expect(blocks).toEqual([line('正文'), line('自动编号'), line('下一级'), { kind: 'table', rows: [['格', '右']] }]);
    expect(warnings).toEqual([
      expect.stringContaining('1 张图片没有导入'),
      expect.stringContaining('2 段使用了自动编号或项目符号，但编号无法还原'),
      expect.stringContaining('表格中有 1 处脚注标记'),
    ]);
  });
});

describe('a real .docx', () => {
  it('loses what a reader cannot see (copied in from a web page), and says how much', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fznb-invisible-'));
    const file = join(dir, '看不见.docx');
    writeFileSync(file, await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('示例\u200b正文\u202e1344人（测试）。')] }] })));
    const read = await readBlocks(file, '看不见.docx');
    expect(read.blocks).toEqual([line('示例正文1344人（测试）。')]);
    expect(read.warnings).toContain('文档中有 2 个不可见的字符（如零宽空格、改变文字方向的控制字符），已删除。');
  });

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
    const { blocks, warnings, notes } = htmlToBlocks((await docxToHtml(await Packer.toBuffer(doc))).html);
    expect(blocks).toEqual([
      line('示例局2030年法治政府建设年度报告'),
      { ...line('1. *加粗* <i>普通</i>'), lead: '1. *加粗*', notes: [{ at: 17, id: 'footnote-1' }] },
      line('第一行'),
      line('第二行'),
      { kind: 'table', rows: [['项目', '数量'], ['示例', '1']] },
    ]);
    expect(notes).toEqual(new Map([['footnote-1', '脚注内容（测试）']]));
    expect(warnings).toEqual([]);
  });

  it('fails on bytes that are no .docx', async () => {
    await expect(docxToHtml(Buffer.from('不是压缩包'))).rejects.toThrow();
  });
});

describe('Word’s automatic numbering', () => {
  const TWIN = [
    '示例局（测试）2024年法治政府建设年度报告',
    '2024年,示例局（测试单位）坚持依法行政，现将有关情况报告如下（本文为测试文本）。',
    '一、主要举措和成效',
    '（一）示例举措，持续推进测试工作',
    '一是开展示例学习；二是完善示例制度。',
    '（二）示例培训,提升测试能力',
    '丙．示例培训甲（测试）。',
    '丁．示例培训乙（测试）。',
    '二、存在的不足和原因',
    '（一）示例不足（测试）',
    '测试宣传形式较为单一。',
    '三、2025年主要安排',
    '①继续开展示例工作（测试）。',
    '②完善测试制度（测试）。',
    '四、其他需要报告的情况',
    '①示例情况（测试）。',
    '示例局',
    '2025年1月10日',
  ];
  const numbering = {
    config: [
      {
        reference: 'outline',
        levels: [
          { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', suffix: LevelSuffix.TAB, alignment: AlignmentType.LEFT },
          { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', suffix: LevelSuffix.NOTHING, alignment: AlignmentType.LEFT },
        ],
      },
      { reference: 'tiangan', levels: [{ level: 0, format: LevelFormat.IDEOGRAPH_TRADITIONAL, text: '%1．', start: 3, alignment: AlignmentType.LEFT }] },
      { reference: 'circled', levels: [{ level: 0, format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%1', suffix: LevelSuffix.NOTHING, alignment: AlignmentType.LEFT }] },
    ],
  };
  // Sub-headings are numbered through their paragraph style, as Word's heading styles are.
  const styles = { paragraphStyles: [{ id: 'SubHeading', name: 'Sub Heading', paragraph: { numbering: { reference: 'outline', level: 1 } } }] };
  const heading = (text: string) => new Paragraph({ text, numbering: { reference: 'outline', level: 0 } });
  const sub = (text: string) => new Paragraph({ text, style: 'SubHeading' });
  const item = (reference: string, text: string, instance = 0) => new Paragraph({ text, numbering: { reference, level: 0, instance } });

  const dir = mkdtempSync(join(tmpdir(), 'fznb-numbering-'));
  const save = async (name: string, doc: Document) => {
    writeFileSync(join(dir, name), await Packer.toBuffer(doc));
    return join(dir, name);
  };

  it('is rebuilt: an auto-numbered .docx gives exactly the entries of its typed .txt twin', async () => {
    const doc = new Document({
      numbering,
      styles,
      sections: [
        {
          children: [
            new Paragraph(TWIN[0]!),
            new Paragraph(TWIN[1]!),
            heading('主要举措和成效'),
            sub('示例举措，持续推进测试工作'),
            new Paragraph(TWIN[4]!),
            sub('示例培训,提升测试能力'),
            item('tiangan', '示例培训甲（测试）。'),
            item('tiangan', '示例培训乙（测试）。'),
            heading('存在的不足和原因'),
            sub('示例不足（测试）'),
            new Paragraph(TWIN[10]!),
            heading('2025年主要安排'),
            item('circled', '继续开展示例工作（测试）。'),
            item('circled', '完善测试制度（测试）。'),
            heading('其他需要报告的情况'),
            item('circled', '示例情况（测试）。', 1),
            new Paragraph('示例局'),
            new Paragraph('2025年1月10日'),
          ],
        },
      ],
    });
    const docx = await save('自动编号.docx', doc);
    writeFileSync(join(dir, '手打编号.txt'), TWIN.join('\r\n'));
    const content = join(dir, 'content');
    const fromDocx = await prepare(docx, '自动编号.docx', content);
    const fromTxt = await prepare(join(dir, '手打编号.txt'), '手打编号.txt', content);
    expect(fromDocx.report).toEqual(fromTxt.report);
    expect(entries(fromDocx.planned)).toEqual(entries(fromTxt.planned));
    expect(fromDocx.report.sections.map((s) => `${s.label}${s.heading}`)).toEqual(TWIN.filter((l) => /^[一二三四]、/.test(l)));
    expect(fromDocx.report.warnings.join('')).not.toContain('编号');
  });

  it('numbers paragraphs inside table cells in document order', async () => {
    const cell = (...children: Paragraph[]) => new TableCell({ children });
    const doc = new Document({
      numbering,
      sections: [
        {
          children: [
            item('circled', '表前（测试）'),
            new Table({
              rows: [
                new TableRow({ children: [cell(new Paragraph('项目')), cell(new Paragraph('数量'))] }),
                new TableRow({ children: [cell(item('circled', '示例项目')), cell(new Paragraph('1'))] }),
                new TableRow({ children: [cell(item('circled', '测试项目'), item('circled', '续行')), cell(new Paragraph('2'))] }),
              ],
            }),
            item('circled', '表后（测试）'),
          ],
        },
      ],
    });
    const { html, warnings } = await docxToHtml(await Packer.toBuffer(doc));
    expect(warnings).toEqual([]);
    expect(htmlToBlocks(html)).toEqual({
      blocks: [line('①表前（测试）'), { kind: 'table', rows: [['项目', '数量'], ['②示例项目', '1'], ['③测试项目\n④续行', '2']] }, line('⑤表后（测试）')],
      warnings: [],
      notes: new Map(),
    });
  });

  it('warns about what it cannot rebuild: picture bullets and unknown formats', async () => {
    const doc = new Document({
      numbering: { config: [{ reference: 'jp', levels: [{ level: 0, format: LevelFormat.ORDINAL, text: '%1.', alignment: AlignmentType.LEFT }] }] },
      sections: [{ children: [item('jp', '示例（测试）'), item('jp', '测试')] }],
    });
    const { html, warnings } = await docxToHtml(await Packer.toBuffer(doc));
    expect(htmlToBlocks(html).blocks).toEqual([line('1.示例（测试）'), line('2.测试')]);
    expect(warnings).toEqual([expect.stringContaining('2 段的自动编号格式（ordinal）无法照原样还原')]);
  });

  it('gives bullets no text and leaves no list for mammoth', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph({ text: '要点（测试）', bullet: { level: 0 } }), new Paragraph('正文')] }] });
    const { html, warnings } = await docxToHtml(await Packer.toBuffer(doc));
    expect(html).not.toContain('<li>');
    expect(htmlToBlocks(html)).toEqual({ blocks: [line('要点（测试）'), line('正文')], warnings: [], notes: new Map() });
    expect(warnings).toEqual([]);
  });
});

describe('limits: a .docx beyond any real report is refused before it is inflated', () => {
  const MB = 1024 * 1024;
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const paragraph = '<w:p><w:r><w:t>示例段落（测试）</w:t></w:r></w:p>';
  /** A minimal package around a document body, deflated as Word does. */
  async function docx(body: string, extra: Record<string, Uint8Array | string> = {}): Promise<Buffer> {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
    zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
    zip.file('word/document.xml', `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
    for (const [name, data] of Object.entries(extra)) zip.file(name, data);
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  }
  /** The package with the uncompressed size its central directory states for `name` replaced. */
  function stateSize(bytes: Buffer, name: string, size: number): Buffer {
    const out = Buffer.from(bytes);
    for (let at = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at - 1)) {
      const length = out.readUInt16LE(at + 28);
      if (out.toString('utf8', at + 46, at + 46 + length) === name) {
        out.writeUInt32LE(size, at + 24);
        return out;
      }
    }
    throw new Error(`no ${name} in the package`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'fznb-limits-'));
  const refusal = async (name: string, bytes: Buffer) => {
    writeFileSync(join(dir, name), bytes);
    return (await readBlocks(join(dir, name), name).catch((e: Error) => e)) as Error;
  };

  it('reads a normal package', async () => {
    const { html } = await docxToHtml(await docx(paragraph.repeat(10)));
    expect(htmlToBlocks(html).blocks).toHaveLength(10);
  });

  it('refuses a document.xml stated larger than 20 MB, from its central directory alone', async () => {
    const bytes = stateSize(await docx(paragraph), 'word/document.xml', 300 * MB);
    await expect(docxToHtml(bytes)).rejects.toThrow(TooLargeError);
    const e = await refusal('膨胀.docx', bytes);
    expect(e.message).toContain('膨胀.docx 太大，不像一份年度报告');
    expect(e.message).toContain('word/document.xml 有 300 MB，超过上限 20.0 MB');
    expect(e.message).not.toMatch(/Error|at /);
  });

  it('refuses a package stated larger than 100 MB in all', async () => {
    const bytes = stateSize(await docx(paragraph, { 'word/media/image1.png': Buffer.alloc(1000, 7) }), 'word/media/image1.png', 150 * MB);
    expect((await refusal('图片.docx', bytes)).message).toContain('解压后共有 150 MB，超过上限 100 MB');
  });

  it(`refuses a part over 1 MB that inflates more than ${DOCX_LIMITS.ratio} times`, async () => {
    const bytes = await docx(paragraph.repeat(50_000)); // 2.7 MB of repeated text
    expect(bytes.length).toBeLessThan(50_000);
    expect((await refusal('压缩比.docx', bytes)).message).toMatch(/word\/document\.xml 从 .* 解压成 2\.7 MB，压缩比超过上限 100:1/);
  });

  it(`refuses more than ${DOCX_LIMITS.paragraphs} paragraphs`, async () => {
    // Short numbered paragraphs: under 1 MB in all, so only the count is beyond a limit.
    const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => `<w:p><w:r><w:t>${i}</w:t></w:r></w:p>`).join('');
    const bytes = await docx(paragraphs(DOCX_LIMITS.paragraphs + 1));
    expect((await refusal('段落.docx', bytes)).message).toContain(`正文有 ${DOCX_LIMITS.paragraphs + 1} 段，超过上限 ${DOCX_LIMITS.paragraphs} 段`);
    await expect(docxToHtml(await docx(paragraphs(DOCX_LIMITS.paragraphs)))).resolves.toBeTruthy();
  });

  it('refuses a package whose directory understates a size: it is not what it says', async () => {
    const e = await refusal('伪造.docx', stateSize(await docx(paragraph.repeat(50)), 'word/document.xml', 100));
    expect(e).not.toBeInstanceOf(TooLargeError);
    expect(e.message).toContain('伪造.docx 不是有效的 .docx 文件');
  });
});
