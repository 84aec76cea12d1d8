// Bench-only Starlight site with the same 2023 report (see sync.ts); never part of the real site.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  site: 'https://example.gov.cn',
  outDir: process.env.OUT_DIR || './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  integrations: [
    starlight({
      title: '武江区退役军人事务局 法治政府建设年度报告',
      defaultLocale: 'root',
      locales: { root: { label: '简体中文', lang: 'zh-CN' } },
      // Starlight's built-in Pagefind search stays on (its default).
      sidebar: [{ label: '2023年度报告', items: [{ autogenerate: { directory: '2023' } }] }],
    }),
  ],
});
