/**
 * What is printed around a report but is not its text: page furniture and 政务公开 metadata.
 * Every line left out is kept with the reason (LeftOut) for the import summary; metadata that
 * belongs in the report entry is read into Metadata. Recognised by shape, wherever it stands:
 *
 * - 政务公开 metadata: rows of “label：value” pairs whose labels are the disclosure catalogue's
 *   field names (索引号、发布机构、成文日期、发布日期、文号、有效性、主题分类、公开方式 …; see
 *   FIELDS), or of such labels and values separated by tabs (a table copied as text), a label
 *   alone on its line with its value on the next, and Word tables whose cells are such labels. Rows of the labels a news page prints (来源、时间、作者、浏览次数 …; see
 *   PAGE_LABELS) count when a row holds two of them, or one with a short value.
 * - a date and time alone on a line (2025-01-15 10:30), or before a row of a news page's labels
 *   (2025-01-15 10:30　来源：…): a news page's publication time, never the 成文日期;
 * - page numbers: 第 1 页、第1页 共3页、— 1 —、- 1 -、1/3、Page 1 of 3, or a bare number;
 * - web page chrome: the 位置 breadcrumb (您当前所在位置：首页 > …), 今天是…, 字体/字号/保护视力色/
 *   浏览次数/分享到… rows, button rows (【打印本页】【关闭窗口】), rows of nothing but the words
 *   such buttons print (打印本页 关闭窗口 设为首页 长者版 简体 繁体 …, or a lone ×), the site's
 *   footer (主办：… 承办：…, 版权所有, 网站标识码, …ICP备00000000号) and a file name alone on a
 *   line (a download link). The vocabulary is data, furniture-words.json, which says in
 *   Chinese how a bureau extends it;
 * - 公文 lines: 签发人, 公开属性 (（此件公开发布）、（此页无正文）), 版记 (抄送：…, …年…月…日印发),
 *   separator lines (━━━, ★★★, or six and more of - = _ *);
 * - running headers and footers: a short line printed again where a page breaks (next to a
 *   page number); its first appearance stays (it is often the title).
 * The letterhead, the 文号, 主送机关 and the lines under the title are the head's (head.ts);
 * what follows the 落款 is the signature's (signature.ts).
 */
import { isValidIsoDate } from '../domain/dates.ts';
import type { IsoDate } from '../domain/dates.ts';
import type { Block, LeftOut, Line, Metadata, Table } from './model.ts';
import { readLabel } from './labels.ts';
import { halfWidthDigits } from './signature.ts';
import words from './furniture-words.json' with { type: 'json' };

/** A word as it stands in a pattern: its characters, escaped. */
const literal = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Field = keyof Metadata;

/** The disclosure catalogue's field names, and the report field each one fills (null: none). */
const FIELDS: Record<string, Field | null> = {
  索引号: 'indexNumber',
  发布机构: 'agency',
  发文机关: 'agency',
  发文机构: 'agency',
  发布单位: 'agency',
  成文日期: 'signedOn',
  发文日期: 'signedOn',
  生成日期: 'signedOn',
  发布日期: 'publishedOn',
  公开日期: 'publishedOn',
  文号: 'documentNumber',
  发文字号: 'documentNumber',
  文件编号: 'documentNumber',
  有效性: 'validity',
  时效性: 'validity',
  效力状态: 'validity',
  主题分类: 'topic',
  公开方式: null,
  公开范围: null,
  公开时限: null,
  公开形式: null,
  信息分类: null,
  信息类别: null,
  组配分类: null,
  体裁分类: null,
  服务对象分类: null,
  所属机构: null,
  生效日期: null,
  废止日期: null,
  主题词: null,
  关键词: null,
  内容概述: null,
};

