/**
 * A .docx package, inflated once: its parts by name, for everything after (numbering.ts,
 * docx.ts, mammoth) to read without opening the zip again.
 *
 * Before anything is inflated, the zip's central directory is read and a package beyond any
 * real report is refused (DOCX_LIMITS): a small file can inflate to gigabytes. Each part is
 * then inflated with the size the directory states as its ceiling, so a directory that
 * understates a size cannot get past the limits either: such a package is not what it says,
 * and it is refused as broken.
 */
import { inflateRawSync } from 'node:zlib';
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
export const TOO_LARGE_ADVICE =
  '没有导入。请确认选对了文件；如果它确实是报告，请在 Word 中删去多余的内容（大量重复的文字、表格或图片），另存为 .docx 后再导入。';

/** The parts of a package by name ('word/document.xml'), inflated. */
export type Package = ReadonlyMap<string, Uint8Array>;

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
const STORED = 0;
const DEFLATED = 8;

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

/** One central directory record at `at`, and where the next one starts. */
function readEntry(b: Buffer, at: number): { entry: ZipEntry; next: number } {
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
  return { entry, next: at + 46 + nameLength + extraLength + commentLength };
}

/** Every entry of a zip's central directory, read without inflating anything. */
function readCentralDirectory(b: Buffer): ZipEntry[] {
  const { offset, count } = directoryExtent(b);
  if (count > DOCX_LIMITS.entries) throw new TooLargeError(`包含 ${count} 个部件，超过上限 ${DOCX_LIMITS.entries} 个。${TOO_LARGE_ADVICE}`);
  const entries: ZipEntry[] = [];
  for (let at = offset, i = 0; i < count; i++) {
    const { entry, next } = readEntry(b, at);
    entries.push(entry);
    at = next;
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

/** A part's bytes, inflated with its stated size as the ceiling; throws when it is not that size. */
function inflatePart(b: Buffer, e: ZipEntry): Uint8Array {
  const at = e.localOffset;
  if (at + 30 > b.length || b.readUInt32LE(at) !== LOCAL) throw new Error(`no local header for ${e.name}`);
  const start = at + 30 + b.readUInt16LE(at + 26) + b.readUInt16LE(at + 28);
  const data = b.subarray(start, start + e.compressedSize);
  if (e.method === STORED) {
    if (data.length !== e.uncompressedSize) throw new Error(`${e.name} is not the size stated`);
    return data;
  }
  if (e.method !== DEFLATED) throw new Error(`${e.name} is compressed with method ${e.method}`);
  // Throws when the output would pass the stated size.
  const out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressedSize) });
  if (out.length !== e.uncompressedSize) throw new Error(`${e.name} inflates to another size than stated`);
  return out;
}

/**
 * The package's parts, each inflated once. Refuses a .docx beyond DOCX_LIMITS before anything
 * is inflated (TooLargeError); throws an ordinary error for a zip that is broken or states its
 * sizes wrongly.
 */
export function readPackage(bytes: Buffer): Package {
  const entries = readCentralDirectory(bytes);
  checkSizes(entries);
  const parts = new Map<string, Uint8Array>();
  for (const e of entries) if (!e.name.endsWith('/')) parts.set(e.name, inflatePart(bytes, e));
  return parts;
}
