/**
 * The 繁體 edition: every page of the built site converted from the simplified original and
 * written under zh-hant/ below the base path (src/utils/edition.ts), after the search files are
 * written (writeTraditionalEdition); a page is converted as Astro makes it where it can be
 * (earlyCopies), and that copy is written only if the built page is the one it was made from.
 * In `astro dev`, the dev server's own page converted on
 * request (serveTraditionalPages). Nothing is converted in the reader's browser: the search's
 * 繁體 texts and messages are made with the same converter at build time.
 *
 * What changes in the copy, and nothing else (the rest of the file is kept byte for byte):
 * - text nodes, and the attributes a reader sees or hears (title, alt, aria-label,
 *   placeholder, <meta> content), converted with OpenCC; never the inside of <script> or
 *   <style>, so the scripts' files and hashes, the JSON-LD and the CSP stay as built;
 * - <html lang="zh-Hant">; og:locale, which names a region, is left out;
 * - links to the site's pages (a href, form action, canonical, og:url, the printed address)
 *   go to the traditional twin; feeds, data, files and the search index stay as they are;
 *   the hreflang alternates in <head> already name both editions and are kept;
 * - data-pagefind-body is removed: search indexes the simplified original only, so each
 *   passage is found once from either edition;
 * - the 简/繁 switch points back to the simplified page, and at the top of <main> a note
 *   says the page is a conversion, the simplified original prevailing, with a link to it.
 *
 * The preset: OpenCC from 'cn' (mainland simplified) to 'tw' (traditional characters in the
 * forms of the Taiwan standard: 為, 說, 群眾, 衛, 著力), with OpenCC's phrase dictionary, so
 * one-to-many characters are resolved by word (后来 → 後來, 皇后 stays 皇后; 联系 → 聯繫;
 * 干部 → 幹部). Why not the others: 'twp' also swaps mainland words for Taiwan ones (信息 →
 * 資訊, 发布 → 釋出, 联系 → 聯絡), which would change the wording of an official document,
 * not only its script; 't' writes OpenCC's inherited forms (爲, 説, 羣衆), which neither
 * Hong Kong, Macau nor Taiwan schools teach; 'hk' writes Hong Kong forms (説, 羣, 衞) that
 * read as unusual elsewhere. 'tw' changes characters only, in the forms the most traditional
 * readers (Hong Kong and Macau readers too) read without surprise. The text on the page says
 * the simplified original prevails.
 *
 * The converter is opencc-js's own s2tw chain (its preset: CJK compatibility forms normalised,
 * the phrase and character dictionaries, then Taiwan's variants), run over the whole text
 * without the preset's segmentation pass. That pass cuts the text at the longest matches of the
 * same phrase dictionary the first conversion matches anyway, and costs half the converter's
 * loading time and memory; a unit test holds the output to opencc-js's own Converter's. Each
 * group's trie grows a first character's branch when a text first reaches it (GrowingTrie).
 */