/** Labels a news page prints above an article. */
const PAGE_LABELS: Record<string, Field | null> = {
  发布时间: 'publishedOn',
  时间: 'publishedOn',
  来源: null,
  信息来源: null,
  文章来源: null,
  更新时间: null,
  作者: null,
  编辑: null,
  责任编辑: null,
  发布人: null,
  浏览次数: null,
  阅读次数: null,
  点击数: null,
  访问量: null,
  分类: null,
  名称: 'title',
  标题: 'title',
};

const ALL_LABELS: Record<string, Field | null> = { ...PAGE_LABELS, ...FIELDS };
/** The labels as a pattern; pages often space a label's characters out to align them (索 引 号). */
const alternation = (labels: object) =>
  Object.keys(labels)
    .sort((a, b) => b.length - a.length)
    .map((l) => [...l].join('[ \\u3000]*'))
    .join('|');
/** A label as matched, its spacing taken out. */
const labelOf = (matched: string) => matched.replace(/[ \u3000]/g, '');
const PAIR = new RegExp(`(${alternation(ALL_LABELS)})\\s*[：:]`, 'gu');
const LABEL_ALONE = new RegExp(`^(${alternation(FIELDS)})\\s*[：:]?$`, 'u');
const LABEL_CELL = new RegExp(`^(${alternation(ALL_LABELS)})\\s*[：:]?$`, 'u');

/** Line shapes that are never report text, each with the reason the summary gives. */
const LINE_SHAPES: readonly [RegExp, string][] = [
  [/^第\s*\d{1,3}\s*页\s*(?:[,，/／]?\s*共\s*\d{1,3}\s*页)?$/u, '页码'],
  [/^共\s*\d{1,3}\s*页\s*[,，]?\s*第\s*\d{1,3}\s*页$/u, '页码'],
  [/^[-—－–−―]{1,3}\s*\d{1,3}\s*[-—－–−―]{1,3}$/u, '页码'],
  [/^\d{1,3}\s*[/／]\s*\d{1,3}$/u, '页码'],
  [/^(?:page\s*)?\d{1,3}(?:\s*of\s*\d{1,3})?$/iu, '页码'],
  [/^(?:您?(?:当前|现在)?所在(?:的)?位置|当前位置|您的位置)\s*[：:]/u, '网页上的位置导航'],
  [/^首页\s*[>＞»›]/u, '网页上的位置导航'],
  [/^今[天日]是/u, '网页上的日期'],
  [new RegExp(`^(?:${words.栏目.map(literal).join('|')})\\s*[：:]`, 'u'), '网页上的栏目和按钮'],
  [/^(?:微信|手机)?扫一扫|^.{0,8}在手机上?(?:打开|查看|浏览)|^[^，。,；;]{0,12}扫(?:描|码)?[^，。,；;]{0,4}二维码[^，。,；;]{0,10}$/u, '网页上的栏目和按钮'],
  [/^(?:[【[［]\s*[^【】[\]［］]{1,12}\s*[】\]］][\s|｜·•]*)+$/u, '网页上的按钮'],
  [/^[（(]\s*此[件页][^（）()]{0,12}[）)]$/u, '公开属性'],
  [/^签发人\s*[：:]/u, '版头：签发人'],
  [/^抄送\s*[：:]/u, '版记：抄送'],
  [/\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$/u, '版记：印发'],
  [/^[━─═—★☆※\s]{3,}$/u, '分隔线'],
  [/^[\s\-_=＝–·*~～]{6,}$/u, '分隔线'],
];

