/**
 * Word documents: mammoth turns the .docx into plain HTML (paragraphs, tables, no styling),
 * and this reads that HTML into the same paragraphs a .txt gives, plus tables.
 *
 * mammoth drops Word's automatic numbers ("一、" from a list style), so before it runs they
 * are written into document.xml as text (numbering.ts) and the file is handed to mammoth
 * with that part replaced.
 *
 * Before anything is inflated, the zip's central directory is read and a package beyond any
 * real report is refused (DOCX_LIMITS): a small file can inflate to gigabytes. The sizes the
 * directory states are then held to (each part is inflated with that size as its ceiling),
 * so a directory that understates them cannot get past the limits either.
 */
import { posix } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import { load, type Cheerio, type CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import { rebuildNumbers } from './numbering.ts';
import type { Block } from './model.ts';
import { TooLargeError } from './errors.ts';
import { formatBytes } from '../domain/attachments.ts';

const MB = 1024 * 1024;

/**
 * What no real report's .docx comes near, so anything beyond is refused before it can use up
 * the computer's memory. A report's document.xml is 50 KB to 2 MB, its whole package (with
 * pictures) a few MB, its text a few hundred paragraphs; XML compresses about 5 to 20 times.
 */
export const DOCX_LIMITS = {
  /** Any one XML part (word/document.xml, styles, numbering…), uncompressed. */
  xmlPartBytes: 20 * MB,
  /** All parts together, uncompressed, pictures included. */
  packageBytes: 100 * MB,
  /** A part larger than `ratioFromBytes` that inflates more than this many times is refused. */
  ratio: 100,
  ratioFromBytes: 1 * MB,
  /** Parts in the package. */
  entries: 10_000,
  /** Paragraphs (w:p) in the main document. */
  paragraphs: 20_000,
} as const;

/** What the import does with a file beyond the limits, after saying which limit. */
const TOO_LARGE_ADVICE =
  '没有导入。请确认选对了文件；如果它确实是报告，请在 Word 中删去多余的内容（大量重复的文字、表格或图片），另存为 .docx 后再导入。';

/** One file in a zip, as its central directory describes it. */
interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const U32_MAX = 0xffffffff;

/** A 64-bit little-endian size as a number (sizes beyond 2^53 are beyond every limit anyway). */
const u64 = (b: Buffer, at: number) => Number(b.readBigUInt64LE(at));

/** The end of central directory record: where the directory starts and how many entries it has. */
function directoryExtent(b: Buffer): { offset: number; count: number } {
  for (let at = b.length - 22; at >= Math.max(0, b.length - 22 - 0xffff); at--) {
    if (b.readUInt32LE(at) !== EOCD) continue;
    let count = b.readUInt16LE(at + 10);
    let offset = b.readUInt32LE(at + 16);
    if ((count === 0xffff || offset === U32_MAX) && at >= 20 && b.readUInt32LE(at - 20) === ZIP64_LOCATOR) {
      const z = u64(b, at - 12);
      if (z + 56 > b.length || b.readUInt32LE(z) !== ZIP64_EOCD) throw new Error('zip64 directory not found');
      count = u64(b, z + 32);
      offset = u64(b, z + 48);
    }
    return { offset, count };
  }
  throw new Error('not a zip file');
}

/** Sizes and offset from a ZIP64 extra field, for the fields the entry marks as 0xFFFFFFFF. */
function zip64Sizes(extra: Buffer, e: ZipEntry): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let p = at + 4;
      const next = () => {
        const v = p + 8 <= extra.length ? u64(extra, p) : U32_MAX;
        p += 8;
        return v;
      };
      if (e.uncompressedSize === U32_MAX) e.uncompressedSize = next();
      if (e.compressedSize === U32_MAX) e.compressedSize = next();
      if (e.localOffset === U32_MAX) e.localOffset = next();
      return;
    }
    at += 4 + size;
  }
}

