/** Which files the importer takes, and the message for each it cannot. */
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { Document, Packer, Paragraph } from 'docx';
import { readBlocks, sniff } from '../../src/importer/read.ts';
import { ImportError } from '../../src/importer/errors.ts';
import { prepare, type Prepared } from '../../src/importer/index.ts';

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
const ZIP = Buffer.from('PK\x03\x04\x14\x00', 'latin1');
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n');
/** Binary Word files made once with LibreOffice from sample-report.txt (see its README). */
const WORD = join(import.meta.dirname, '../fixtures/word');
/** The rendered report and section entries an import writes (not the original file it keeps). */
const entries = ({ reportFile, reportText, sectionsDir, sections }: Prepared['planned']) => ({ reportFile, reportText, sectionsDir, sections });

describe('what a file is', () => {
  it('goes by its first bytes where they tell, else by its extension', () => {
    expect(sniff('报告.docx', ZIP)).toBe('docx');
    expect(sniff('报告.doc', ZIP)).toBe('docx'); // a .docx renamed .doc
    expect(sniff('报告.odt', ZIP)).toBe('unknown');
    expect(sniff('报告.wps', ZIP)).toBe('unknown'); // the zip form of .wps
    expect(sniff('报告.TXT', Buffer.from('一、'))).toBe('txt');
    expect(sniff('报告.doc', Buffer.from('anything'))).toBe('ole');
    expect(sniff('报告.docx', OLE2)).toBe('ole'); // an old .doc renamed, or a password-protected .docx
    expect(sniff('报告.wps', OLE2)).toBe('ole');
    expect(sniff('报告.pdf', Buffer.from('x'))).toBe('pdf');
    expect(sniff('报告.txt', PDF)).toBe('pdf');
    expect(sniff('报告.rtf', Buffer.from('{\\rtf1'))).toBe('unknown');
    expect(sniff('报告', Buffer.from('一、'))).toBe('unknown');
  });
});

describe('reading a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fznb-read-'));
  const file = (name: string, bytes: Buffer | string) => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };
  const failure = async (path: string) => {
    const e = await readBlocks(path, '原文').catch((e: unknown) => e);
    expect(e).toBeInstanceOf(ImportError);
    return (e as ImportError).message;
  };

  it('reads a .txt in UTF-8 or GBK and says which', async () => {
    expect(await readBlocks(file('u.txt', '一、标题\r\n正文'), 'u.txt')).toEqual({
      blocks: [{ kind: 'line', text: '一、标题' }, { kind: 'line', text: '正文' }],
      format: '文本文件（UTF-8 编码）',
      warnings: [],
    });
    expect((await readBlocks(file('g.txt', iconv.encode('一、标题\r\n正文', 'gbk')), 'g.txt')).format).toBe('文本文件（GBK/GB18030 编码）');
  });

  it.each([
    ['missing', () => join(dir, '没有这个文件.txt'), '找不到文件 原文'],
    ['a folder', () => (mkdirSync(join(dir, 'd.txt'), { recursive: true }), join(dir, 'd.txt')), '不是文件'],
    ['empty', () => file('e.txt', ''), '原文 是空的'],
    ['blank', () => file('b.txt', ' \r\n\t\n　\n'), '原文 是空的'],
    ['a PDF', () => file('p.pdf', PDF), '是 PDF 文件'],
    ['a PDF named .txt', () => file('p.txt', PDF), '是 PDF 文件'],
    ['a broken .doc', () => file('o.doc', OLE2), '原文 无法作为 Word 文档读取'],
    ['a broken OLE2 file named .docx', () => file('o.docx', OLE2), '请在 Word 或 WPS 中打开它，另存为 .docx 后再导入'],
    ['an RTF file named .doc', () => file('r.doc', '{\\rtf1\\ansi 一、}'), '原文 无法作为 Word 文档读取'],
    ['a password-protected .docx', () => WORD + '/password.docx', '原文 加了密码，请先在 Word 中取消密码再导入'],
    ['a password-protected .doc', () => WORD + '/password.doc', '原文 加了密码，请先在 Word 中取消密码再导入'],
    ['an .rtf', () => file('r.rtf', '{\\rtf1}'), '不支持 .rtf 文件：原文。请在 Word 或 WPS 中另存为 .docx 后再导入'],
    ['an .odt', () => file('r.odt', ZIP), '不支持 .odt 文件：原文。请在 Word 或 WPS 中另存为 .docx 后再导入'],
    ['a zip-based .wps', () => file('z.wps', ZIP), '不支持 .wps 文件：原文。请在 Word 或 WPS 中另存为 .docx 后再导入'],
    ['no extension', () => file('noext', '一、'), '不支持 （没有扩展名） 文件：原文。请在 Word 或 WPS 中另存为 .docx'],
    ['an unreadable encoding', () => file('x.txt', Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x80, 0x81, 0x00])), '无法识别 原文 的文字编码'],
    ['a broken .docx', () => file('z.docx', 'PK 不是真的压缩包'), '不是有效的 .docx 文件'],
  ])('refuses %s with a message naming the file', async (_, make, message) => {
    expect(await failure(make())).toContain(message);
  });
});

