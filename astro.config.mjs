// @ts-check
import { defineConfig } from 'astro/config';
import './src/integrations/typescript-loader.mjs';

// Imported once the loader above is in place (a static import would be loaded before it runs).
const [{ astroConfig }, { readDeployment }] = await Promise.all([import('./src/integrations/astro-config.ts'), import('./src/integrations/deployment.ts')]);

// The content folder, the site's address, base path and configuration: from the environment and site.config.ts.
export default defineConfig(astroConfig(await readDeployment()));
