/**
 * The site's one integration, composing the rest (as Starlight's does): it adds MDX and, when
 * the site's address is known, the sitemap; gives Vite its three plugins; hands the content
 * collections' loader what fills them (content-fill.ts); checks the content folder before the
 * build reads it, then starts the build's worker thread (after-build.ts),
 * which first segments the titles for the pages (vite-title-words.ts), and is handed each page
 * as Astro makes it (built-pages.ts, the build's middleware); and after the build
 * writes each report's attachments beside its page, then has the worker run, in this order:
 *   1. the search files, from the simplified pages only;
 *   2. the 繁體 edition, a converted copy of every page;
 *   3. each edition's search field for nginx, from that edition's search page.
 * In `astro dev` it serves the same things from the dev server's own pages.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { lastmodByPath } from '../utils/routes.ts';
import type { Deployment } from './deployment.ts';
import { checkedContent, useContentFolder } from './content.ts';
import { checkBeforeBuild, serveAttachments, writeAttachments } from './content-check.ts';
import { provideCollections } from './content-fill.ts';
import { startAfterBuild, type AfterBuild } from './after-build.ts';
import { viteSiteConfig } from './vite-site-config.ts';
import { vitePlainDynamicImport } from './vite-plain-dynamic-import.ts';
import { viteTitleWords } from './vite-title-words.ts';
import { handPagesTo } from './built-pages.ts';

/**
 * The sitemap's lastmod: a report's pages carry its last correction or 发布日期 when known,
 * every other page none, so the sitemap claims no date nobody gave.
 */
function withLastmod(base: string) {
  const { reports, sections } = checkedContent();
  const dates = lastmodByPath(reports, sections, base);
  return (item: { url: string; lastmod?: string }) => {
    const date = dates.get(new URL(item.url).pathname);
    return date ? { ...item, lastmod: date } : item;
  };
}

/** The texts the pages break into words (Words.astro): the site's names and every report's title. */
const titles = (d: Deployment) => [d.siteConfig.bureau, d.siteConfig.siteName, ...checkedContent().reports.map((r) => r.data.title)].map((t) => t.trim());

export default function fznb(d: Deployment): AstroIntegration {
  const where = { base: d.base, site: d.site };
  let afterBuild: AfterBuild | undefined;
  return {
    name: 'fznb',
    hooks: {
      'astro:config:setup': async ({ command, updateConfig, addMiddleware, logger }) => {
        // Astro lets any environment variable override import.meta.env.* in pages, so a stray
        // BASE_URL (vitest sets BASE_URL=/, some CI systems set their own) would put every page
        // link back at the root while scripts kept the base path. The two come from `d` only.
        delete process.env.BASE_URL;
        delete process.env.SITE;
        useContentFolder(d.contentDir);
        provideCollections();
        // The check first: a refused build loads nothing more and starts no worker.
        if (command === 'build') {
          checkBeforeBuild({ site: d.siteConfig, configFile: d.configFile }, logger);
          afterBuild = startAfterBuild(where, titles(d));
          handPagesTo(afterBuild.pageMade);
          addMiddleware({ entrypoint: new URL('./built-pages.ts', import.meta.url), order: 'post' });
        }
        const [{ default: mdx }, sitemap] = await Promise.all([import('@astrojs/mdx'), d.site ? import('@astrojs/sitemap') : undefined]);
        // A sitemap needs full addresses: only when the site's address is known.
        const site = sitemap ? [sitemap.default({ filter: (page) => page.endsWith('/'), serialize: withLastmod(d.base) })] : [];
        updateConfig({
          integrations: [mdx(), ...site],
          vite: {
            plugins: [viteSiteConfig(d.configFile), vitePlainDynamicImport(), viteTitleWords(() => afterBuild?.titleWords)],
            // Drafts show in `astro dev` only: decided by the command that runs, never by the environment.
            define: { 'import.meta.env.SHOW_DRAFTS': JSON.stringify(command === 'dev') },
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        writeAttachments(out);
        await afterBuild!.run(out, logger);
      },
      'astro:server:setup': async ({ server, logger }) => {
        const [{ serveSearchFiles }, { serveTraditionalPages }] = await Promise.all([import('./search-index.ts'), import('./traditional.ts')]);
        serveAttachments(server);
        serveSearchFiles(server, d.base, logger);
        serveTraditionalPages(server, where);
      },
    },
  };
}