/** Every entry of a zip's central directory, read without inflating anything. */
function readCentralDirectory(b: Buffer): ZipEntry[] {
  const { offset, count } = directoryExtent(b);
  if (count > DOCX_LIMITS.entries) throw new TooLargeError(`包含 ${count} 个部件，超过上限 ${DOCX_LIMITS.entries} 个。${TOO_LARGE_ADVICE}`);
  const entries: ZipEntry[] = [];
  for (let at = offset, i = 0; i < count; i++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== CENTRAL) throw new Error('broken central directory');
    const [nameLength, extraLength, commentLength] = [b.readUInt16LE(at + 28), b.readUInt16LE(at + 30), b.readUInt16LE(at + 32)];
    const entry: ZipEntry = {
      name: b.toString('utf8', at + 46, at + 46 + nameLength),
      method: b.readUInt16LE(at + 10),
      compressedSize: b.readUInt32LE(at + 20),
      uncompressedSize: b.readUInt32LE(at + 24),
      localOffset: b.readUInt32LE(at + 42),
    };
    zip64Sizes(b.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Refuses a package whose stated sizes are beyond DOCX_LIMITS; the message says which limit. */
function checkSizes(entries: readonly ZipEntry[]): void {
  const L = DOCX_LIMITS;
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  const tooLarge = (what: string) => new TooLargeError(`${what}${TOO_LARGE_ADVICE}`);
  for (const e of entries) {
    if (/\.(xml|rels)$/i.test(e.name) && e.uncompressedSize > L.xmlPartBytes) {
      throw tooLarge(`解压后其中的 ${e.name} 有 ${formatBytes(e.uncompressedSize)}，超过上限 ${formatBytes(L.xmlPartBytes)}（一份报告的正文通常不到 2 MB）。`);
    }
  }
  if (total > L.packageBytes) {
    throw tooLarge(`解压后共有 ${formatBytes(total)}，超过上限 ${formatBytes(L.packageBytes)}（一份报告连同图片通常只有几 MB）。`);
  }
  for (const e of entries) {
    if (e.uncompressedSize > L.ratioFromBytes && e.uncompressedSize > L.ratio * Math.max(1, e.compressedSize)) {
      throw tooLarge(
        `其中的 ${e.name} 从 ${formatBytes(e.compressedSize)} 解压成 ${formatBytes(e.uncompressedSize)}，压缩比超过上限 ${L.ratio}:1（超过 ${formatBytes(L.ratioFromBytes)} 的部件）。`,
      );
    }
  }
}

/** Inflates every part with its stated size as the ceiling: a part that inflates to more is not what its directory says. */
function holdToStatedSizes(b: Buffer, entries: readonly ZipEntry[]): void {
  for (const e of entries) {
    if (e.method !== 8) continue; // stored parts are their size; other methods JSZip refuses
    const at = e.localOffset;
    if (at + 30 > b.length || b.readUInt32LE(at) !== LOCAL) throw new Error(`no local header for ${e.name}`);
    const start = at + 30 + b.readUInt16LE(at + 26) + b.readUInt16LE(at + 28);
    const data = b.subarray(start, start + e.compressedSize);
    // Throws when the output would pass the stated size.
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressedSize) });
    if (out.length !== e.uncompressedSize) throw new Error(`${e.name} inflates to another size than stated`);
  }
}

/**
 * Refuses a .docx beyond DOCX_LIMITS before anything is inflated (TooLargeError); throws an
 * ordinary error for a zip that is broken or states its sizes wrongly.
 */
export function checkDocxPackage(bytes: Buffer): void {
  const entries = readCentralDirectory(bytes);
  checkSizes(entries);
  holdToStatedSizes(bytes, entries);
}

/** Refuses a main document with more paragraphs than DOCX_LIMITS allows, before it is parsed. */
export function checkParagraphCount(documentXml: string): void {
  const paragraph = /<(?:[\w.-]+:)?p[\s>/]/g;
  let count = 0;
  while (paragraph.exec(documentXml)) count++;
  if (count > DOCX_LIMITS.paragraphs) {
    throw new TooLargeError(`正文有 ${count} 段，超过上限 ${DOCX_LIMITS.paragraphs} 段（一份报告通常只有几百段）。${TOO_LARGE_ADVICE}`);
  }
}

export interface FromDocx {
  blocks: Block[];
  warnings: string[];
}

/** Throws when the bytes are not a readable .docx; the caller says which file. */
export async function docxToHtml(bytes: Buffer): Promise<{ html: string; warnings: string[] }> {
  checkDocxPackage(bytes);
  const numbered = await numbersAsText(bytes);
  return { html: (await mammoth.convertToHtml({ buffer: numbered.bytes })).value, warnings: numbered.warnings };
}

/** The .docx with its automatic numbers as text, and what of them could not be rebuilt. */
async function numbersAsText(bytes: Buffer): Promise<{ bytes: Buffer; warnings: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const main = (await related(zip, '', 'officeDocument')) ?? 'word/document.xml';
  const numbering = await related(zip, main, 'numbering');
  const [documentXml, numberingXml, stylesXml] = await Promise.all(
    [main, numbering, await related(zip, main, 'styles')].map((p) => (p ? zip.file(p)?.async('string') : undefined)),
  );
  if (documentXml) checkParagraphCount(documentXml);
  // Without a numbering part nothing is numbered; a broken part is left for mammoth to judge.
  if (!documentXml || !numberingXml) return { bytes, warnings: [] };
  let rebuilt;
  try {
    rebuilt = rebuildNumbers(documentXml, numberingXml, stylesXml);
  } catch {
    return { bytes, warnings: [] };
  }
  const warnings: string[] = [];
  if (rebuilt.pictureBullets) warnings.push(`Word 文档中有 ${rebuilt.pictureBullets} 段的项目符号是图片，符号没有导入，只导入了文字。`);
  if (rebuilt.unsupported.size) {
    const count = [...rebuilt.unsupported.values()].reduce((a, b) => a + b, 0);
    warnings.push(
      `Word 文档中有 ${count} 段的自动编号格式（${[...rebuilt.unsupported.keys()].join('、')}）无法照原样还原，已按阿拉伯数字（1、2、3）导入。请核对这些段落的编号。`,
    );
  }
  zip.file(main, rebuilt.xml);
  return { bytes: await zip.generateAsync({ type: 'nodebuffer' }), warnings };
}

