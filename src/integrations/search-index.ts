/**
 * Writes the search files after `astro build` (buildSearchFiles) and, in `astro dev`, serves
 * files made from the dev server's own pages (serveSearchFiles), so search works the same in both.
 *
 * Pagefind is the indexer: it reads the pages and extracts each unit's text, filters and meta
 * into its fragments, written to a temporary folder. The site's own files (src/search/
 * site-files.ts) are made from those fragments and written to the search folder (pagefind/ below
 * the base path); Pagefind's own runtime, UI, WebAssembly and index are not, since the reader's
 * browser never runs them.
 *
 * Only section pages carry data-pagefind-body: a passage is indexed once, on its section's
 * own page, never again for the whole-report page; a withdrawn report's sections carry none.
 * Only pages that carry it are handed to Pagefind, because Pagefind indexes every page whole
 * when no page has it, as when every report is withdrawn. Each report's preface is a unit of
 * its own: a custom record linking to the preface on the report page (/2023/#preface), added
 * for each year that has indexed sections (so never for a withdrawn report).
 */
import type { AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { devOrigin } from './dev-origin.ts';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileWriter } from './out-fs.ts';
import * as pagefind from 'pagefind';
import { Parser } from 'htmlparser2';
import { pagefindPath, withBase } from '../utils/routes.ts';
import { searchFiles } from '../search/site-files.ts';
import { siteTools } from '../search/build-tools.ts';
import { unitsFromFragments } from '../search/fragments.ts';
import { ui } from '../i18n/ui.ts';

interface Page {
  /** Where the page is: its file under the output folder, or (dev) its URL. */
  sourcePath?: string;
  url?: string;
  content: string;
}

/** The year of a report page (2023/ or 2023/index.html) or of a section page under it. */
const yearOf = (path: string) => /^\/?(\d{4})\//.exec(path)?.[1];
const isReportPage = (path: string) => /^\/?\d{4}\/(index\.html)?$/.test(path);

/**
 * The text of the page's element with this id (of each, in order, if the page repeats the id),
 * as a parsed document gives it, read in one pass of the parser without building the document;
 * '' when there is none.
 */
function textOfElement(html: string, id: string): string {
  let depth = 0;
  let text = '';
  const parser = new Parser({
    onopentag(_name, attributes) {
      if (depth > 0) depth++;
      else if (attributes.id === id) depth = 1;
    },
    ontext(t) {
      if (depth > 0) text += t;
    },
    onclosetag() {
      if (depth > 0) depth--;
    },
  });
  parser.end(html);
  return text;
}

/** A report page's preface as a search unit, or undefined when the page has none. */
export function prefaceRecord(year: string, html: string) {
  const text = textOfElement(html, 'preface').trim();
  if (!text) return undefined;
  return {
    url: `/${year}/#preface`,
    content: text,
    language: 'zh-cn',
    meta: { title: ui.preface, order: '0' },
    filters: { year: [year] },
    sort: { year },
  };
}

/** A page search indexes: one that marks its body for Pagefind. */
const indexed = (html: string) => /<[^>]+\sdata-pagefind-body[\s=>]/.test(html);

function fail(step: string, errors: string[]) {
  if (errors.length) throw new Error(`搜索索引${step}失败：${errors.join('; ')}`);
}

type Fragment = { path: string; content: Uint8Array };

/**
 * Units handed to one Pagefind index before its fragments are written and it is deleted.
 * Pagefind's memory grows with the units of an index (about 800 MB for 2,400 pages in one),
 * while a unit's fragment is its own text, filters and meta whatever else the index holds
 * (the search-scale test builds a site of more units than this).
 */
const UNITS_PER_INDEX = 500;

let early: Promise<pagefind.NewIndexResponse> | undefined;

/**
 * Starts Pagefind's process and its first index ahead of the pages (the build's worker calls it
 * while Astro builds them): starting the process takes some 40 ms of a large process's time,
 * and Pagefind loads its Chinese segmenter's dictionary on the first Chinese text it reads,
 * some 10 ms more, so a line of Chinese is indexed first in an index thrown away.
 */
export function startIndexer(): void {
  early ??= pagefind.createIndex({}).then(async (throwaway) => {
    await throwaway.index?.addHTMLFile({ url: '/', content: `<html lang="zh-CN"><body>${ui.preface}</body></html>` });
    await throwaway.index?.deleteIndex();
    return pagefind.createIndex({});
  });
  // Awaited when the first page is added; a build with none closes Pagefind without it (below).
  early.catch(() => {});
}

/** Pagefind's fragments for units added one at a time, written a batch at a time into a temporary folder of their own. */
function fragmentBatches() {
  let index: pagefind.PagefindIndex | undefined;
  let inIndex = 0;
  let batches = 0;
  let folder: string | undefined;
  const open = async () => {
    if (index) return index;
    const created = await (early ?? pagefind.createIndex({}));
    early = undefined;
    if (!created.index) throw new Error(`搜索索引创建失败：${created.errors.join('; ')}`);
    return (index = created.index);
  };
  const flush = async () => {
    if (!index) return;
    // Written and read back: asking Pagefind for its files would send the whole index back through its pipe.
    folder ??= mkdtempSync(join(tmpdir(), 'fznb-pagefind-'));
    fail('写入', (await index.writeFiles({ outputPath: join(folder, String(batches++)) })).errors);
    await index.deleteIndex();
    [index, inIndex] = [undefined, 0];
  };
  return {
    async add(unit: { page: Page } | { record: pagefind.CustomRecord }) {
      const i = await open();
      if ('page' in unit) {
        const p = unit.page;
        fail('读取页面', (await i.addHTMLFile(p.sourcePath ? { sourcePath: p.sourcePath, content: p.content } : { url: p.url, content: p.content })).errors);
      } else fail('读取前言', (await i.addCustomRecord(unit.record)).errors);
      if (++inIndex >= UNITS_PER_INDEX) await flush();
    },
    /** Removes the batches written. */
    remove() {
      if (folder) rmSync(folder, { recursive: true, force: true });
    },
    /** Every batch's fragment files, by name (a fragment's name is its content's hash). */
    async files(): Promise<Fragment[]> {
      await flush();
      const all = new Map<string, Fragment>();
      for (let b = 0; b < batches; b++) for (const f of fragmentFiles(join(folder!, String(b)))) all.set(f.path, f);
      return [...all.keys()].sort().map((k) => all.get(k)!);
    },
  };
}

