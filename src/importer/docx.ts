/**
 * Word documents (.docx) to HTML: the package is inflated once (zip.ts, which also refuses one
 * beyond any real report), Word's automatic numbers are written into the main document as text
 * (numbering.ts: mammoth drops them), and mammoth turns the parts into plain HTML (paragraphs,
 * bold, tables, footnotes; no styling), reading them from memory. html.ts reads that HTML into
 * the paragraphs a report is made of.
 */
import { posix } from 'node:path';
import mammoth from 'mammoth';
import { DOMParser } from '@xmldom/xmldom';
import { rebuildNumbers } from './numbering.ts';
import { TooLargeError } from './errors.ts';
import { DOCX_LIMITS, readPackage, TOO_LARGE_ADVICE, type Package } from './zip.ts';

/** Refuses a main document with more paragraphs than DOCX_LIMITS allows, before it is parsed. */
export function checkParagraphCount(documentXml: string): void {
  const paragraph = /<(?:[\w.-]+:)?p[\s>/]/g;
  let count = 0;
  while (paragraph.exec(documentXml)) count++;
  if (count > DOCX_LIMITS.paragraphs) {
    throw new TooLargeError(`正文有 ${count} 段，超过上限 ${DOCX_LIMITS.paragraphs} 段（一份报告通常只有几百段）。${TOO_LARGE_ADVICE}`);
  }
}

const utf8 = new TextDecoder();

/** The part a relationship of the given type points to from `part` ('' for the package). */
function related(parts: Package, part: string, type: string): string | undefined {
  const rels = parts.get(posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`));
  if (!rels) return undefined;
  const doc = new DOMParser({ errorHandler: { warning: () => {}, error: () => {} } }).parseFromString(utf8.decode(rels), 'text/xml');
  for (const rel of Array.from(doc.getElementsByTagName('Relationship'))) {
    const target = rel.getAttribute('Target');
    if (!target || rel.getAttribute('TargetMode') === 'External' || !rel.getAttribute('Type')?.endsWith(`/${type}`)) continue;
    return target.startsWith('/') ? target.slice(1) : posix.join(posix.dirname(part), target);
  }
  return undefined;
}

/** The main document with its automatic numbers as text, and what of them could not be rebuilt. */
function numbersAsText(parts: Package, main: string, documentXml: string): { xml: string; warnings: string[] } {
  const read = (name: string | undefined) => (name && parts.has(name) ? utf8.decode(parts.get(name)) : undefined);
  const numberingXml = read(related(parts, main, 'numbering'));
  // Without a numbering part nothing is numbered; a broken part is left for mammoth to judge.
  if (!numberingXml) return { xml: documentXml, warnings: [] };
  let rebuilt;
  try {
    rebuilt = rebuildNumbers(documentXml, numberingXml, read(related(parts, main, 'styles')));
  } catch {
    return { xml: documentXml, warnings: [] };
  }
  const warnings: string[] = [];
  if (rebuilt.pictureBullets) warnings.push(`Word 文档中有 ${rebuilt.pictureBullets} 段的项目符号是图片，符号没有导入，只导入了文字。`);
  if (rebuilt.unsupported.size) {
    const count = [...rebuilt.unsupported.values()].reduce((a, b) => a + b, 0);
    warnings.push(
      `Word 文档中有 ${count} 段的自动编号格式（${[...rebuilt.unsupported.keys()].join('、')}）无法照原样还原，已按阿拉伯数字（1、2、3）导入。请核对这些段落的编号。`,
    );
  }
  return { xml: rebuilt.xml, warnings };
}

/** The package as mammoth opens a zip (its `file` input), read from memory; `replaced` parts as given. */
function packageFile(parts: Package, replaced: Record<string, string>) {
  const bytes = (name: string) => (name in replaced ? new TextEncoder().encode(replaced[name]) : parts.get(name)!);
  return {
    exists: (name: string) => name in replaced || parts.has(name),
    read: async (name: string, encoding?: string) => {
      const b = bytes(name);
      if (encoding === 'base64') return Buffer.from(b).toString('base64');
      return encoding ? new TextDecoder(encoding).decode(b) : b;
    },
    write: () => {
      throw new Error('the package is read only');
    },
    toArrayBuffer: () => {
      throw new Error('the package is read only');
    },
  };
}

/** Throws when the bytes are not a readable .docx (TooLargeError beyond DOCX_LIMITS); the caller says which file. */
export async function docxToHtml(bytes: Buffer): Promise<{ html: string; warnings: string[] }> {
  const parts = readPackage(bytes);
  const main = related(parts, '', 'officeDocument') ?? 'word/document.xml';
  const document = parts.get(main);
  if (!document) throw new Error('no main document');
  const documentXml = utf8.decode(document);
  checkParagraphCount(documentXml);
  const numbered = numbersAsText(parts, main, documentXml);
  // mammoth's typings name path, buffer and arrayBuffer; its reader also takes an opened zip as `file`.
  const input = { file: packageFile(parts, { [main]: numbered.xml }) } as unknown as { buffer: Buffer };
  return { html: (await mammoth.convertToHtml(input)).value, warnings: numbered.warnings };
}
