/**
 * 附件: the original files a year's report was published from (the Word file or text staff
 * imported), kept under the content folder in attachments/YYYY/ and offered on the report page
 * as 原文下载 with their name, type, size and SHA-256, so a reader can check that a copy is
 * the one published. What is shown is computed from the bytes; nothing is typed by hand.
 */
import { sha256Hex } from './digest.ts';
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

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (bytes: Uint8Array, head: readonly number[]) => head.every((b, i) => bytes[i] === b);
/** Whether a zip package names a part starting with `prefix` (its directory holds the names as text). */
const zipHolds = (bytes: Uint8Array, prefix: string) => startsWith(bytes, ZIP) && Buffer.from(bytes).includes(prefix, 0, 'latin1');
/** Text: no NUL byte, and UTF-8 or GB18030 throughout. */
function isText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes);
      return true;
    } catch {
      // the next encoding
    }
  }
  return false;
}

/**
 * The kinds of document a report is published as, each with its name, media type and a test
 * of its first bytes: the extension alone does not make a file a document (an .html renamed
 * .pdf is not one). Nothing that a browser would run as a page or a script is among them.
 */
const TYPES: Record<string, { type: string; mediaType: string; is: (bytes: Uint8Array) => boolean }> = {
  '.pdf': { type: 'PDF 文件（.pdf）', mediaType: 'application/pdf', is: (b) => startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d]) },
  '.ofd': { type: 'OFD 版式文件（.ofd）', mediaType: 'application/ofd', is: (b) => zipHolds(b, 'OFD.xml') },
  '.docx': { type: 'Word 文档（.docx）', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', is: (b) => zipHolds(b, 'word/') },
  '.xlsx': { type: 'Excel 工作簿（.xlsx）', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', is: (b) => zipHolds(b, 'xl/') },
  '.doc': { type: 'Word 97-2003 文档（.doc）', mediaType: 'application/msword', is: (b) => startsWith(b, OLE) },
  '.wps': { type: 'WPS 文字文档（.wps）', mediaType: 'application/vnd.ms-works', is: (b) => startsWith(b, OLE) },
  '.xls': { type: 'Excel 97-2003 工作簿（.xls）', mediaType: 'application/vnd.ms-excel', is: (b) => startsWith(b, OLE) },
  '.txt': { type: '纯文本文件（.txt）', mediaType: 'text/plain; charset=utf-8', is: isText },
  '.jpg': { type: 'JPEG 图片（.jpg）', mediaType: 'image/jpeg', is: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  '.jpeg': { type: 'JPEG 图片（.jpeg）', mediaType: 'image/jpeg', is: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  '.png': { type: 'PNG 图片（.png）', mediaType: 'image/png', is: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
};

/** The extensions an attachment may have, for messages. */
export const ATTACHMENT_EXTENSIONS = Object.keys(TYPES).map((e) => e.slice(1));

/**
 * Why a file may not be published as an attachment, in words for staff, or undefined when
 * it may: a document of one of the kinds above whose bytes are that kind.
 */
export function attachmentProblem(name: string, bytes: Uint8Array): string | undefined {
  const ext = extname(name).toLowerCase();
  const kind = TYPES[ext];
  const allowed = `附件只能是这些文档：${ATTACHMENT_EXTENSIONS.join('、')}`;
  if (!kind) return `“${name}”不是可以发布的附件类型。${allowed}。网页、脚本等文件不能作为附件；请删掉它，或换成报告原件`;
  if (!kind.is(bytes)) return `“${name}”的内容不是${kind.type}（扩展名和内容不符）。${allowed}，内容要和扩展名一致。请换成报告原件，或删掉它`;
  return undefined;
}

/** A file's attachment record, from its name and bytes. */
export function describeAttachment(name: string, bytes: Uint8Array): Attachment {
  const ext = extname(name).toLowerCase();
  const kind = TYPES[ext];
  const [type, mediaType] = kind ? [kind.type, kind.mediaType] : [`${ext ? `${ext.slice(1).toUpperCase()} ` : ''}文件`, 'application/octet-stream'];
  return { name, type, mediaType, bytes: bytes.byteLength, sha256: sha256Hex(bytes) };
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

/**
 * Names a file can be published under: no folder parts, no hidden files, no control
 * characters, and none of the direction overrides or invisible characters that make a name
 * read otherwise than it is (报告\u202Excod.exe shows as 报告exe.docx).
 */
export function isAttachmentName(name: string): boolean {
  return name.length > 0 && name.length <= 200 && !name.startsWith('.') && !/[\\/\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(name);
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
