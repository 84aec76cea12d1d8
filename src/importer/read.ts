/** From a file as staff have it to paragraphs and tables, or a message saying what to do. */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { decodeText, type Encoding } from './decode.ts';
import { docxToHtml, htmlToBlocks } from './docx.ts';
import { ImportError } from './errors.ts';
import { textToBlocks } from './parse.ts';
import type { Block } from './model.ts';

export type Kind = 'docx' | 'txt' | 'doc' | 'pdf' | 'unknown';

/** What a file is, by its first bytes where they tell, else by its extension. */
export function sniff(fileName: string, bytes: Uint8Array): Kind {
  const ext = extname(fileName).toLowerCase();
  const head = Buffer.from(bytes.subarray(0, 1024));
  if (head.includes('%PDF-') || ext === '.pdf') return 'pdf';
  // OLE2 compound file: an old .doc (or .wps), or a password-protected .docx.
  if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])) || ext === '.doc') return 'doc';
  if (ext === '.docx') return 'docx';
  if (ext === '.txt') return 'txt';
  return 'unknown';
}

export interface Read {
  blocks: Block[];
  /** How the file was read, for the summary: 'Word 文档（.docx）', '文本文件（UTF-8 编码）'. */
  format: string;
  warnings: string[];
}

export async function readBlocks(path: string, shown: string): Promise<Read> {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) throw new ImportError(`找不到文件 ${shown}。请检查文件名和路径是否写对（可以把文件拖进终端窗口得到完整路径）。`);
  if (!stat.isFile()) throw new ImportError(`${shown} 不是文件（可能是文件夹）。请指定报告的 .docx 或 .txt 文件。`);
  const bytes = readFileSync(path);
  const empty = () => new ImportError(`${shown} 是空的，没有任何文字。请确认选对了文件，或在原文中写好报告后再导入。`);
  if (!bytes.length) throw empty();
  const kind = sniff(path, bytes);
  if (kind === 'pdf') {
    throw new ImportError(`${shown} 是 PDF 文件，无法可靠地取出原文。请导入报告的 Word 原件（.docx），或把正文复制到记事本中保存为 .txt 后再导入。`);
  }
  if (kind === 'doc') {
    throw new ImportError(`${shown} 是旧版 Word 文档（.doc）或加了密码的 Word 文档，无法直接导入：请在 Word 中另存为 .docx 后再导入（加了密码的请先取消密码）。`);
  }
  if (kind === 'unknown') {
    const ext = extname(path) || '（没有扩展名）';
    throw new ImportError(`不支持 ${ext} 文件：${shown}。请导入 Word 文档（.docx）或纯文本文件（.txt）。`);
  }
  const read = kind === 'docx' ? await fromDocx(bytes, shown) : fromText(bytes, shown);
  if (!read.blocks.length) throw empty();
  return read;
}

async function fromDocx(bytes: Buffer, shown: string): Promise<Read> {
  let html: string;
  try {
    html = await docxToHtml(bytes);
  } catch {
    throw new ImportError(`${shown} 不是有效的 .docx 文件（可能已损坏，或只是改了扩展名）。请在 Word 中打开它，另存为 .docx 后再导入。`);
  }
  return { ...htmlToBlocks(html), format: 'Word 文档（.docx）' };
}

const ENCODING_NAMES: Record<Encoding, string> = { 'UTF-8': 'UTF-8', GB18030: 'GBK/GB18030', 'UTF-16': 'UTF-16' };

function fromText(bytes: Buffer, shown: string): Read {
  const decoded = decodeText(bytes);
  if (!decoded) {
    throw new ImportError(
      `无法识别 ${shown} 的文字编码：它既不是 UTF-8，也不是 GBK/GB18030 文本（也可能根本不是文本文件）。请用记事本打开它，确认文字显示正常后“另存为”，编码选“UTF-8”，再导入。`,
    );
  }
  const warnings = decoded.removedControls
    ? [`文本中有 ${decoded.removedControls} 个不可见的控制字符，已删除。`]
    : [];
  return { blocks: textToBlocks(decoded.text), warnings, format: `文本文件（${ENCODING_NAMES[decoded.encoding]} 编码）` };
}
