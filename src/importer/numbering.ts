/**
 * Word's automatic numbering, rebuilt as the text Word displays ("一、", "（二）", "1.2").
 *
 * mammoth drops list numbers, so a report whose "一、" headings come from a list style would
 * lose them. The numbers are not in the text: a paragraph refers to a list by its w:numPr
 * (numId, ilvl), directly or through its paragraph style (w:pStyle → style's w:numPr, along
 * w:basedOn). numbering.xml maps numId → w:num → w:abstractNum → w:lvl[ilvl], whose numFmt,
 * lvlText and start say what to print: lvlText "%1、" on level 0, "（%2）" or "%1.%2" on
 * level 1, %N being the number of the N-th level. w:num/w:lvlOverride can replace a level
 * or its start (w:startOverride).
 *
 * Counting follows what Word does rather than a literal reading of the standard:
 * - Counters belong to the abstract list. Several w:num on one w:abstractNum continue one
 *   sequence (this is how Word continues a list); a w:num with a level override restarts the
 *   overridden levels the first time that w:num is used ("restart numbering" in Word writes
 *   exactly such a w:num). A w:num without overrides on a list of its own counts alone.
 * - Using a level resets every deeper level, unless the deeper level's w:lvlRestart says
 *   otherwise (a one-based level after which it restarts; 0 never restarts).
 * - A level skipped or not yet used shows one less than its start value when a deeper
 *   level's text refers to it (a heading 1 followed by a heading 3 is "1.0.1" in Word).
 * - w:suff separates number and text on the page: a space (suff "space") is written as one,
 *   as a typed heading has it (第一部分 主要举措); a tab (the default) only aligns, and is dropped.
 * - bullets and hidden numbers (w:vanish) give no text; "none" prints nothing for its %N
 *   (other lvlText characters stay).
 * - numId 0 switches numbering off, also one inherited from a style.
 * - A format not listed in `formatNumber` is printed in Arabic digits and reported.
 *
 * `rebuildNumbers` applies this to document.xml: in document order it puts each numbered
 * paragraph's label in front of its text as an ordinary run, and switches the paragraph's
 * numbering off (numId 0), so mammoth, which reads the rewritten file, emits the number as
 * text and no list. Every paragraph mammoth could number (one with a style or a numPr) is
 * switched off, not only those numbered here, so no list item is left without its number.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { toChineseNumeral } from '../domain/numerals.ts';

const NAMESPACES = [
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main', // Strict Open XML
];
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const XML = 'http://www.w3.org/XML/1998/namespace';

/** A paragraph's own numbering as written in its w:pPr. */
export interface ParagraphRef {
  styleId?: string;
  numId?: string;
  ilvl?: number;
}

/** What Word prints before a numbered paragraph's text. */
export interface Label {
  /** The number as displayed, '' when nothing is printed (a bullet, a 'none' level). */
  text: string;
  /** A picture bullet: Word shows an image that has no text form. */
  picture: boolean;
  /** Formats printed in Arabic digits because they are not rebuilt here. */
  unsupported: string[];
}

interface Level {
  start?: number;
  format: string;
  text: string;
  /** w:lvlRestart, one-based; 0: never restart. */
  restart?: number;
  legal: boolean;
  picture: boolean;
  /** The number's run is hidden (w:vanish): Word shows nothing. */
  hidden: boolean;
  style?: string;
  /** w:suff is "space": a space stands between the number and the text. */
  space: boolean;
}

interface AbstractNum {
  levels: Map<number, Level>;
  numStyleLink?: string;
}

interface Num {
  abstractId: string;
  overrides: Map<number, { start?: number; level?: Level }>;
}

interface Style {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
}

export interface Model {
  nums: Map<string, Num>;
  abstracts: Map<string, AbstractNum>;
  /** Paragraph and numbering styles, by styleId. */
  styles: Map<string, Style>;
  /** The paragraph style of paragraphs that name none (w:default="1", usually Normal). */
  defaultStyle?: string;
}

// ---- XML helpers --------------------------------------------------------------------------

function parse(xml: string): Document {
  return new DOMParser({
    errorHandler: {
      warning: () => {},
      error: () => {},
      fatalError: (msg: unknown) => {
        throw new Error(String(msg));
      },
    },
  }).parseFromString(xml, 'text/xml');
}

