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
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { load } from 'cheerio';
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

/** A report page's preface as a search unit, or undefined when the page has none. */
export function prefaceRecord(year: string, html: string) {
  const text = load(html)('#preface').text().trim();
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

/** Adds every unit to the index: the pages that mark a body, then the preface of each year that has one of those pages. */
async function addUnits(index: pagefind.PagefindIndex, pages: readonly Page[]): Promise<number> {
  const years = new Set<string>();
  let n = 0;
  for (const p of pages.filter((page) => indexed(page.content))) {
    fail('读取页面', (await index.addHTMLFile(p.sourcePath ? { sourcePath: p.sourcePath, content: p.content } : { url: p.url, content: p.content })).errors);
    const y = yearOf(p.sourcePath ?? p.url ?? '');
    if (y) years.add(y);
    n++;
  }
  for (const p of pages) {
    const path = p.sourcePath ?? p.url ?? '';
    const y = yearOf(path);
    const record = y && years.has(y) && isReportPage(path) ? prefaceRecord(y, p.content) : undefined;
    if (!record) continue;
    fail('读取前言', (await index.addCustomRecord(record)).errors);
    n++;
  }
  return n;
}

/** The fragment files of an index written to a folder (none, with no units). */
function fragmentFiles(folder: string): { path: string; content: Uint8Array }[] {
  const dir = join(folder, 'fragment');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().map((f) => ({ path: `fragment/${f}`, content: readFileSync(join(dir, f)) }));
}

/** Pagefind's fragments for these pages, written to a temporary folder and read back. */
async function fragmentsOf(pages: readonly Page[]): Promise<{ path: string; content: Uint8Array }[]> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`搜索索引创建失败：${errors.join('; ')}`);
  const folder = mkdtempSync(join(tmpdir(), 'fznb-pagefind-'));
  try {
    await addUnits(index, pages);
    // Written and read back: asking Pagefind for its files would send the whole index back through its pipe.
    fail('写入', (await index.writeFiles({ outputPath: folder })).errors);
    return fragmentFiles(folder);
  } finally {
    await pagefind.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The publishing agencies the indexed pages name (their ContentSource meta). */
function agenciesOf(pages: readonly Page[]): string[] {
  const names = pages.filter((p) => indexed(p.content)).map((p) => /<meta name="ContentSource" content="([^"]+)"/.exec(p.content)?.[1]);
  return [...new Set(names.filter((n): n is string => !!n))].sort();
}

/** The site's search files for these pages: path under the search folder → content. */
async function filesFor(pages: readonly Page[]): Promise<Map<string, string>> {
  return searchFiles(unitsFromFragments(await fragmentsOf(pages)), siteTools(), agenciesOf(pages));
}

function writeSearchFiles(out: string, files: Map<string, string>) {
  for (const [path, json] of files) {
    const file = join(out, pagefindPath, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, json);
  }
}

/** Writes the search files for the built site in `out` (after its pages, before the 繁體 copies). */
export async function buildSearchFiles(out: string, logger: Pick<AstroIntegrationLogger, 'info'>): Promise<void> {
  const html = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
  const pages = html.sort().map((sourcePath) => ({ sourcePath, content: readFileSync(join(out, sourcePath), 'utf8') }));
  const files = await filesFor(pages);
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

