/**
 * Where and how this build is deployed: the content folder, the configuration module and what
 * it says, the site's address and base path, and the folders the build writes to. `npm run
 * build` reads them from the environment (readDeployment); tests hand them to Astro's `build()`
 * as values (deploymentOf), with the same checks and defaults.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentDirOf, DEFAULT_CONTENT_DIR } from '../domain/layout.ts';
import { basePath, DEFAULT_SITE_CONFIG, siteConfigModule, siteUrl, type SiteConfig } from '../domain/site.ts';

export interface Deployment {
  /** The content folder, absolute. */
  contentDir: string;
  site?: string;
  base: string;
  outDir: string;
  cacheDir: string;
  siteConfig: SiteConfig;
  /** The configuration module as staff name it (for messages). */
  configFile: string;
}

/** A deployment as given: every field may be left to site.config.ts or the usual folder. */
export interface DeploymentOptions {
  contentDir?: string;
  configFile?: string;
  site?: string;
  base?: string;
  outDir?: string;
  cacheDir?: string;
}

type Env = Record<string, string | undefined>;

const value = (env: Env, name: string) => env[name]?.trim() || undefined;

/** Where each value came from, as messages name it. */
interface Sources {
  site: string;
  base: string;
}

/** The deployment of these options, relative paths taken from `root`. */
export async function deploymentOf(
  options: DeploymentOptions,
  root = process.cwd(),
  from: Sources = { site: '构建选项 site', base: '构建选项 base' },
): Promise<Deployment> {
  const configFile = options.configFile ?? DEFAULT_SITE_CONFIG;
  const siteConfig = ((await import(/* @vite-ignore */ pathToFileURL(resolve(root, configFile)).href)) as { default: SiteConfig }).default;
  return {
    contentDir: resolve(root, options.contentDir ?? DEFAULT_CONTENT_DIR),
    site: options.site ? siteUrl(options.site, from.site) : siteUrl(siteConfig.url, 'site.config.ts 的 url'),
    base: options.base ? basePath(options.base, from.base) : basePath(siteConfig.base, 'site.config.ts 的 base'),
    outDir: options.outDir ?? './dist',
    cacheDir: options.cacheDir ?? './node_modules/.astro',
    siteConfig,
    configFile,
  };
}

/**
 * The deployment the environment names: CONTENT_DIR, SITE_CONFIG, SITE_URL, BASE_PATH, and
 * the folders tests and benchmarks build into (OUT_DIR, ASTRO_CACHE_DIR).
 */
export function readDeployment(env: Env = process.env): Promise<Deployment> {
  const options: DeploymentOptions = {
    contentDir: contentDirOf(env),
    configFile: siteConfigModule(env),
    site: value(env, 'SITE_URL'),
    base: value(env, 'BASE_PATH'),
    outDir: value(env, 'OUT_DIR'),
    cacheDir: value(env, 'ASTRO_CACHE_DIR'),
  };
  return deploymentOf(options, process.cwd(), { site: '环境变量 SITE_URL', base: '环境变量 BASE_PATH' });
}