function isW(node: Node | null | undefined, name?: string): node is Element {
  return !!node && node.nodeType === 1 && NAMESPACES.includes((node as Element).namespaceURI ?? '') && (!name || (node as Element).localName === name);
}

function children(el: Element | undefined, name: string): Element[] {
  if (!el) return [];
  return Array.from(el.childNodes).filter((c): c is Element => isW(c, name));
}

function child(el: Element | undefined, name: string): Element | undefined {
  return children(el, name)[0];
}

/** The w:val (or another w: attribute) of an element. */
function attr(el: Element | undefined, name = 'val'): string | undefined {
  if (!el) return undefined;
  for (const ns of NAMESPACES) if (el.hasAttributeNS(ns, name)) return el.getAttributeNS(ns, name) ?? undefined;
  return undefined;
}

function int(value: string | undefined): number | undefined {
  const n = value === undefined ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : undefined;
}

function all(doc: Document, name: string): Element[] {
  return NAMESPACES.flatMap((ns) => Array.from(doc.getElementsByTagNameNS(ns, name)));
}

/** w:numFmt, also where Word 2010 wraps it in mc:AlternateContent (the fallback is the classic format). */
function numFmt(lvl: Element): string {
  const direct = child(lvl, 'numFmt');
  if (direct) return attr(direct) ?? 'decimal';
  for (const alt of Array.from(lvl.childNodes)) {
    if (alt.nodeType !== 1 || (alt as Element).namespaceURI !== MC) continue;
    for (const fallback of Array.from(alt.childNodes)) {
      if (fallback.nodeType === 1 && (fallback as Element).localName === 'Fallback') {
        const fmt = child(fallback as Element, 'numFmt');
        if (fmt) return attr(fmt) ?? 'decimal';
      }
    }
  }
  return 'decimal';
}

function readLevel(lvl: Element): Level {
  return {
    start: int(attr(child(lvl, 'start'))),
    format: numFmt(lvl),
    text: attr(child(lvl, 'lvlText')) ?? '',
    restart: int(attr(child(lvl, 'lvlRestart'))),
    legal: on(child(lvl, 'isLgl')),
    picture: !!child(lvl, 'lvlPicBulletId'),
    hidden: on(child(child(lvl, 'rPr'), 'vanish')),
    style: attr(child(lvl, 'pStyle')),
    space: attr(child(lvl, 'suff')) === 'space',
  };
}

/** A w:onOff element: present and not switched off by its w:val. */
function on(el: Element | undefined): boolean {
  return !!el && !['0', 'false', 'off'].includes(attr(el) ?? '1');
}

function numPrOf(pPr: Element | undefined): { numId?: string; ilvl?: number } {
  const numPr = child(pPr, 'numPr');
  return { numId: attr(child(numPr, 'numId')), ilvl: int(attr(child(numPr, 'ilvl'))) };
}

// ---- the model ----------------------------------------------------------------------------

/** Reads numbering.xml and styles.xml (either may be missing) into the lists a document uses. */
export function readNumbering(numberingXml?: string, stylesXml?: string): Model {
  const model: Model = { nums: new Map(), abstracts: new Map(), styles: new Map() };
  if (numberingXml) {
    const doc = parse(numberingXml);
    for (const a of all(doc, 'abstractNum')) {
      const levels = new Map<number, Level>();
      for (const lvl of children(a, 'lvl')) levels.set(int(attr(lvl, 'ilvl')) ?? 0, readLevel(lvl));
      model.abstracts.set(attr(a, 'abstractNumId') ?? '', { levels, numStyleLink: attr(child(a, 'numStyleLink')) });
    }
    for (const n of all(doc, 'num')) {
      const overrides: Num['overrides'] = new Map();
      for (const o of children(n, 'lvlOverride')) {
        const lvl = child(o, 'lvl');
        overrides.set(int(attr(o, 'ilvl')) ?? 0, { start: int(attr(child(o, 'startOverride'))), level: lvl ? readLevel(lvl) : undefined });
      }
      model.nums.set(attr(n, 'numId') ?? '', { abstractId: attr(child(n, 'abstractNumId')) ?? '', overrides });
    }
  }
  if (stylesXml) {
    for (const s of all(parse(stylesXml), 'style')) {
      const id = attr(s, 'styleId');
      if (id === undefined) continue;
      model.styles.set(id, { basedOn: attr(child(s, 'basedOn')), ...numPrOf(child(s, 'pPr')) });
      if (attr(s, 'type') === 'paragraph' && ['1', 'true', 'on'].includes(attr(s, 'default') ?? '')) model.defaultStyle ??= id;
    }
  }
  return model;
}

