/**
 * Builds the Pagefind index as part of `astro build` and, in `astro dev`, serves an index
 * made from the dev server's own pages, so search works the same in both.
 *
 * Only section pages carry data-pagefind-body: a passage is indexed once, on its section's
 * own page, never again for the whole-report page; a withdrawn report's sections carry none.
 * Only pages that carry it are handed to Pagefind, because Pagefind indexes every page whole
 * when no page has it, as when every report is withdrawn.
 *
 * Each report's preface is a unit of its own: a custom record linking to the preface on the
 * report page (/2023/#preface), added for each year that has indexed sections (so never for
 * a withdrawn report). Beside the index go the assist files (src/search/vocabulary.ts): the
 * site's words by pinyin and by typo key, and the 繁體 map, all made from the indexed text.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { devOrigin } from './dev-origin.ts';
import { fileURLToPath } from 'node:url';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { load } from 'cheerio';
import { pinyin } from 'pinyin-pro';
import * as OpenCC from 'opencc-js/t2cn';
import { pagefindPath, withBase } from '../utils/routes.ts';
import { assistFiles } from '../search/vocabulary.ts';
import { fragmentBody, termIndexFiles, type UnitSource } from '../search/term-index.ts';
import { ui } from '../i18n/ui.ts';
import { toTraditional } from './traditional.ts';

const require = createRequire(import.meta.url);

/** The build-time tools the assist files are made with: jieba, pinyin-pro and OpenCC. */
function assistTools() {
  const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
  const jieba = Jieba.withDict(dict);
  const t2s = OpenCC.Converter({ from: 't', to: 'cn' });
  return {
    cut: (text: string) => jieba.cut(text),
    syllables: (word: string) => pinyin(word, { toneType: 'none', type: 'array', v: true }),
    toSimplified: (ch: string) => t2s(ch),
    readings: (ch: string) => pinyin(ch, { toneType: 'none', type: 'array', v: true, multiple: true }),
    commonChars: gb2312(),
    toTraditional,
  };
}

/** The 6,763 characters of GB 2312 (the ones Chinese input methods offer first), for the reading files. */
function gb2312(): string[] {
  const decoder = new TextDecoder('gb18030');
  const out: string[] = [];
  for (let row = 0xb0; row <= 0xf7; row++) {
    for (let col = 0xa1; col <= 0xfe; col++) {
      const ch = decoder.decode(new Uint8Array([row, col]));
      if (/^\p{Script=Han}$/u.test(ch)) out.push(ch);
    }
  }
  return out;
}

interface Page {
  /** Where the page is: its file under the output folder, or (dev) its URL. */
  sourcePath?: string;
  url?: string;
  content: string;
}

