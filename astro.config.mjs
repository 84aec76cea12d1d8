// @ts-check
import { defineConfig } from 'astro/config';
import fznb from './src/integrations/fznb.ts';
import { readDeployment } from './src/integrations/deployment.ts';

// The site's address, base path and configuration, from the environment and site.config.ts.
const d = await readDeployment();

export default defineConfig({
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
});
