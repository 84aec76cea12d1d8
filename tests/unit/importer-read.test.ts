/** Which files the importer takes, and the message for each it cannot. */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { readBlocks, sniff } from '../../src/importer/read.ts';
import { ImportError } from '../../src/importer/errors.ts';

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n');

describe('what a file is', () => {
  it('goes by its first bytes where they tell, else by its extension', () => {
    expect(sniff('报告.docx', Buffer.from('PK\x03\x04'))).toBe('docx');
    expect(sniff('报告.TXT', Buffer.from('一、'))).toBe('txt');
    expect(sniff('报告.doc', Buffer.from('anything'))).toBe('doc');
    expect(sniff('报告.docx', OLE2)).toBe('doc'); // an old .doc renamed, or a password-protected .docx
    expect(sniff('报告.wps', OLE2)).toBe('doc');
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
    ['an old .doc', () => file('o.doc', OLE2), '请在 Word 中另存为 .docx 后再导入'],
    ['an OLE2 file named .docx', () => file('o.docx', OLE2), '另存为 .docx 后再导入'],
    ['an unknown extension', () => file('r.rtf', '{\\rtf1}'), '不支持 .rtf 文件'],
    ['no extension', () => file('noext', '一、'), '不支持 （没有扩展名） 文件'],
    ['an unreadable encoding', () => file('x.txt', Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x80, 0x81, 0x00])), '无法识别 原文 的文字编码'],
    ['a broken .docx', () => file('z.docx', 'PK 不是真的压缩包'), '不是有效的 .docx 文件'],
  ])('refuses %s with a message naming the file', async (_, make, message) => {
    expect(await failure(make())).toContain(message);
  });
});
