/**
 * Astro's configuration for a deployment: astro.config.mjs gives it the deployment the
 * environment names; tests give Astro's `build()` one of their own.
 */
import type { AstroUserConfig } from 'astro';
import type { Deployment } from './deployment.ts';
import fznb from './fznb.ts';

export function astroConfig(d: Deployment): AstroUserConfig {
  return {
    site: d.site,
    base: d.base,
    // Tests and benchmarks build fixture sites side by side, each into its own folder.
    outDir: d.outDir,
    cacheDir: d.cacheDir,
    trailingSlash: 'always',
    build: { format: 'directory' },
    integrations: [fznb(d)],
    devToolbar: { enabled: false },
    vite: {
      build: {
        // Scripts stay in files of their own (none inline), for a strict Content-Security-Policy.
        assetsInlineLimit: 0,
      },
    },
  };
}