/** The text of a page's indexed body, as Pagefind reads it (ignored parts left out). */
function bodyText(html: string): string {
  const $ = load(html);
  $('[data-pagefind-ignore]').remove();
  return $('[data-pagefind-body]').text();
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

/**
 * Adds every unit to the index: the pages that mark a body, then the preface of each year
 * that has one of those pages. Returns the indexed texts, for the assist files.
 */
async function addUnits(index: pagefind.PagefindIndex, pages: readonly Page[]): Promise<string[]> {
  const texts: string[] = [];
  const years = new Set<string>();
  for (const p of pages) {
    if (!indexed(p.content)) continue;
    fail('读取页面', (await index.addHTMLFile(p.sourcePath ? { sourcePath: p.sourcePath, content: p.content } : { url: p.url, content: p.content })).errors);
    texts.push(bodyText(p.content));
    const y = yearOf(p.sourcePath ?? p.url ?? '');
    if (y) years.add(y);
  }
  for (const p of pages) {
    const path = p.sourcePath ?? p.url ?? '';
    const y = yearOf(path);
    if (!y || !years.has(y) || !isReportPage(path)) continue;
    const record = prefaceRecord(y, p.content);
    if (!record) continue;
    fail('读取前言', (await index.addCustomRecord(record)).errors);
    texts.push(record.content);
  }
  return texts;
}

/** Pagefind's signature at the start of every fragment file, after gzip. */
const SIGNATURE = 'pagefind_dcd';

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** A fragment file's JSON: one fragment, or (a group file) fragments by page hash. */
function readFragmentFile(path: string, bytes: Uint8Array): Fragment | Record<string, Fragment> {
  let data = Buffer.from(bytes);
  if (data.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) data = gunzipSync(data);
  if (data.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) {
    throw new Error(`搜索索引的片段文件 ${path} 不是 Pagefind 的格式（缺少 ${SIGNATURE}）：Pagefind 的版本变了，请更新 src/integrations/search-index.ts 的读取方式`);
  }
  return JSON.parse(data.subarray(SIGNATURE.length).toString('utf8'));
}

/** Every search unit, from Pagefind's own fragments (the texts the browser would read). */
export function unitsFromFragments(files: readonly { path: string; content: Uint8Array }[]): UnitSource[] {
  const units: UnitSource[] = [];
  const add = (f: Fragment, fragment: string, key?: string) => {
    const title = f.meta.title ?? '';
    units.push({
      url: f.url,
      title,
      content: fragmentBody(f.content, title),
      year: Number(f.filters.year?.[0]),
      item: f.filters.item?.[0] ?? '',
      order: Number(f.meta.order ?? 0),
      fragment,
      ...(key ? { key } : {}),
    });
  };
  for (const file of files) {
    const m = /(?:^|\/)fragment\/([^/]+)\.pf_fragment$/.exec(file.path);
    if (!m) continue;
    const json = readFragmentFile(file.path, file.content);
    if (typeof (json as Fragment).url === 'string') add(json as Fragment, m[1]!);
    else for (const [key, f] of Object.entries(json as Record<string, Fragment>)) add(f, m[1]!, key);
  }
  // In reading order, so the files are the same from build to build.
  return units.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** The fragment files of an index written to this folder, as getFiles() would give them (none, with no units). */
function fragmentFiles(folder: string): { path: string; content: Uint8Array }[] {
  const dir = join(folder, 'fragment');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pf_fragment'))
    .sort()
    .map((f) => ({ path: `fragment/${f}`, content: readFileSync(join(dir, f)) }));
}

async function withIndex<T>(logger: AstroIntegrationLogger, fill: (index: pagefind.PagefindIndex) => Promise<T>) {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`搜索索引创建失败：${errors.join('; ')}`);
  try {
    return await fill(index);
  } finally {
    await pagefind.close();
  }
}

/** A page search indexes: one that marks its body for Pagefind. */
const indexed = (html: string) => /<[^>]+\sdata-pagefind-body[\s=>]/.test(html);

function fail(step: string, errors: string[]) {
  if (errors.length) throw new Error(`搜索索引${step}失败：${errors.join('; ')}`);
}

export default function searchIndex(): AstroIntegration {
  let base = '/';
  return {
    name: 'fznb-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },

      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        await withIndex(logger, async (index) => {
          const files = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
          const pages = files.sort().map((sourcePath) => ({ sourcePath, content: readFileSync(join(out, sourcePath), 'utf8') }));
          const texts = await addUnits(index, pages);
          const written = await index.writeFiles({ outputPath: join(out, pagefindPath) });
          fail('写入', written.errors);
          // The fragments as written, read back from the folder: asking Pagefind for its files
          // again would send the whole index (over 1 MB) back through its pipe.
          const terms = termIndexFiles(unitsFromFragments(fragmentFiles(join(out, pagefindPath))));
          for (const [path, json] of [...assistFiles(texts, assistTools()), ...terms]) {
            const file = join(out, pagefindPath, path);
            mkdirSync(dirname(file), { recursive: true });
            writeFileSync(file, json);
          }
          logger.info(`搜索索引已生成：${texts.length} 个单元 → ${pagefindPath}`);
        });
      },

      'astro:server:setup': ({ server, logger }) => {
        // Built lazily on the first request for /pagefind/, rebuilt after content changes.
        let files: Promise<Map<string, Uint8Array>> | undefined;
        server.watcher.on('all', (_event, path) => {
          if (/\.(mdx?|astro|ts)$/.test(path)) files = undefined;
        });
        const prefix = withBase(base, pagefindPath);

        server.middlewares.use(async (req, res, next) => {
          // Astro's dev server has already taken the base path off req.url (/fzbg/pagefind/x
          // arrives as /pagefind/x); originalUrl is the address the browser asked for.
          const path = (req.originalUrl ?? req.url ?? '').split('?')[0]!;
          if (!path.startsWith(prefix)) return next();
          try {
            // Fetch the pages back from the address the server listens on.
            const origin = devOrigin(server);
            if (!origin) return next();
            files ??= buildDevIndex(origin, base, logger);
            const body = (await files).get(path.slice(prefix.length));
            if (!body) {
              res.statusCode = 404;
              return res.end();
            }
            res.setHeader('Content-Type', contentType(path));
            res.setHeader('Cache-Control', 'no-store');
            res.end(Buffer.from(body));
          } catch (e) {
            files = undefined;
            next(e);
          }
        });
      },
    },
  };
}

/** Crawls the dev server from the home page, as a reader following links would. */
async function buildDevIndex(origin: string, base: string, logger: AstroIntegrationLogger) {
  const seen = new Set<string>([base]);
  const queue = [base];
  const pages: { url: string; content: string }[] = [];
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
  return withIndex(logger, async (index) => {
    const texts = await addUnits(index, pages);
    const { files, errors } = await index.getFiles();
    fail('生成', errors);
    logger.info(`开发服务器的搜索索引已生成：${texts.length} 个单元`);
    const served = new Map(files.map((f) => [f.path.replace(/^\/+/, ''), f.content]));
    for (const [path, json] of [...assistFiles(texts, assistTools()), ...termIndexFiles(unitsFromFragments(files))]) {
      served.set(path, new TextEncoder().encode(json));
    }
    return served;
  });
}

function contentType(path: string) {
  if (path.endsWith('.js')) return 'text/javascript; charset=utf-8';
  if (path.endsWith('.css')) return 'text/css; charset=utf-8';
  if (path.endsWith('.json')) return 'application/json';
  return 'application/octet-stream';
}
