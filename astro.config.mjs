// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import searchIndex from './src/integrations/search-index.ts';

export default defineConfig({
  // Tests and benchmarks build fixture sites side by side, each into its own folder.
  outDir: process.env.OUT_DIR || './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), searchIndex()],
  markdown: {
    // Report text is published verbatim: no typographic quote or dash rewriting.
    processor: unified({ remarkPlugins: [remarkGfm], gfm: false, smartypants: false }),
  },
  devToolbar: { enabled: false },
  vite: {
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