/** The part a relationship of the given type points to from `part` ('' for the package). */
async function related(zip: JSZip, part: string, type: string): Promise<string | undefined> {
  const relsPath = posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
  const rels = await zip.file(relsPath)?.async('string');
  if (!rels) return undefined;
  const doc = new DOMParser({ errorHandler: { warning: () => {}, error: () => {} } }).parseFromString(rels, 'text/xml');
  for (const rel of Array.from(doc.getElementsByTagName('Relationship'))) {
    const target = rel.getAttribute('Target');
    if (!target || rel.getAttribute('TargetMode') === 'External' || !rel.getAttribute('Type')?.endsWith(`/${type}`)) continue;
    return target.startsWith('/') ? target.slice(1) : posix.join(posix.dirname(part), target);
  }
  return undefined;
}

export function htmlToBlocks(html: string): FromDocx {
  const $ = load(html, null, false);
  const warnings: string[] = [];
  // Footnotes come last in mammoth's HTML and would be taken for the signature.
  const notes = $('li[id^="footnote-"], li[id^="endnote-"]');
  if (notes.length) {
    warnings.push(`Word 文档中的 ${notes.length} 个脚注或尾注没有导入；需要时请把内容写进正文。`);
    notes.parent().remove();
    $('a[href^="#footnote-"], a[href^="#endnote-"]').remove();
  }
  const images = $('img').length;
  if (images) warnings.push(`Word 文档中的 ${images} 张图片没有导入。`);
  const state = { lists: 0, merged: 0 };
  const blocks = walk($, $.root().contents(), state);
  // Numbers are written in as text before mammoth runs; a list left here is one they could not be.
  if (state.lists) {
    warnings.push(
      `Word 文档中有 ${state.lists} 段使用了自动编号或项目符号，但编号无法还原：只导入了文字。请核对这些段落；“一、”等标题是自动编号时，可以把全文复制到记事本、另存为 UTF-8 的 .txt 再导入（复制时编号会变成文字）。`,
    );
  }
  if (state.merged) warnings.push(`有 ${state.merged} 个表格含合并单元格：已拆成空白单元格，请核对。`);
  return { blocks, warnings };
}

function walk($: CheerioAPI, nodes: Cheerio<AnyNode>, state: { lists: number; merged: number }): Block[] {
  const blocks: Block[] = [];
  nodes.each((_, node) => {
    if (node.type === 'text') {
      blocks.push(...lines(node.data));
      return;
    }
    if (node.type !== 'tag') return;
    const name = node.name;
    if (name === 'table') blocks.push(table($, node, state));
    else if (name === 'li') {
      state.lists++;
      const own = $(node).contents().filter((_, c) => !(c.type === 'tag' && /^(ul|ol)$/.test(c.name)));
      blocks.push(...lines(own.map((_, c) => textOf($, c)).get().join('')));
      blocks.push(...walk($, $(node).children('ul, ol'), state));
    } else if (/^(p|h[1-6])$/.test(name)) blocks.push(...lines(textOf($, node)));
    else blocks.push(...walk($, $(node).contents(), state));
  });
  return blocks;
}

/** Text of an element, with its line breaks (<br>) as \n. */
function textOf($: CheerioAPI, node: AnyNode): string {
  if (node.type === 'text') return node.data;
  if (node.type !== 'tag') return '';
  if (node.name === 'br') return '\n';
  return $(node)
    .contents()
    .map((_, c) => textOf($, c))
    .get()
    .join('');
}

function lines(text: string): Block[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((text) => ({ kind: 'line', text }));
}

/** A table as a grid of cell texts; merged cells become the text and empty cells. */
function table($: CheerioAPI, el: Element, state: { lists: number; merged: number }): Block {
  const grid: string[][] = [];
  let merged = false;
  $(el)
    .find('tr')
    .filter((_, tr) => $(tr).closest('table')[0] === el)
    .each((r, tr) => {
      const row = (grid[r] ??= []);
      let col = 0;
      $(tr)
        .children('td, th')
        .each((_, td) => {
          while (row[col] !== undefined) col++;
          const cs = Math.max(1, Number($(td).attr('colspan')) || 1);
          const rs = Math.max(1, Number($(td).attr('rowspan')) || 1);
          if (cs > 1 || rs > 1) merged = true;
          const text = cellText($, td, state);
          for (let dr = 0; dr < rs; dr++) {
            const target = (grid[r + dr] ??= []);
            for (let dc = 0; dc < cs; dc++) target[col + dc] = dr === 0 && dc === 0 ? text : '';
          }
          col += cs;
        });
    });
  if (merged) state.merged++;
  return { kind: 'table', rows: grid.map((row) => Array.from(row, (c) => c ?? '')) };
}

function cellText($: CheerioAPI, td: Element, state: { lists: number; merged: number }): string {
  return walk($, $(td).contents(), state)
    .map((b) => (b.kind === 'line' ? b.text : b.rows.map((r) => r.join(' ')).join('\n')))
    .join('\n');
}
