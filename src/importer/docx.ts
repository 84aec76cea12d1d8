/**
 * Word documents: mammoth turns the .docx into plain HTML (paragraphs, tables, no styling),
 * and this reads that HTML into the same paragraphs a .txt gives, plus tables.
 *
 * mammoth drops Word's automatic numbers ("一、" from a list style), so before it runs they
 * are written into document.xml as text (numbering.ts) and the file is handed to mammoth
 * with that part replaced.
 */
import { posix } from 'node:path';
import mammoth from 'mammoth';
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import { load, type Cheerio, type CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import { rebuildNumbers } from './numbering.ts';
import type { Block } from './model.ts';

export interface FromDocx {
  blocks: Block[];
  warnings: string[];
}

/** Throws when the bytes are not a readable .docx; the caller says which file. */
export async function docxToHtml(bytes: Buffer): Promise<{ html: string; warnings: string[] }> {
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