/** The list and level a paragraph is on, or undefined when it is not numbered. */
export function resolve(model: Model, ref: ParagraphRef): { numId: string; ilvl: number } | undefined {
  let { numId, ilvl } = ref;
  const styleId = ref.styleId ?? model.defaultStyle;
  if (numId === undefined && styleId !== undefined) {
    const seen = new Set<string>();
    for (let id: string | undefined = styleId; id !== undefined && !seen.has(id); id = model.styles.get(id)?.basedOn) {
      seen.add(id);
      const style = model.styles.get(id);
      if (!style) break;
      if (numId === undefined && style.numId !== undefined) numId = style.numId;
      if (ilvl === undefined && style.ilvl !== undefined) ilvl = style.ilvl;
    }
    if (numId !== undefined && ilvl === undefined) {
      // A style linked to a multilevel list: the level is the one naming the style.
      const levels = abstractOf(model, numId)?.abstract.levels;
      for (const [i, level] of levels ?? []) if (ilvl === undefined && level.style === styleId) ilvl = i;
    }
  }
  if (numId === undefined || numId === '0' || !model.nums.has(numId)) return undefined;
  return { numId, ilvl: Math.min(Math.max(ilvl ?? 0, 0), 8) };
}

/** The abstract list a w:num uses, following w:numStyleLink to the list a numbering style defines. */
function abstractOf(model: Model, numId: string): { id: string; abstract: AbstractNum } | undefined {
  let id = model.nums.get(numId)?.abstractId;
  for (let hops = 0; id !== undefined && hops < 5; hops++) {
    const abstract = model.abstracts.get(id);
    if (!abstract) return undefined;
    if (abstract.numStyleLink === undefined) return { id, abstract };
    const linked = model.styles.get(abstract.numStyleLink)?.numId;
    id = linked === undefined ? undefined : model.nums.get(linked)?.abstractId;
  }
  return undefined;
}

// ---- counting -----------------------------------------------------------------------------

/** Feed it the paragraphs of a document in order; it returns what Word prints before each. */
export class ListCounter {
  private readonly model: Model;
  private readonly counts = new Map<string, (number | undefined)[]>();
  private readonly used = new Set<string>();

  constructor(model: Model) {
    this.model = model;
  }

  /** null: the paragraph is not numbered. */
  next(ref: ParagraphRef): Label | null {
    const at = resolve(this.model, ref);
    const found = at && abstractOf(this.model, at.numId);
    if (!at || !found) return null;
    const num = this.model.nums.get(at.numId)!;
    const levelOf = (i: number) => num.overrides.get(i)?.level ?? found.abstract.levels.get(i);
    const startOf = (i: number) => num.overrides.get(i)?.start ?? levelOf(i)?.start ?? 0;
    const level = levelOf(at.ilvl);
    if (!level) return null;

    const counts = this.counts.get(found.id) ?? [];
    this.counts.set(found.id, counts);
    if (!this.used.has(at.numId)) {
      this.used.add(at.numId);
      for (const i of num.overrides.keys()) counts[i] = undefined;
    }
    const current = counts[at.ilvl];
    counts[at.ilvl] = current === undefined ? startOf(at.ilvl) : current + 1;
    for (let deeper = at.ilvl + 1; deeper <= 8; deeper++) {
      const restart = levelOf(deeper)?.restart;
      if (restart === 0) continue;
      if (at.ilvl < Math.min(restart ?? deeper, deeper)) counts[deeper] = undefined;
    }

    const label: Label = { text: '', picture: level.picture, unsupported: [] };
    if (level.format === 'bullet' || level.hidden) return label;
    label.text = level.text.replace(/%([1-9])/g, (_, k: string) => {
      const i = Number(k) - 1;
      const format = levelOf(i)?.format ?? 'decimal';
      const value = counts[i] ?? startOf(i) - 1;
      if (format === 'none' || format === 'bullet') return '';
      const shown = formatNumber(value, level.legal ? 'decimal' : format);
      if (shown !== undefined) return shown;
      if (!label.unsupported.includes(format)) label.unsupported.push(format);
      return String(value);
    });
    if (level.space && label.text) label.text += ' ';
    return label;
  }
}