/** The fragment files of an index written to a folder (none, with no units). */
function fragmentFiles(folder: string): Fragment[] {
  const dir = join(folder, 'fragment');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().map((f) => ({ path: `fragment/${f}`, content: readFileSync(join(dir, f)) }));
}

/**
 * Pagefind's fragments for these pages, read one at a time (a built site's pages are not all
 * held at once): the pages that mark a body, then the preface of each year that has one of
 * those pages; and the publishing agencies the indexed pages name (their ContentSource meta).
 */
async function fragmentsOf(pages: Iterable<Page>): Promise<{ fragments: Fragment[]; agencies: string[] }> {
  const batches = fragmentBatches();
  const years = new Set<string>();
  const prefaces = new Map<string, pagefind.CustomRecord>();
  const agencies = new Set<string>();
  try {
    for (const page of pages) {
      const path = page.sourcePath ?? page.url ?? '';
      const year = yearOf(path);
      if (indexed(page.content)) {
        await batches.add({ page });
        if (year) years.add(year);
        const agency = /<meta name="ContentSource" content="([^"]+)"/.exec(page.content)?.[1];
        if (agency) agencies.add(agency);
      }
      const preface = year && isReportPage(path) ? prefaceRecord(year, page.content) : undefined;
      if (preface) prefaces.set(year!, preface);
    }
    for (const [year, record] of prefaces) if (years.has(year)) await batches.add({ record });
    return { fragments: await batches.files(), agencies: [...agencies].sort() };
  } finally {
    // Pagefind is closed with no request of ours still waiting for an answer.
    await early?.catch(() => undefined);
    early = undefined;
    await pagefind.close();
    batches.remove();
  }
}

/** The site's search files for these pages: path under the search folder → content. */
async function filesFor(pages: Iterable<Page>): Promise<Map<string, string>> {
  const { fragments, agencies } = await fragmentsOf(pages);
  return searchFiles(unitsFromFragments(fragments), siteTools(), agencies);
}

function writeSearchFiles(out: string, files: Map<string, string>) {
  const write = fileWriter(join(out, pagefindPath));
  for (const [path, json] of files) write(path, json);
}

/** The built site's pages, each read when its turn comes. */
function* builtPages(out: string): Generator<Page> {
  const html = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
  for (const sourcePath of html.sort()) yield { sourcePath, content: readFileSync(join(out, sourcePath), 'utf8') };
}

/** Writes the search files for the built site in `out` (after its pages, before the 繁體 copies). */
export async function buildSearchFiles(out: string, logger: Pick<AstroIntegrationLogger, 'info'>): Promise<void> {
  const files = await filesFor(builtPages(out));
  writeSearchFiles(out, files);
  logger.info(`搜索索引已生成：${files.size} 个文件 → ${pagefindPath}`);
}

/**
 * In `astro dev`: the search files made from the dev server's own pages, on the first request
 * for them, and made again after a content or code change.
 */
export function serveSearchFiles(server: ViteDevServer, base: string, logger: AstroIntegrationLogger): void {
  let files: Promise<Map<string, string>> | undefined;
  server.watcher.on('all', (_event, path) => {
    if (/\.(mdx?|astro|ts)$/.test(path)) files = undefined;
  });
  const prefix = withBase(base, pagefindPath);
  server.middlewares.use(async (req, res, next) => {
    // Astro's dev server has already taken the base path off req.url (/fzbg/pagefind/x
    // arrives as /pagefind/x); originalUrl is the address the browser asked for.
    const path = (req.originalUrl ?? req.url ?? '').split('?')[0]!;
    const origin = devOrigin(server);
    if (!path.startsWith(prefix) || !origin) return next();
    try {
      files ??= crawl(origin, base).then(filesFor);
      files.then((f) => logger.debug(`开发服务器的搜索索引：${f.size} 个文件`)).catch(() => {});
      const body = (await files).get(path.slice(prefix.length));
      res.statusCode = body === undefined ? 404 : 200;
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('Cache-Control', 'no-store');
      res.end(body);
    } catch (e) {
      files = undefined;
      next(e);
    }
  });
}

/** Crawls the dev server from the home page, as a reader following links would. */
async function crawl(origin: string, base: string): Promise<Page[]> {
  const seen = new Set<string>([base]);
  const queue = [base];
  const pages: Page[] = [];
  while (queue.length) {
    const path = queue.shift()!;
    const res = await fetch(origin + path);
    if (!res.ok || !res.headers.get('content-type')?.includes('text/html')) continue;
    const html = await res.text();
    pages.push({ url: path.slice(base.length - 1), content: html });
    for (const m of html.matchAll(/href="([^"#?]+)"/g)) {
      const href = new URL(m[1]!, origin + path).pathname;
      if (href.startsWith(base) && href.endsWith('/') && !href.startsWith(withBase(base, pagefindPath)) && !seen.has(href)) {
        seen.add(href);
        queue.push(href);
      }
    }
  }
  return pages;
}

