/**
 * From a file as staff have it to paragraphs and tables, or a message saying what to do.
 * Takes .docx (mammoth, with Word's automatic numbers rebuilt), old .doc and .wps
 * (word-extractor) and .txt; every other kind gets a message naming the file. A file larger
 * than any real report (FILE_LIMITS here, DOCX_LIMITS in zip.ts) is refused before it is read
 * or inflated.
 */
import { withoutInvisible } from '../domain/invisible.ts';
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { decodeText, type Encoding } from './decode.ts';
import { ImportError, TooLargeError } from './errors.ts';
import { formatBytes } from '../domain/attachments.ts';
import { textToBlocks } from './parse.ts';
import { unwrap } from './unwrap.ts';
import { PART_SCHEMES, readLabel } from './labels.ts';
import type { Block, Notes } from './model.ts';

/** 'ole': an OLE compound file, i.e. an old .doc or .wps, or a password-protected .docx. */
export type Kind = 'docx' | 'txt' | 'ole' | 'pdf' | 'unknown';

const MB = 1024 * 1024;

/**
 * The largest files read at all. A report's text is 10 to 100 KB; an old .doc or .wps with
 * pictures a few MB; a .docx is further held to DOCX_LIMITS (its parts uncompressed).
 */
export const FILE_LIMITS = {
  /** Any file, checked before it is read. */
  anyBytes: 100 * MB,
  /** A .txt. */
  textBytes: 5 * MB,
  /** An old .doc or .wps. */
  oleBytes: 50 * MB,
} as const;

/** The refusal of a file beyond a limit, naming the file, its size and the limit. */
function tooLarge(shown: string, bytes: number, limit: number, kind: string, usual: string): ImportError {
  return new ImportError(
    `${shown} 有 ${formatBytes(bytes)}，超过${kind}的上限 ${formatBytes(limit)}（${usual}），没有导入。请确认选对了文件。`,
  );
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');

/** What a file is, by its first bytes where they tell, else by its extension. */
export function sniff(fileName: string, bytes: Uint8Array): Kind {
  const ext = extname(fileName).toLowerCase();
  const head = Buffer.from(bytes.subarray(0, 1024));
  if (head.includes('%PDF-') || ext === '.pdf') return 'pdf';
  if (head.subarray(0, 4).equals(OLE_MAGIC)) return 'ole';
  // A zip is a .docx when so named (or a .docx renamed .doc); .odt and the zip form of .wps are not.
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) return ext === '.docx' || ext === '.doc' ? 'docx' : 'unknown';
  if (ext === '.docx') return 'docx';
  if (ext === '.doc' || ext === '.wps') return 'ole';
  if (ext === '.txt') return 'txt';
  return 'unknown';
}

export interface Read {
  blocks: Block[];
  /** How the file was read, for the summary: 'Word 文档（.docx）', '文本文件（UTF-8 编码）'. */
  format: string;
  warnings: string[];
  /** A Word document's footnotes by id; their marks are in the blocks (Line.notes). */
  notes?: Notes;
}

export async function readBlocks(path: string, shown: string): Promise<Read> {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) throw new ImportError(`找不到文件 ${shown}。请检查文件名和路径是否写对（可以把文件拖进终端窗口得到完整路径）。`);
  if (!stat.isFile()) throw new ImportError(`${shown} 不是文件（可能是文件夹）。请指定报告的 Word 文档（.docx、.doc）或 .txt 文件。`);
  if (stat.size > FILE_LIMITS.anyBytes) throw tooLarge(shown, stat.size, FILE_LIMITS.anyBytes, '可导入文件', '一份报告的原文通常只有几 MB');
  const bytes = readFileSync(path);
  const empty = () => new ImportError(`${shown} 是空的，没有任何文字。请确认选对了文件，或在原文中写好报告后再导入。`);
  if (!bytes.length) throw empty();
  const kind = sniff(path, bytes);
  if (kind === 'pdf') {
    throw new ImportError(`${shown} 是 PDF 文件，无法可靠地取出原文。请导入报告的 Word 原件（.docx），或把正文复制到记事本中保存为 .txt 后再导入。`);
  }
  if (kind === 'unknown') {
    const ext = extname(path) || '（没有扩展名）';
    throw new ImportError(
      `不支持 ${ext} 文件：${shown}。请在 Word 或 WPS 中另存为 .docx 后再导入（也可以把正文复制到记事本，保存为 .txt 后导入）。`,
    );
  }
  if (kind === 'txt' && bytes.length > FILE_LIMITS.textBytes) {
    throw tooLarge(shown, bytes.length, FILE_LIMITS.textBytes, '文本文件', '一份报告的文字通常不到 100 KB');
  }
  if (kind === 'ole' && bytes.length > FILE_LIMITS.oleBytes) {
    throw tooLarge(shown, bytes.length, FILE_LIMITS.oleBytes, '旧版 Word 或 WPS 文档', '一份报告连同图片通常只有几 MB');
  }
  const read = kind === 'docx' ? await fromDocx(bytes, shown) : kind === 'ole' ? await fromOle(bytes, shown, extname(path)) : fromText(bytes, shown);
  if (!read.blocks.length) throw empty();
  return read;
}

