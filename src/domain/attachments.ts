/**
 * 附件: the original files a year's report was published from (the Word file or text staff
 * imported), kept under the content folder in attachments/YYYY/ and offered on the report page
 * as 原文下载 with their name, type, size and SHA-256, so a reader can check that a copy is
 * the one published. What is shown is computed from the bytes; nothing is typed by hand.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { attachmentsDir } from './layout.ts';

export interface Attachment {
  /** The file name as staff saved it, e.g. 2024年法治政府建设年度报告.docx. */
  name: string;
  /** What kind of file it is, in Chinese, e.g. Word 文档（.docx）. */
  type: string;
  /** The MIME type it is served with. */
  mediaType: string;
  bytes: number;
  /** Hex SHA-256 of the file's bytes. */
  sha256: string;
}

const TYPES: Record<string, [string, string]> = {
  '.docx': ['Word 文档（.docx）', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  '.doc': ['Word 97-2003 文档（.doc）', 'application/msword'],
  '.wps': ['WPS 文字文档（.wps）', 'application/vnd.ms-works'],
  '.txt': ['纯文本文件（.txt）', 'text/plain; charset=utf-8'],
  '.pdf': ['PDF 文件（.pdf）', 'application/pdf'],
  '.odt': ['OpenDocument 文本（.odt）', 'application/vnd.oasis.opendocument.text'],
};

/** A file's attachment record, from its name and bytes. */
export function describeAttachment(name: string, bytes: Uint8Array): Attachment {
  const ext = extname(name).toLowerCase();
  const [type, mediaType] = TYPES[ext] ?? [`${ext ? `${ext.slice(1).toUpperCase()} ` : ''}文件`, 'application/octet-stream'];
  return { name, type, mediaType, bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** 12.3 KB, 1.2 MB: sizes as a reader expects them, in units of 1024. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  const units = ['KB', 'MB', 'GB'];
  let n = bytes / 1024;
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${n >= 100 ? Math.round(n) : n.toFixed(1)} ${units[i]}`;
}

/** Names a file can be published under: no folder parts, no hidden files, no control characters. */
export function isAttachmentName(name: string): boolean {
  return name.length > 0 && name.length <= 200 && !name.startsWith('.') && !/[\\/\u0000-\u001f\u007f]/.test(name);
}

/** An attachment with its bytes, as read from the content folder or about to be written there. */
export interface AttachmentFile extends Attachment {
  data: Uint8Array;
}

/**
 * The attachments of a year in a content folder (attachments/YYYY/), in name order; none when
 * the folder does not exist. Hidden files (.DS_Store, an editor's lock file) are not attachments.
 */
export function readAttachments(contentDir: string, year: number | string): AttachmentFile[] {
  const dir = join(contentDir, attachmentsDir(year));
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && isAttachmentName(e.name))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const data = readFileSync(join(dir, name));
      return { ...describeAttachment(name, data), data };
    });
}