// ---- number formats (ECMA-376 ST_NumberFormat) --------------------------------------------

const CN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const LEGAL_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** Each digit as a character of its own: 105 → 一〇五. */
function digitwise(n: number, digits: readonly string[]): string {
  return [...String(n)].map((d) => digits[Number(d)]).join('');
}

/** 一…九, 十, 十一 … 九十九 as headings print them; 〇, and from 100 on the digits (一〇〇), as Word does. */
function chineseCounting(n: number): string {
  return n >= 1 && n < 100 ? toChineseNumeral(n) : digitwise(n, CN_DIGITS);
}

interface Counting {
  digits: readonly string[];
  /** 十百千 (or 拾佰仟) and 万. */
  units: readonly string[];
  myriad: string;
  /** Chinese writes a gap of zeros as one 零 (一百零一); Japanese leaves it out (百一). */
  zero: boolean;
  /** Japanese drops the 一 before 十百千 (百十); Chinese only before a leading 十 (十一). */
  bareOne: 'ten' | 'all' | 'none';
}

/** Counting with 十百千万: 十一, 一百零一, 一千零一十, 一万 (or 百一 in Japanese). */
function grouped(n: number, c: Counting): string {
  if (n === 0) return c.digits[0]!;
  if (n >= 1e8) return String(n);
  const group = (g: number) => {
    let out = '';
    let gap = false;
    for (let place = 3; place >= 0; place--) {
      const d = Math.floor(g / 10 ** place) % 10;
      if (!d) {
        if (out) gap = true;
        continue;
      }
      const one = d === 1 && place > 0 && c.bareOne === 'all';
      out += (gap && c.zero ? c.digits[0] : '') + (one ? '' : c.digits[d]!) + c.units[place]!;
      gap = false;
    }
    return out;
  };
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  let out = high ? group(high) + c.myriad : '';
  if (low) out += (high && low < 1000 && c.zero ? c.digits[0] : '') + group(low);
  return c.bareOne === 'ten' && n >= 10 && n < 20 ? out.slice(1) : out;
}

const CHINESE: Counting = { digits: ['零', ...CN_DIGITS.slice(1)], units: ['', '十', '百', '千'], myriad: '万', zero: true, bareOne: 'ten' };

function letters(n: number, upper: boolean): string {
  const letter = String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
  return upper ? letter : letter.toLowerCase();
}

function roman(n: number, upper: boolean): string {
  let rest = n;
  let out = '';
  for (const [value, glyph] of ROMAN) for (; rest >= value; rest -= value) out += glyph;
  return upper ? out : out.toLowerCase();
}

/** A sequence of n symbols; past its end Word falls back to Arabic digits. */
function series(n: number, symbols: string): string {
  const chars = [...symbols];
  return n >= 1 && n <= chars.length ? chars[n - 1]! : String(n);
}

