/**
 * Builds the Pagefind index as part of `astro build` and, in `astro dev`, serves an index
 * made from the dev server's own pages, so search works the same in both.
 *
 * Only section pages carry data-pagefind-body: a passage is indexed once, on its section's
 * own page, never again for the whole-report page; a withdrawn report's sections carry none.
 * Only pages that carry it are handed to Pagefind, because Pagefind indexes every page whole
 * when no page has it, as when every report is withdrawn.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { pagefindPath, withBase } from '../utils/routes.ts';

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
          const pages = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
          let count = 0;
          for (const sourcePath of pages.sort()) {
            const content = readFileSync(join(out, sourcePath), 'utf8');
            if (!indexed(content)) continue;
            fail('读取页面', (await index.addHTMLFile({ sourcePath, content })).errors);
            count++;
          }
          const written = await index.writeFiles({ outputPath: join(out, pagefindPath) });
          fail('写入', written.errors);
          logger.info(`搜索索引已生成：${count} 个页面 → ${pagefindPath}`);
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
            const address = server.httpServer?.address();
            if (!address || typeof address === 'string') return next();
            // Fetch the pages back from the address the server listens on.
            const host = ['::', '0.0.0.0'].includes(address.address)
              ? 'localhost'
              : address.family === 'IPv6'
                ? `[${address.address}]`
                : address.address;
            const origin = `http://${host}:${address.port}`;
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
    const marked = pages.filter((p) => indexed(p.content));
    for (const p of marked) fail('读取页面', (await index.addHTMLFile({ url: p.url, content: p.content })).errors);
    const { files, errors } = await index.getFiles();
    fail('生成', errors);
    logger.info(`开发服务器的搜索索引已生成：${marked.length} 个页面`);
    return new Map(files.map((f) => [f.path.replace(/^\/+/, ''), f.content]));
  });
}

function contentType(path: string) {
  if (path.endsWith('.js')) return 'text/javascript; charset=utf-8';
  if (path.endsWith('.css')) return 'text/css; charset=utf-8';
  if (path.endsWith('.json')) return 'application/json';
  return 'application/octet-stream';
}