// The Word readers (mammoth and cheerio, word-extractor) are loaded for a Word file only: a
// .txt is read without them.
async function fromDocx(bytes: Buffer, shown: string): Promise<Read> {
  const [{ docxToHtml }, { htmlToBlocks }] = await Promise.all([import('./docx.ts'), import('./html.ts')]);
  let converted;
  try {
    converted = await docxToHtml(bytes);
  } catch (e) {
    if (e instanceof TooLargeError) throw new ImportError(`${shown} 太大，不像一份年度报告：${e.message}`);
    throw new ImportError(`${shown} 不是有效的 .docx 文件（可能已损坏，或只是改了扩展名）。请在 Word 中打开它，另存为 .docx 后再导入。`);
  }
  const seen = withoutInvisible(converted.html);
  const { blocks, warnings, notes } = htmlToBlocks(seen.text);
  const dropped = seen.dropped ? [`文档中有 ${seen.dropped} 个不可见的字符（如零宽空格、改变文字方向的控制字符），已删除。`] : [];
  return { blocks, notes, warnings: [...converted.warnings, ...warnings, ...dropped], format: 'Word 文档（.docx）' };
}

/** An old .doc or .wps, read with the same paragraph rules as a .txt. */
async function fromOle(bytes: Buffer, shown: string, ext: string): Promise<Read> {
  const saveAs = '请在 Word 或 WPS 中打开它，另存为 .docx 后再导入。';
  const { readOle } = await import('./doc.ts');
  let content;
  try {
    content = await readOle(bytes);
  } catch {
    throw new ImportError(`${shown} 无法作为 Word 文档读取（可能已损坏，或实际是其他格式的文件）。${saveAs}`);
  }
  if (content.kind === 'encrypted') {
    throw new ImportError(`${shown} 加了密码，请先在 Word 中取消密码再导入（“文件”→“信息”→“保护文档”→“用密码进行加密”，清空密码后保存）。`);
  }
  if (content.kind === 'other') throw new ImportError(`${shown} 不是 Word 文档（可能是其他软件的文件）。${saveAs}`);
  const blocks = textToBlocks(content.text);
  const warnings: string[] = [];
  if (content.removedControls) warnings.push(`文档中有 ${content.removedControls} 个不可见的控制字符，已删除。`);
  if (content.notes) warnings.push(`文档中的脚注或尾注没有导入：旧版文档读不出脚注标在哪里。要保留脚注，${saveAs}`);
  if (content.textboxes) warnings.push('文档中文本框里的文字没有导入；需要时请把内容写进正文。');
  if (content.tableRows) {
    warnings.push(`文档中的表格（${content.tableRows} 行）按文字导入：每行一段，单元格之间用制表符隔开。要导入成表格，${saveAs}`);
  }
  // Automatic numbers are not in an old document's text: without typed ones, say where they went.
  const first = (b: { text: string }) => {
    const l = readLabel(b.text);
    return l?.n === 1 && PART_SCHEMES.includes(l.scheme);
  };
  if (!blocks.some(first)) {
    warnings.push(`旧版文档中的自动编号读不出来：如果“一、”等编号是 Word 自动生成的，${saveAs}`);
  }
  const format = ext.toLowerCase() === '.wps' ? 'WPS 文字文档（.wps）' : '旧版 Word 文档（.doc）';
  return { blocks, warnings, format };
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
  const unwrapped = unwrap(decoded.text);
  if (unwrapped.joined) {
    warnings.push(`文字像是从 PDF 复制的：每行在约 ${Math.round(unwrapped.width! / 2)} 个字处断开，已把 ${unwrapped.joined} 处断行接回段落。请对照原文核对分段。`);
  }
  return { blocks: textToBlocks(unwrapped.text), warnings, format: `文本文件（${ENCODING_NAMES[decoded.encoding]} 编码）` };
}