const FORMATS: Record<string, (n: number) => string> = {
  decimal: String,
  decimalHalfWidth: String,
  decimalZero: (n) => (n >= 0 && n < 10 ? `0${n}` : String(n)),
  decimalFullWidth: (n) => [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join(''),
  decimalEnclosedCircle: (n) => series(n, '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'),
  decimalEnclosedParen: (n) => series(n, '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇'),
  decimalEnclosedFullstop: (n) => series(n, '⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛'),
  lowerLetter: (n) => (n >= 1 ? letters(n, false) : String(n)),
  upperLetter: (n) => (n >= 1 ? letters(n, true) : String(n)),
  lowerRoman: (n) => (n >= 1 && n < 4000 ? roman(n, false) : String(n)),
  upperRoman: (n) => (n >= 1 && n < 4000 ? roman(n, true) : String(n)),
  chineseCounting,
  chineseCountingThousand: (n) => grouped(n, CHINESE),
  chineseLegalSimplified: (n) => grouped(n, { ...CHINESE, digits: LEGAL_DIGITS, units: ['', '拾', '佰', '仟'], bareOne: 'none' }),
  // The same numerals as Chinese up to 99, which is all a report's parts need; LibreOffice
  // writes these for Chinese lists it has saved in the old .doc format.
  taiwaneseCounting: chineseCounting,
  taiwaneseCountingThousand: (n) => grouped(n, { ...CHINESE, myriad: '萬' }),
  japaneseCounting: (n) => grouped(n, { ...CHINESE, digits: CN_DIGITS, zero: false, bareOne: 'all' }),
  ideographDigital: (n) => digitwise(n, CN_DIGITS),
  ideographTraditional: (n) => series(n, '甲乙丙丁戊己庚辛壬癸'),
  ideographZodiac: (n) => series(n, '子丑寅卯辰巳午未申酉戌亥'),
};
FORMATS.decimalFullWidth2 = FORMATS.decimalFullWidth!;
FORMATS.decimalEnclosedCircleChinese = FORMATS.decimalEnclosedCircle!;

/** A counter value as the given w:numFmt prints it; undefined for a format not rebuilt here. */
export function formatNumber(n: number, format: string): string | undefined {
  if (format === 'none' || format === 'bullet') return '';
  return FORMATS[format]?.(n);
}

// ---- document.xml -------------------------------------------------------------------------

export interface Rebuilt {
  xml: string;
  /** Paragraphs that got a number as text. */
  numbered: number;
  pictureBullets: number;
  /** Paragraphs per format printed in Arabic digits instead. */
  unsupported: Map<string, number>;
}

/** document.xml with every automatic number written into its paragraph as text (see above). */
export function rebuildNumbers(documentXml: string, numberingXml?: string, stylesXml?: string): Rebuilt {
  const doc = parse(documentXml);
  const counter = new ListCounter(readNumbering(numberingXml, stylesXml));
  const result: Rebuilt = { xml: documentXml, numbered: 0, pictureBullets: 0, unsupported: new Map() };
  const ns = doc.documentElement?.namespaceURI ?? NAMESPACES[0]!;
  const prefix = doc.documentElement?.lookupPrefix(ns);
  const make = (name: string) => doc.createElementNS(ns, prefix ? `${prefix}:${name}` : name);
  let changed = false;
  for (const p of all(doc, 'p')) {
    // mammoth reads the fallback of mc:AlternateContent; counting the choice too would count twice.
    if (insideChoice(p)) continue;
    let pPr = child(p, 'pPr');
    const ref = { styleId: attr(child(pPr, 'pStyle')), ...numPrOf(pPr) };
    const label = counter.next(ref);
    // mammoth numbers a paragraph only through its own numPr or named style.
    if (!label && ref.styleId === undefined && ref.numId === undefined && ref.ilvl === undefined) continue;
    if (!pPr) pPr = p.insertBefore(make('pPr'), p.firstChild);
    switchOff(pPr, make, ns);
    changed = true;
    if (!label) continue;
    if (label.picture) result.pictureBullets++;
    for (const f of label.unsupported) result.unsupported.set(f, (result.unsupported.get(f) ?? 0) + 1);
    if (!label.text) continue;
    const run = make('r');
    const t = run.appendChild(make('t'));
    t.setAttributeNS(XML, 'xml:space', 'preserve');
    t.appendChild(doc.createTextNode(label.text));
    p.insertBefore(run, pPr.nextSibling);
    result.numbered++;
  }
  if (changed) result.xml = new XMLSerializer().serializeToString(doc);
  return result;
}

function insideChoice(node: Node): boolean {
  for (let n = node.parentNode; n; n = n.parentNode) {
    if (n.nodeType === 1 && (n as Element).namespaceURI === MC && (n as Element).localName === 'Choice') return true;
  }
  return false;
}

/** Replaces the paragraph's w:numPr by numId 0 (numbering off), which also overrides its style's list. */
function switchOff(pPr: Element, make: (name: string) => Element, ns: string): void {
  for (const old of children(pPr, 'numPr')) pPr.removeChild(old);
  const numPr = make('numPr');
  for (const name of ['ilvl', 'numId']) {
    const el = numPr.appendChild(make(name));
    el.setAttributeNS(ns, `${el.prefix || 'w'}:val`, '0');
  }
  const style = child(pPr, 'pStyle');
  pPr.insertBefore(numPr, style ? style.nextSibling : pPr.firstChild);
}