describe('an old binary Word file (.doc, .wps)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fznb-doc-'));
  const twin = readFileSync(join(WORD, 'sample-report.txt'), 'utf8');

  it('is read verbatim, paragraph for paragraph as its .txt twin', async () => {
    const read = await readBlocks(join(WORD, 'sample-report.doc'), 'sample-report.doc');
    expect(read).toEqual({
      blocks: twin.split('\n').filter(Boolean).map((text) => ({ kind: 'line', text })),
      format: '旧版 Word 文档（.doc）',
      warnings: [],
    });
    // Quotation marks, dashes and the ideographic space stay as typed.
    expect(read.blocks.map((b) => (b.kind === 'line' ? b.text : '')).join('')).toMatch(/“示例思想”.*——.*‘示例’课程　共/);
  });

  it('imports to exactly the entries of its .txt twin', async () => {
    const content = join(dir, 'content');
    const fromDoc = await prepare(join(WORD, 'sample-report.doc'), 'sample-report.doc', content);
    const fromTxt = await prepare(join(WORD, 'sample-report.txt'), 'sample-report.txt', content);
    expect(fromDoc.format).toBe('旧版 Word 文档（.doc）');
    expect(fromDoc.report).toEqual(fromTxt.report);
    expect(entries(fromDoc.planned)).toEqual(entries(fromTxt.planned));
  });

  it('is read by its content whatever it is called: .wps, or a .doc renamed .docx', async () => {
    copyFileSync(join(WORD, 'sample-report.doc'), join(dir, '报告.wps'));
    copyFileSync(join(WORD, 'sample-report.doc'), join(dir, '报告.docx'));
    const wps = await readBlocks(join(dir, '报告.wps'), '报告.wps');
    expect(wps.format).toBe('WPS 文字文档（.wps）');
    expect((await readBlocks(join(dir, '报告.docx'), '报告.docx')).blocks).toEqual(wps.blocks);
  });

  it('says where automatic numbers went when the headings were numbered by Word', async () => {
    const error = await prepare(join(WORD, 'sample-numbered.doc'), 'sample-numbered.doc', join(dir, 'content')).catch((e: Error) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message.split('\n')).toEqual([
      expect.stringContaining('sample-numbered.doc 中没有找到各部分的编号标题'),
      '  “（一）示例举措，持续推进测试工作”',
      '  “(二)示例培训,提升测试能力”',
      expect.stringContaining('请在 Word 中另存为 .docx 后再导入'),
      expect.stringContaining('旧版文档中的自动编号读不出来'),
    ]);
  });

  it('reads a table row as one paragraph of tab-separated cells and leaves out footnotes, saying both', async () => {
    const read = await readBlocks(join(WORD, 'sample-extras.doc'), 'sample-extras.doc');
    expect(read.blocks).toEqual(['表前（示例）', '项目\t数量', '示例\t1', '表后（测试）'].map((text) => ({ kind: 'line', text })));
    expect(read.warnings).toEqual([
      expect.stringContaining('脚注或尾注没有导入'),
      expect.stringContaining('表格（2 行）按文字导入'),
      expect.stringContaining('自动编号读不出来'),
    ]);
  });

  it('a .docx renamed .doc is read as a .docx', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph('一、示例（测试）')] }] });
    writeFileSync(join(dir, '改名.doc'), await Packer.toBuffer(doc));
    expect(await readBlocks(join(dir, '改名.doc'), '改名.doc')).toEqual({
      blocks: [{ kind: 'line', text: '一、示例（测试）' }],
      format: 'Word 文档（.docx）',
      warnings: [],
      notes: new Map(),
    });
  });
});