import type { AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { devOrigin } from './dev-origin.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileWriter } from './out-fs.ts';
import { Trie, type DictGroup, type DictLike } from 'opencc-js/core';
import { configs } from 'opencc-js/preset/cn2t';
import { configs as toSimplifiedConfigs } from 'opencc-js/preset/t2cn';
import { EDITION_HREFLANG, EDITION_LANG, isPagePath, TRADITIONAL_PREFIX, toEdition } from '../utils/edition.ts';
import { pagefindPath, withBase } from '../utils/routes.ts';
import { ui } from '../i18n/ui.ts';

/** Simplified text to traditional, by phrase (OpenCC, cn → tw; see above). */
export function toTraditional(text: string): string {
  // Made on first use: loading OpenCC's dictionaries takes about 0.3 s, which a dev server's
  // start and \`npm run check\` need not wait for.
  converter ??= s2tw();
  return converter(text);
}
let converter: ((text: string) => string) | undefined;

/** A preset's dictionary groups, in the order its converter applies them; opencc-js's types leave out the normalisation its presets carry. */
function chainOf(config: (typeof configs)[string]): readonly DictGroup[] {
  const { normalizationChain = [], conversionChain } = config as (typeof configs)[string] & { normalizationChain?: readonly DictGroup[] };
  return [...normalizationChain, ...conversionChain];
}

/** OpenCC's cn → tw chain, without its segmentation pass (see above): each group's trie applied in turn, as opencc-js's ConverterFactory does. */
function s2tw(): (text: string) => string {
  const tries = chainOf(configs.s2tw!).map((group) => new GrowingTrie(group));
  return (text) => tries.reduce((converted, trie) => trie.convert(converted), text);
}

/**
 * A dictionary's entry at a place: in a dictionary written as text ("a alpha|b beta"), the
 * entry starting at that offset, read as Trie.loadDict reads it; in one written as pairs, the
 * pair at that index. None when it has no replacement (Trie.loadDict would refuse it).
 */
function entryAt(dict: DictLike, at: number): readonly [string, string] | undefined {
  if (typeof dict !== 'string') return dict[at] as [string, string];
  const end = dict.indexOf('|', at);
  const [source, replacement] = dict.slice(at, end < 0 ? dict.length : end).split(' ');
  return replacement !== undefined ? [source!, replacement] : undefined;
}

/** Calls `found` with where each of a dictionary's entries starts and its first code point, in the dictionary's order. */
function eachPlace(dict: DictLike, found: (at: number, first: number) => void): void {
  if (typeof dict !== 'string') return dict.forEach((pair, at) => found(at, pair[0]?.codePointAt(0) ?? -1));
  for (let at = 0; at < dict.length; ) {
    const end = dict.indexOf('|', at);
    found(at, dict.codePointAt(at)!);
    at = end < 0 ? dict.length : end + 1;
  }
}

/**
 * opencc-js's trie of a dictionary group, its branch for a first character added only when a
 * text first reaches that character: a page uses some thousands of characters, so most of the
 * 50,000 phrases are never read, let alone made into branches (loading OpenCC took some 0.3 s
 * of the build). Until then a branch is only where its entries start in the dictionaries.
 * Entries are added in the order Trie.loadDictGroup adds them (the group's last dictionary
 * first, a later entry replacing an earlier one), so every branch ends as the whole trie's.
 */
export class GrowingTrie extends Trie {
  private readonly dicts: readonly DictLike[];
  /** For each first code point, its entries' dictionary and place, two numbers an entry, in the order they are added. */
  private readonly waiting = new Map<number, number[]>();

  constructor(group: DictGroup) {
    super();
    this.dicts = [...group].reverse();
    this.dicts.forEach((dict, d) =>
      eachPlace(dict, (at, first) => {
        const branch = this.waiting.get(first);
        if (branch) branch.push(d, at);
        else this.waiting.set(first, [d, at]);
      }),
    );
  }

  override matchPrefix(text: string, offset: number) {
    const first = text.codePointAt(offset)!;
    const branch = this.waiting.get(first);
    if (branch) {
      this.waiting.delete(first);
      for (let i = 0; i < branch.length; i += 2) {
        const entry = entryAt(this.dicts[branch[i]!]!, branch[i + 1]!);
        if (entry) this.addWord(entry[0], entry[1]);
      }
    }
    return super.matchPrefix(text, offset);
  }
}

/**
 * One character's simplified form, as OpenCC's t → cn conversion (its t2s chain) gives it for
 * that character alone: each group's one-character entries, a later dictionary of a group
 * overriding an earlier one as in OpenCC's trie, applied in the chain's order. No phrase
 * matches inside one character, so a table of some 3,500 entries answers what the chain's
 * phrase trie would (a unit test holds it to opencc-js's own Converter over every CJK character).
 */
export function simplifiedCharacter(): (ch: string) => string {
  const tables = chainOf(toSimplifiedConfigs.t2s!).map(characterTable);
  return (ch) => tables.reduce((c, table) => table.get(c) ?? c, ch);
}

/** A dictionary group's one-character entries: character → replacement. */
function characterTable(group: DictGroup): Map<string, string> {
  const table = new Map<string, string>();
  for (const dict of group) {
    const entries = typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ') as [string, string]) : dict;
    for (const [from, to] of entries) if (Array.from(from).length === 1) table.set(from, to);
  }
  return table;
}

export interface CopyOptions {
  /** The base path, e.g. '/' or '/fzbg/'. */
  base: string;
  /** The site's address when known (https://example.gov.cn): full links to it are the site's own too. */
  site?: string;
  /** The simplified page's path, with the base path; the note links to it when the page has no switch. */
  pathname: string;
}

/** One piece of HTML: a comment or doctype, a raw-text element whole, a tag, or text. */
const TOKENS =
  /<!--[\s\S]*?-->|<![^>]*>|<(script|style)\b(?:[^>"']|"[^"]*"|'[^']*')*>[\s\S]*?<\/\1\s*>|<\/?[a-zA-Z][^\s/>]*(?:[^>"']|"[^"]*"|'[^']*')*>|[^<]+|</g;
const ATTRS = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Attributes a reader sees or hears, converted like text. */
const SPOKEN = new Set(['title', 'alt', 'aria-label', 'aria-description', 'aria-roledescription', 'placeholder']);

interface Tag {
  name: string;
  closing: boolean;
  attrs: [string, string | undefined][];
  selfClosing: boolean;
}

function parseTag(raw: string): Tag {
  const closing = raw.startsWith('</');
  const name = /^<\/?([^\s/>]+)/.exec(raw)![1]!.toLowerCase();
  const body = raw.slice(closing ? 2 + name.length : 1 + name.length, raw.endsWith('/>') ? -2 : -1);
  const attrs: [string, string | undefined][] = [];
  for (const m of body.matchAll(ATTRS)) {
    const value = m[2] ?? m[3] ?? m[4];
    attrs.push([m[1]!, m[3] !== undefined ? value!.replace(/"/g, '&quot;') : value]);
  }
  return { name, closing, attrs, selfClosing: raw.endsWith('/>') };
}

function printTag(t: Tag): string {
  const attrs = t.attrs.map(([k, v]) => (v === undefined ? ` ${k}` : ` ${k}="${v}"`)).join('');
  return `<${t.closing ? '/' : ''}${t.name}${attrs}${t.selfClosing ? ' /' : ''}>`;
}

const get = (t: Tag, name: string) => t.attrs.find(([k]) => k === name)?.[1];
function set(t: Tag, name: string, value: string) {
  const a = t.attrs.find(([k]) => k === name);
  if (a) a[1] = value;
  else t.attrs.push([name, value]);
}

/** Text and attribute values are HTML-escaped; OpenCC leaves ASCII alone, so escapes survive. */
const convert = (s: string) => (HAN.test(s) ? toTraditional(s) : s);

/**
 * A link to one of the site's pages, moved to its traditional twin; any other link as it
 * was. The value stays HTML-escaped: only the path before ?query and #fragment changes.
 */
function moveLink(href: string, o: CopyOptions): string {
  const origin = o.site ? new URL(o.site).origin : undefined;
  const full = origin !== undefined && href.startsWith(`${origin}/`);
  const local = full ? href.slice(origin.length) : href;
  if (!local.startsWith('/') || local.startsWith('//')) return href;
  const moved = toEdition(local, 'hant', o.base);
  return moved === local ? href : full ? origin + moved : moved;
}

/** A page being copied: what is written so far, the run of text to convert, and where the copy stands. */
interface Copy {
  o: CopyOptions;
  out: string[];
  /**
   * Text between inline tags (the <wbr> a title is broken with, a link inside a sentence) is
   * converted as one run, so phrases that cross a tag still resolve by word.
   */
  run: number[];
  /** Inside the 简/繁 switch: its text is replaced, not converted. */
  inSwitch: boolean;
  /** The simplified page, as the switch names it. */
  hansHref: string;
  /** The next text is the path the print address shows before its script fills in the full one. */
  printUrl: boolean;
}

function flush(c: Copy) {
  convertRun(c.out, c.run);
  c.run = [];
}

/** A text token: dropped inside the switch, moved when it is the printed address, else queued for conversion. */
function copyText(c: Copy, token: string) {
  if (c.inSwitch) return;
  // The printed page's address: a full address of the site, or the path [data-print-url] holds.
  const url = /^(\s*)(\S+)(\s*)$/.exec(token);
  if (url && (c.printUrl || /^https?:\/\//.test(url[2]!))) {
    c.out.push(url[1]! + moveLink(url[2]!, c.o) + url[3]!);
    c.printUrl = false;
    return;
  }
  c.run.push(c.out.length);
  c.out.push(token);
}

/** An attribute's value in the copy: spoken ones converted, links to the site's pages moved. */
function copiedValue(tag: Tag, k: string, v: string, o: CopyOptions): string {
  if (SPOKEN.has(k)) return convert(v);
  if (k === 'href' && (tag.name === 'a' || tag.name === 'area' || (tag.name === 'link' && get(tag, 'rel') === 'canonical'))) return moveLink(v, o);
  if (k === 'action' && tag.name === 'form') return moveLink(v, o);
  if (k === 'content' && tag.name === 'meta' && get(tag, 'http-equiv') === undefined) {
    return get(tag, 'property') === 'og:url' || get(tag, 'name') === 'Url' ? moveLink(v, o) : convert(v);
  }
  return v;
}

/** The 简/繁 switch: in the copy it points back to the simplified page, in its language. */
function copySwitch(c: Copy, tag: Tag) {
  c.hansHref = get(tag, 'data-edition-hans') ?? c.hansHref;
  set(tag, 'href', c.hansHref);
  set(tag, 'hreflang', EDITION_HREFLANG.hans);
  set(tag, 'lang', EDITION_LANG.hans);
  c.inSwitch = true;
  c.printUrl = false;
  c.out.push(printTag(tag));
}

/** An opening tag: search's body mark and og:locale dropped, lang set, attributes converted; the notice after <main>. */
function copyOpening(c: Copy, tag: Tag, token: string) {
  if (tag.name === 'meta' && get(tag, 'property') === 'og:locale') return;
  if (tag.attrs.some(([k]) => k === 'data-edition-switch')) return copySwitch(c, tag);
  const before = printTag(tag);
  tag.attrs = tag.attrs.filter(([k]) => k !== 'data-pagefind-body');
  if (tag.name === 'html') set(tag, 'lang', EDITION_LANG.hant);
  c.printUrl = tag.attrs.some(([k]) => k === 'data-print-url');
  for (const a of tag.attrs) if (a[1] !== undefined) a[1] = copiedValue(tag, a[0], a[1], c.o);
  const after = printTag(tag);
  c.out.push(after === before ? token : after);
  if (tag.name === 'main') c.out.push(notice(c.hansHref));
}

/** One token of the page, copied. */
function copyToken(c: Copy, m: RegExpMatchArray) {
  const token = m[0];
  if (token.startsWith('<!') || m[1]) {
    flush(c);
    c.out.push(token);
  } else if (!token.startsWith('<') || token === '<') copyText(c, token);
  else {
    const tag = parseTag(token);
    if (!INLINE.has(tag.name)) flush(c);
    if (!tag.closing) return copyOpening(c, tag, token);
    if (c.inSwitch && tag.name === 'a') {
      c.out.push(ui.editionToHans);
      c.inSwitch = false;
    }
    c.out.push(token);
  }
}

/** The traditional copy of one built page (see the file's comment for what changes). */
export function traditionalPage(html: string, o: CopyOptions): string {
  const c: Copy = { o, out: [], run: [], inSwitch: false, hansHref: o.pathname, printUrl: false };
  for (const m of html.matchAll(TOKENS)) copyToken(c, m);
  flush(c);
  return c.out.join('');
}

/** Phrasing elements a word may be split by; any other tag ends a run of text. */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr']);

/**
 * Converts the texts at these places of `out` as one string, then puts each part back where
 * it was. OpenCC's simplified-to-traditional tables map every character to one character, so
 * the lengths match; should they not, each part is converted on its own.
 */
function convertRun(out: string[], run: readonly number[]) {
  const parts = run.map((i) => out[i]!);
  const joined = parts.join('');
  if (!HAN.test(joined)) return;
  const converted = toTraditional(joined);
  if (converted.length !== joined.length) {
    run.forEach((i) => (out[i] = convert(out[i]!)));
    return;
  }
  let at = 0;
  run.forEach((i, k) => {
    out[i] = converted.slice(at, at + parts[k]!.length);
    at += parts[k]!.length;
  });
}

/** The note at the top of a traditional page: a conversion, the simplified original prevails. */
function notice(hansHref: string): string {
  const text = toTraditional(ui.hantNotice);
  const link = toTraditional(ui.hantOriginal);
  return `<div class="wrap edition-note" id="edition-note"><p>${text}<a href="${hansHref}" hreflang="${EDITION_HREFLANG.hans}">${link}</a></p></div>`;
}

/** The built pages to copy: every .html file, except the search index's and any copy already made. */
export function pageFiles(out: string): string[] {
  return readdirSync(out, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split('\\').join('/'))
    .filter((f) => f.endsWith('.html') && !f.startsWith(pagefindPath) && !f.startsWith(TRADITIONAL_PREFIX))
    .sort();
}

/** A built file's page path below the base: 2023/index.html → 2023/, 404.html → 404.html. */
const pageOf = (file: string) => file.replace(/(^|\/)index\.html$/, '$1');

/** 繁體 copies made as Astro made each page (built-pages.ts), by file, with the page each was made from. */
export interface EarlyCopies {
  /** Copies the page Astro made for this file (below the output folder). */
  add(file: string, html: string): void;
  /** The copy made from this page, if it is the page that was handed over for this file. */
  of(file: string, html: string): string | undefined;
}

/**
 * Copies made while Astro makes the next pages, up to `most` characters of pages and copies
 * kept: a larger site's other pages are copied after the build, as are pages never handed over
 * or not the same when built.
 */
export function earlyCopies(where: { base: string; site?: string }, most: number): EarlyCopies {
  const made = new Map<string, { html: string; copy: string }>();
  let kept = 0;
  return {
    add(file, html) {
      if (!isPagePath(pageOf(file)) || kept + html.length * 2 > most) return;
      const copy = copyOf(file, html, where);
      made.set(file, { html, copy });
      kept += html.length + copy.length;
    },
    of(file, html) {
      const m = made.get(file);
      return m?.html === html ? m.copy : undefined;
    },
  };
}

/** The 繁體 copy of the page built to `file`. */
const copyOf = (file: string, html: string, where: { base: string; site?: string }) => traditionalPage(html, { ...where, pathname: withBase(where.base, pageOf(file)) });

/** Writes the 繁體 copy of every built page of `out` under zh-hant/ (after the search files), using the copies made before where they fit. */
export function writeTraditionalEdition(out: string, where: { base: string; site?: string }, logger: Pick<AstroIntegrationLogger, 'info'>, early?: EarlyCopies): void {
  const files = pageFiles(out);
  const write = fileWriter(join(out, TRADITIONAL_PREFIX));
  for (const file of files) {
    if (!isPagePath(pageOf(file))) continue;
    const page = readFileSync(join(out, file), 'utf8');
    write(file, early?.of(file, page) ?? copyOf(file, page, where));
  }
  logger.info(`繁體版已生成：${files.length} 个页面 → ${TRADITIONAL_PREFIX}`);
}

/** In `astro dev`: each zh-hant/ address answered with the dev server's own simplified page, converted. */
export function serveTraditionalPages(server: ViteDevServer, where: { base: string; site?: string }): void {
  const prefix = withBase(where.base, TRADITIONAL_PREFIX);
  server.middlewares.use(async (req, res, next) => {
    // As in search-index.ts: originalUrl is the address the browser asked for, base included.
    const address = req.originalUrl ?? req.url ?? '';
    const path = address.split('?')[0]!;
    const origin = devOrigin(server);
    if (!(path.startsWith(prefix) || path === prefix.slice(0, -1)) || req.method !== 'GET' || !origin) return next();
    const hans = toEdition(path.endsWith('/') ? path : `${path}/`, 'hans', where.base);
    try {
      const r = await fetch(`${origin}${hans}${address.slice(path.length)}`, { headers: { accept: 'text/html' } });
      const type = r.headers.get('content-type') ?? '';
      const body = await r.text();
      res.statusCode = r.status;
      res.setHeader('Content-Type', type || 'text/html; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      res.end(type.includes('text/html') ? traditionalPage(body, { ...where, pathname: hans }) : body);
    } catch (e) {
      next(e);
    }
  });
}
