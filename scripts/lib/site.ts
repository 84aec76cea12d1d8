/**
 * The site configuration a script works with: the module SITE_CONFIG names, or site.config.ts,
 * as the build reads it. A malformed configuration stops the script with its own Chinese
 * message (src/domain/site.ts), never a stack trace.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { siteConfigModule, type SiteConfig } from '../../src/domain/site.ts';
import { ROOT } from './content.ts';

export async function loadSiteConfig(): Promise<{ site: SiteConfig; configFile: string }> {
  const configFile = siteConfigModule(process.env);
  try {
    return { site: (await import(pathToFileURL(resolve(ROOT, configFile)).href)).default as SiteConfig, configFile };
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
