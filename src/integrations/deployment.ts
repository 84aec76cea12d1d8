/**
 * Where and how this build is deployed, read once from the environment and the site
 * configuration: the configuration module (SITE_CONFIG, else site.config.ts) and what it says,
 * the site's address (SITE_URL, else its url) and base path (BASE_PATH, else its base), and the
 * folders tests and benchmarks build into (OUT_DIR, ASTRO_CACHE_DIR).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { basePath, siteConfigModule, siteUrl, type SiteConfig } from '../domain/site.ts';

export interface Deployment {
  site?: string;
  base: string;
  outDir: string;
  cacheDir: string;
  siteConfig: SiteConfig;
  /** The configuration module as staff name it (for messages) . */
  configFile: string;
}

type Env = Record<string, string | undefined>;

const value = (env: Env, name: string) => env[name]?.trim() || undefined;

export async function readDeployment(env: Env = process.env): Promise<Deployment> {
  const configFile = siteConfigModule(env);
  const siteConfig = ((await import(/* @vite-ignore */ pathToFileURL(resolve(configFile)).href)) as { default: SiteConfig }).default;
  const url = value(env, 'SITE_URL');
  const base = value(env, 'BASE_PATH');
  // Astro lets any environment variable override import.meta.env.* in pages, so a stray
  // BASE_URL (vitest sets BASE_URL=/, some CI systems set their own) would put every page link
  // back at the root while scripts kept the base path. The two values come from here only.
  delete env.BASE_URL;
  delete env.SITE;
  return {
    site: url ? siteUrl(url, '环境变量 SITE_URL') : siteUrl(siteConfig.url, 'site.config.ts 的 url'),
    base: base ? basePath(base, '环境变量 BASE_PATH') : basePath(siteConfig.base, 'site.config.ts 的 base'),
    outDir: value(env, 'OUT_DIR') ?? './dist',
    cacheDir: value(env, 'ASTRO_CACHE_DIR') ?? './node_modules/.astro',
    siteConfig,
    configFile,
  };
}
