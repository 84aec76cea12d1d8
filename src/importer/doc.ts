/**
 * OLE compound files: old binary Word documents (.doc, and WPS Office's .wps, which is the
 * same format) read through word-extractor, and the other files that share the container
 * and must be told apart: a password-protected .docx (an OLE file holding EncryptionInfo and
 * EncryptedPackage), a password-protected .doc (fEncrypted in its file information block),
 * and files of other programs (no WordDocument stream).
 *
 * word-extractor gives the body as plain text, a paragraph a line. Its default Unicode filter
 * would turn “” into "" and — into -, so it is switched off: the text stays as typed. It does
 * not give Word's automatic numbers, pictures or table structure (a table row comes as its
 * cells separated by tabs); the caller says so where it matters.
 */
import { withoutInvisible } from '../domain/invisible.ts';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';

interface Extracted {
  getBody(options?: { filterUnicode?: boolean }): string;
  getFootnotes(options?: { filterUnicode?: boolean }): string;
  getEndnotes(options?: { filterUnicode?: boolean }): string;
  getTextboxes(options?: { filterUnicode?: boolean; includeHeadersAndFooters?: boolean; includeBody?: boolean }): string;
}
interface CompoundDoc {
  read(): Promise<CompoundDoc>;
  /** A stream of the root storage; a missing one is empty. */
  stream(name: string): Readable;
}

const require = createRequire(import.meta.url);
const WordExtractor = require('word-extractor') as new () => { extract(source: Buffer): Promise<Extracted> };
// word-extractor's own OLE reader, to look inside the container before extracting (no `exports`
// map restricts these paths; the version is pinned in package.json).
const OleCompoundDoc = require('word-extractor/lib/ole-compound-doc.js') as new (reader: unknown) => CompoundDoc;
const BufferReader = require('word-extractor/lib/buffer-reader.js') as new (bytes: Buffer) => unknown;

export type OleContent =
  | { kind: 'encrypted' }
  /** An OLE file of another program (Excel, Works, …). */
  | { kind: 'other' }
  | {
      kind: 'word';
      text: string;
      /** Invisible control characters dropped from the text. */
      removedControls: number;
      notes: boolean;
      textboxes: boolean;
      /** Lines that were table rows (they end in the row's tab). */
      tableRows: number;
    };

/** Throws when the bytes are no readable OLE file; the caller says which file. */
export async function readOle(bytes: Buffer): Promise<OleContent> {
  const ole = await new OleCompoundDoc(new BufferReader(bytes)).read();
  const [encryptionInfo, encryptedPackage, wordDocument] = await Promise.all(
    ['EncryptionInfo', 'EncryptedPackage', 'WordDocument'].map((name) => streamBytes(ole.stream(name))),
  );
  if (encryptionInfo!.length || encryptedPackage!.length) return { kind: 'encrypted' };
  if (wordDocument!.length < 12 || wordDocument!.readUInt16LE(0) !== 0xa5ec) return { kind: 'other' };
  // FIB base: wIdent 0xA5EC, then at 0x0A the flags, whose bit 8 is fEncrypted.
  if (wordDocument!.readUInt16LE(0x0a) & 0x0100) return { kind: 'encrypted' };

  const doc = await new WordExtractor().extract(bytes);
  const raw = { filterUnicode: false };
  const body = doc.getBody(raw).replace(/[\v\f]/g, '\n');
  const seen = withoutInvisible(body);
  return {
    kind: 'word',
    text: seen.text,
    removedControls: seen.dropped,
    notes: !!(doc.getFootnotes(raw) + doc.getEndnotes(raw)).trim(),
    textboxes: !!doc.getTextboxes({ ...raw, includeHeadersAndFooters: false }).trim(),
    tableRows: body.split('\n').filter((line) => line.trim() && line.endsWith('\t')).length,
  };
}

function streamBytes(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('error', reject);
    stream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
