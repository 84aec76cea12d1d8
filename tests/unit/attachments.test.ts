/** 附件: what a reader is told about an original file, and where the importer puts it. */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeAttachment, formatBytes, isAttachmentName, readAttachments } from '../../src/domain/attachments.ts';
import { attachmentsDir } from '../../src/domain/layout.ts';
import { plan, writeYear } from '../../src/importer/write.ts';

describe('describeAttachment', () => {
  it('names the type in Chinese, counts the bytes and digests them', () => {
    const bytes = Buffer.from('示例原文（测试）');
    expect(describeAttachment('示例.DOCX', bytes)).toEqual({
      name: '示例.DOCX',
      type: 'Word 文档（.docx）',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(describeAttachment('示例.doc', bytes).type).toBe('Word 97-2003 文档（.doc）');
    expect(describeAttachment('示例.txt', bytes).type).toBe('纯文本文件（.txt）');
    expect(describeAttachment('示例.xyz', bytes)).toMatchObject({ type: 'XYZ 文件', mediaType: 'application/octet-stream' });
    expect(describeAttachment('示例', bytes).type).toBe('文件');
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 字节'],
    [1023, '1023 字节'],
    [1024, '1.0 KB'],
    [12_800, '12.5 KB'],
    [250 * 1024, '250 KB'],
    [3 * 1024 * 1024, '3.0 MB'],
  ])('%i bytes is %s', (n, shown) => expect(formatBytes(n)).toBe(shown));
});

describe('isAttachmentName', () => {
  it('accepts a file name staff would save, refuses folders, hidden files and control characters', () => {
    expect(isAttachmentName('2024年法治政府建设年度报告（示例）.docx')).toBe(true);
    for (const bad of ['', '.DS_Store', 'a/b.docx', 'a\\b.docx', 'a\nb.docx', 'x'.repeat(201)]) expect(isAttachmentName(bad), bad).toBe(false);
  });
});

describe('the importer keeps the original file', () => {
  const content = () => mkdtempSync(join(tmpdir(), 'fznb-attach-'));
  const planned = (dir: string, attachments?: { name: string; data: Uint8Array }[]) => ({
    ...plan(dir, 2030, '---\nyear: 2030\n---\n', [{ name: '01.mdx', text: '示例\n' }]),
    attachments,
  });

  it('writes it to attachments/YYYY/ with the entries, and it reads back with its digest', async () => {
    const dir = content();
    const data = Buffer.from('示例 Word 原件（测试）');
    await writeYear(planned(dir, [{ name: '示例.docx', data }]), dir, { force: false });
    expect(readdirSync(join(dir, attachmentsDir(2030)))).toEqual(['示例.docx']);
    const [read] = readAttachments(dir, 2030);
    expect(read).toMatchObject({ name: '示例.docx', bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') });
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('replaces the year’s attachments as a whole on --force, and leaves them alone when none are given', async () => {
    const dir = content();
    mkdirSync(join(dir, attachmentsDir(2030)), { recursive: true });
    writeFileSync(join(dir, attachmentsDir(2030), '旧原件.docx'), 'old');
    await writeYear(planned(dir), dir, { force: true });
    expect(readdirSync(join(dir, attachmentsDir(2030)))).toEqual(['旧原件.docx']);
    await writeYear(planned(dir, [{ name: '新原件.txt', data: Buffer.from('new') }]), dir, { force: true });
    expect(readdirSync(join(dir, attachmentsDir(2030)))).toEqual(['新原件.txt']);
    expect(readFileSync(join(dir, attachmentsDir(2030), '新原件.txt'), 'utf8')).toBe('new');
  });

  it('a year without an attachments folder has none; hidden files are not attachments', () => {
    const dir = content();
    expect(readAttachments(dir, 2030)).toEqual([]);
    mkdirSync(join(dir, attachmentsDir(2030)), { recursive: true });
    writeFileSync(join(dir, attachmentsDir(2030), '.~lock.示例.docx#'), '');
    expect(readAttachments(dir, 2030)).toEqual([]);
  });
});