/** A date and time alone on a line, as a news page prints its publication time: 2025-01-15 10:30. */
const STAMP = /^\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/u;
/** A publication time before a news page's labels: 2025-03-02 09:15　来源：示例局. */
const STAMP_FIRST = /^(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s+(\S.*)$/u;

/** Words that web pages print on their buttons and toolbars: a row of nothing else is chrome. */
const CHROME_WORDS = new Set(words.按钮);
/** The site's menu: its words count in a row of two or more. */
const MENU_WORDS = new Set(words.网站栏目);
const CHROME_SYMBOLS = new Set(words.单独成行的符号);

/**
 * The site's own lines at the foot of a page: a footer label (主办, 版权所有 …) starting a short
 * line, or a registration number (…ICP备00000000号) in one.
 */
const SITE_LABEL = new RegExp(`^(?:${words.网站信息.map(literal).join('|')})\\s*(?:[：:©]|\\s)`, 'iu');
const REGISTRATION = new RegExp(`(?:${words.备案号.map(literal).join('|')})\\s*\\d{4,}`, 'iu');
/** A file name alone on a line: a download link's text. */
const DOWNLOAD = new RegExp(`^[^。，；;！？]{1,80}\\.(?:${words.下载文件.map(literal).join('|')})(?:\\s*[（(][\\d.\\s]+[KMG]?B[）)])?$`, 'iu');

/** A row of nothing but buttons' and menus' words (each perhaps with a colon), or one such symbol alone. */
function chromeRow(text: string): boolean {
  if (CHROME_SYMBOLS.has(text)) return true;
  const row = text.split(/[\s|｜·•【】[\]［］/]+/u).map((w) => w.replace(/[：:]$/u, '')).filter(Boolean);
  const chrome = row.every((w) => CHROME_WORDS.has(w) || (row.length > 1 && MENU_WORDS.has(w)));
  return row.length > 0 && chrome && (row.length > 1 || row[0]!.length > 1);
}

/** The reason a single line is furniture, if it is. */
export function furnitureLine(text: string): string | undefined {
  for (const [shape, why] of LINE_SHAPES) if (shape.test(text)) return why;
  if (chromeRow(text)) return '网页上的栏目和按钮';
  if (text.length <= 100 && !/[。；;]$/u.test(text) && (SITE_LABEL.test(text) || REGISTRATION.test(text))) return '网页底部的网站信息';
  if (DOWNLOAD.test(text)) return '网页上的下载链接';
  return undefined;
}

/**
 * The label：value pairs of a metadata row, or undefined when the line is not one. A row of
 * page labels only counts alone when it holds two pairs or a short value; next to another
 * metadata row (`beside`) any row counts.
 */
export function metadataRow(text: string, beside = false): { label: string; value: string }[] | undefined {
  const matches = [...text.trim().matchAll(PAIR)];
  if (!matches.length || matches[0]!.index !== 0) return tabbedRow(text);
  const line = text.trim();
  const pairs = matches.map((m, i) => ({
    label: labelOf(m[1]!),
    value: line.slice(m.index! + m[0].length, matches[i + 1]?.index ?? line.length).trim(),
  }));
  const catalogue = pairs.every((p) => p.label in FIELDS);
  const shortValue = pairs.length === 1 && pairs[0]!.value.length <= 30 && !/[。，,；;]/.test(pairs[0]!.value);
  return beside || catalogue || pairs.length >= 2 || shortValue ? pairs : undefined;
}

/**
 * A row copied from a table: a catalogue label, a tab or a wide gap, its value (and perhaps more
 * such pairs): 索引号→007/2025-1→发布机构→示例局. No colon, so only the catalogue's labels count.
 */
function tabbedRow(text: string): { label: string; value: string }[] | undefined {
  const cells = text.trim().split(/\t+|\s{2,}|\u3000+/u).filter(Boolean);
  const pairs: { label: string; value: string }[] = [];
  for (let i = 0; i + 1 < cells.length; i++) {
    const label = LABEL_ALONE.exec(cells[i]!)?.[1];
    if (label && !LABEL_ALONE.test(cells[i + 1]!)) pairs.push({ label: labelOf(label), value: cells[++i]! });
  }
  return pairs.length && LABEL_ALONE.test(cells[0]!) ? pairs : undefined;
}

/** A date as metadata gives it: 2025-01-20, 2025年1月20日, 2025/1/20, 2025.01.20, with or without a time. */
export function metadataDate(value: string): IsoDate | undefined {
  const m = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/.exec(halfWidthDigits(value));
  const iso = m && `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return iso && isValidIsoDate(iso) ? iso : undefined;
}

/** The report entry's fields as the summary names them. */
const FIELD_NAMES: Record<Field, string> = {
  indexNumber: '索引号',
  agency: '发布机构',
  signedOn: '成文日期',
  publishedOn: '发布日期',
  documentNumber: '文号',
  validity: '有效性',
  topic: '主题分类',
  title: '标题',
};

/** Records a label's value in the metadata (the first value of a field stands); names the field read. */
function record(meta: Metadata, label: string, value: string): string | undefined {
  const field = ALL_LABELS[label];
  if (!field || !value || /^(?:无|暂无|—+|-+|\/)$/.test(value)) return undefined;
  const read = field === 'signedOn' || field === 'publishedOn' ? metadataDate(value) : value;
  if (!read || meta[field] !== undefined) return undefined;
  meta[field] = read;
  return FIELD_NAMES[field];
}

/** The reason given for a metadata line: the fields read from it, if any. */
function metadataWhy(read: (string | undefined)[]): string {
  const fields = read.filter(Boolean);
  return fields.length ? `政务公开信息，已读入：${fields.join('、')}` : '政务公开信息';
}

/** A table of metadata: two or more of its cells are labels. Each row's pairs, label cell then value cell. */
function metadataTable(t: Table): { label: string; value: string }[][] | undefined {
  const rows = t.rows.map((row) =>
    row.flatMap((cell, i) => {
      const label = LABEL_CELL.exec(cell.trim())?.[1];
      return label ? [{ label: labelOf(label), value: (row[i + 1] ?? '').trim() }] : [];
    }),
  );
  return rows.flat().length >= 2 ? rows : undefined;
}

/** A line that is just a catalogue label, with its value on the next line. */
function labelAlone(blocks: readonly Block[], i: number): { label: string; value?: string } | undefined {
  const b = blocks[i];
  const matched = b?.kind === 'line' ? LABEL_ALONE.exec(b.text)?.[1] : undefined;
  if (!matched) return undefined;
  const label = labelOf(matched);
  const next = blocks[i + 1];
  const value = next?.kind === 'line' && !LABEL_ALONE.test(next.text) && !metadataRow(next.text) && next.text.length <= 60 ? next.text : undefined;
  return { label, value };
}

export interface Furnished {
  blocks: Block[];
  leftOut: LeftOut[];
  metadata: Metadata;
}

/** A line of a table of contents: a heading, then a tab, a leader or a gap, then its page number. */
const CONTENTS_ENTRY = /^(.+?)(?:\t+|[\s.·…．。_\-—]{3,}|[ \u3000]{2,})\s*\d{1,3}$/u;
const CONTENTS_TITLE = /^目[ \u3000]*录$/u;
const bare = (text: string) => text.replace(/[\s\u3000]+/gu, '');

/**
 * A table of contents (a Word TOC as mammoth gives it, or a copied one): its entries are the
 * lines whose text before the page number is a line printed later in the document (the heading
 * itself), and its title (目录) just before them. Never report text: read as text, its entries
 * would be taken for the parts.
 */
function tableOfContents(blocks: readonly Block[]): Set<number> {
  const later = new Map<string, number>();
  blocks.forEach((b, i) => b.kind === 'line' && later.set(bare(b.text), i));
  const entries = new Set<number>();
  blocks.forEach((b, i) => {
    const m = b.kind === 'line' ? CONTENTS_ENTRY.exec(b.text) : null;
    if (m && (later.get(bare(m[1]!)) ?? -1) > i) entries.add(i);
  });
  for (const i of entries) {
    const before = blocks[i - 1];
    if (before?.kind === 'line' && CONTENTS_TITLE.test(before.text.trim())) entries.add(i - 1);
  }
  return entries;
}

/** The report's blocks without furniture and metadata; what was left out, and the metadata read. */
export function removeFurniture(blocks: readonly Block[]): Furnished {
  const metadata: Metadata = {};
  const leftOut: LeftOut[] = [];
  const kept: { block: Block; at: number }[] = [];
  const pageLines = new Set<number>();
  const contents = tableOfContents(blocks);
  let previousMeta = false;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (contents.has(i)) {
      leftOut.push({ text: (b as Line).text, why: '目录', block: b });
      continue;
    }
    const out = furnitureOf(blocks, i, metadata, previousMeta || isRow(blocks[i + 1]));
    previousMeta = !!out?.lines.some((l) => l.why.startsWith('政务公开信息'));
    if (!out) {
      kept.push({ block: b, at: i });
      continue;
    }
    leftOut.push(...out.lines.map((l) => ({ ...l, block: b })));
    if (out.lines.some((l) => l.why === '页码')) pageLines.add(i);
    i += out.skip;
  }
  const headers = runningHeaders(kept, pageLines);
  leftOut.push(...kept.filter((k) => headers.has(k.at)).map((k) => ({ text: (k.block as Line).text, why: '页眉：在分页处重复出现', block: k.block })));
  return { blocks: kept.filter((k) => !headers.has(k.at)).map((k) => k.block), leftOut, metadata };
}

const isRow = (b: Block | undefined) => b?.kind === 'line' && metadataRow(b.text) !== undefined;

/**
 * Whether block i is furniture: the lines it (and the `skip` blocks after it) leave out.
 * `beside`: a metadata row stands next to it.
 */
function furnitureOf(blocks: readonly Block[], i: number, meta: Metadata, beside: boolean): { lines: LeftOut[]; skip: number } | undefined {
  const b = blocks[i]!;
  if (b.kind === 'table') {
    const rows = metadataTable(b);
    if (!rows) return undefined;
    const lines = b.rows.map((r, i) => ({ text: r.filter(Boolean).join(' | '), why: metadataWhy(rows[i]!.map((p) => record(meta, p.label, p.value))) }));
    return { lines, skip: 0 };
  }
  const why = furnitureLine(b.text);
  if (why) return { lines: [{ text: b.text, why }], skip: 0 };
  if (STAMP.test(b.text)) return { lines: [{ text: b.text, why: metadataWhy([record(meta, '发布时间', b.text)]) }], skip: 0 };
  const stamped = STAMP_FIRST.exec(b.text);
  const after = stamped && metadataRow(stamped[2]!, true);
  const row = after ? [{ label: '发布时间', value: stamped![1]! }, ...after] : metadataRow(b.text, beside);
  if (row) return { lines: [{ text: b.text, why: metadataWhy(row.map((p) => record(meta, p.label, p.value))) }], skip: 0 };
  const alone = labelAlone(blocks, i);
  if (!alone) return undefined;
  const read = alone.value !== undefined ? record(meta, alone.label, alone.value) : undefined;
  const lines = [b.text, ...(alone.value !== undefined ? [alone.value] : [])].map((text) => ({ text, why: metadataWhy([read]) }));
  return { lines, skip: alone.value !== undefined ? 1 : 0 };
}

/**
 * Running headers and footers: a short line (not numbered, no sentence in it) printed again,
 * each time next to a page number. The first appearance is kept.
 */
function runningHeaders(kept: readonly { block: Block; at: number }[], pageLines: ReadonlySet<number>): Set<number> {
  const byText = new Map<string, number[]>();
  for (const k of kept) {
    if (k.block.kind !== 'line' || k.block.text.length > 40 || /[。，,；;：:]/.test(k.block.text) || readLabel(k.block.text)) continue;
    byText.set(k.block.text, [...(byText.get(k.block.text) ?? []), k.at]);
  }
  const nearPage = (at: number) => pageLines.has(at - 1) || pageLines.has(at + 1);
  const headers = new Set<number>();
  for (const ats of byText.values()) {
    if (ats.length < 2) continue;
    const repeats = ats.slice(1);
    if (repeats.every(nearPage)) for (const at of repeats) headers.add(at);
  }
  return headers;
}
