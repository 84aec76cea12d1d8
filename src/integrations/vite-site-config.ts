/**
 * Sends every import of the project's site.config.ts to the configuration the build was given
 * (SITE_CONFIG: a fixture's, a second deployment's), so pages read the same configuration as
 * the check and the header of the build.
 */
import type { Plugin } from 'vite';
import { resolve } from 'node:path';
import { DEFAULT_SITE_CONFIG } from '../domain/site.ts';

export function viteSiteConfig(configFile: string): Plugin {
  const chosen = resolve(configFile);
  const usual = resolve(DEFAULT_SITE_CONFIG);
  return {
    name: 'fznb-site-config',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (chosen === usual || !/site\.config(\.ts)?$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === usual ? chosen : null;
    },
  };
}
