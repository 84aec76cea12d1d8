// @ts-check
import { defineConfig } from 'astro/config';
import './src/integrations/typescript-loader.mjs';

// Imported once the loader above is in place (a static import would be loaded before it runs).
const [{ default: fznb }, { readDeployment }] = await Promise.all([import('./src/integrations/fznb.ts'), import('./src/integrations/deployment.ts')]);

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
