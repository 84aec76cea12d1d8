// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import searchIndex from './src/integrations/search-index.ts';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { basePath, DEFAULT_SITE_CONFIG, siteConfigModule, siteUrl } from './src/domain/site.ts';
import { loadContentFolder } from './src/domain/content-folder.ts';
import { contentDirOf } from './src/domain/layout.ts';
import { lastmodByPath } from './src/utils/routes.ts';
import drafts from './src/integrations/drafts.ts';
import traditional from './src/integrations/traditional.ts';
import serverQuery from './src/integrations/server-query.ts';
import contentCheck from './src/integrations/content-check.ts';
import sitemap from '@astrojs/sitemap';

const env = (/** @type {string} */ name) => process.env[name]?.trim() || undefined;
// SITE_CONFIG names another site configuration (a fixture's, a second deployment's); every
// import of site.config.ts in the site's code is sent to it (siteConfigAlias below).
const SITE_CONFIG_FILE = resolve(siteConfigModule(process.env));
const DEFAULT_SITE_CONFIG_FILE = resolve(DEFAULT_SITE_CONFIG);
/** @type {import('./src/domain/site.ts').SiteConfig} */
const siteConfig = (await import(pathToFileURL(SITE_CONFIG_FILE).href)).default;
const SITE_URL = env('SITE_URL');
const BASE_PATH = env('BASE_PATH');
const site = SITE_URL ? siteUrl(SITE_URL, '环境变量 SITE_URL') : siteUrl(siteConfig.url, 'site.config.ts 的 url');
const base = BASE_PATH ? basePath(BASE_PATH, '环境变量 BASE_PATH') : basePath(siteConfig.base, 'site.config.ts 的 base');
// Astro lets any environment variable override import.meta.env.* in pages, so a stray
// BASE_URL (vitest sets BASE_URL=/, some CI systems set their own) would put every page link
// back at the root while scripts kept the base path. The two values come from here only.
delete process.env.BASE_URL;
delete process.env.SITE;

export default defineConfig({
  site,
  base,
  // Tests and benchmarks build fixture sites side by side, each into its own folder.
  outDir: process.env.OUT_DIR || './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // A sitemap needs full addresses: only when the site's address is known (robots.txt then names it).
  // The 繁體 edition is copied from the built pages after the search index is written, so the
  // index holds the simplified pages only; the sitemap lists those (each names its twin by hreflang).
  // serverQuery writes, beside each edition's search page, the field nginx fills the query into.
  integrations: [contentCheck({ site: siteConfig, configFile: siteConfigModule(process.env) }), mdx(), drafts(), searchIndex(), traditional(), serverQuery(), ...(site ? [sitemap({ filter: (page) => page.endsWith('/'), serialize: withLastmod() })] : [])],
  markdown: {
    // Report text is published verbatim: no typographic quote or dash rewriting.
    processor: unified({ remarkPlugins: [remarkGfm], gfm: false, smartypants: false }),
  },
  devToolbar: { enabled: false },
  vite: {
    plugins: [siteConfigAlias(), plainDynamicImport()],
    build: {
      // Scripts stay in files of their own (none inline), for a strict Content-Security-Policy.
      assetsInlineLimit: 0,
      rolldownOptions: {
        // Astro marks every MDX entry with this directive and the bundler warns about each
        // one (withastro/astro#18087): harmless, and it would bury real warnings.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
          handler(level, log);
        },
      },
    },
  },
});

/** Sends every import of the project's site.config.ts to the module SITE_CONFIG names. */
function siteConfigAlias() {
  return {
    name: 'fznb-site-config',
    enforce: /** @type {const} */ ('pre'),
    /** @param {string} source @param {string | undefined} importer @param {any} options @returns {Promise<string | null>} */
    async resolveId(source, importer, options) {
      if (SITE_CONFIG_FILE === DEFAULT_SITE_CONFIG_FILE || !/site\.config(\.ts)?$/.test(source)) return null;
      // @ts-ignore Vite's plugin context
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === DEFAULT_SITE_CONFIG_FILE ? SITE_CONFIG_FILE : null;
    },
  };
}

/**
 * The sitemap's lastmod: a report's pages carry its last correction or 发布日期 when known
 * (lastmodByPath), every other page none, so the sitemap claims no date nobody gave.
 */
function withLastmod() {
  const { reports, sections } = loadContentFolder(resolve(contentDirOf(process.env)), process.cwd());
  const dates = lastmodByPath(reports, sections, base);
  /** @param {import('@astrojs/sitemap').SitemapItem} item */
  return (item) => {
    const date = dates.get(new URL(item.url).pathname);
    return date ? { ...item, lastmod: date } : item;
  };
}

/**
 * Vite wraps every dynamic import() in a helper (\0vite/preload-helper.js) that, besides
 * importing, fetches the imported chunk's own imports and stylesheets in parallel. The helper
 * is 880 B gzip, loaded on every page before the reader does anything, to save one round trip
 * when the search code (on focus) or the highlight code (after a search) loads; the site's
 * budget for script before interaction is 2 KB. This one only imports. None of the code loaded
 * later has a stylesheet of its own (tests/build/head.test.ts checks), so nothing goes missing:
 * the chunk's imports load as the browser reads it.
 */
function plainDynamicImport() {
  const ID = '\0vite/preload-helper.js';
  return {
    name: 'fznb-plain-dynamic-import',
    enforce: /** @type {const} */ ('pre'),
    /** @param {string} id */
    load(id) {
      return id === ID ? 'export const __vitePreload = (load) => load();' : null;
    },
  };
}
