/**
 * Builds a site with Astro's `build()`, for the deployment given as JSON in the first argument
 * (src/integrations/deployment.ts, DeploymentOptions), in a process of its own: a refused
 * build ends its process, as `npm run build` does.
 */
import { resolve } from 'node:path';
import '../../src/integrations/typescript-loader.mjs';

const root = resolve(import.meta.dirname, '../..');
const options = JSON.parse(process.argv[2] ?? '{}');
const [{ build }, { astroConfig }, { deploymentOf }] = await Promise.all([
  import('astro'),
  import('../../src/integrations/astro-config.ts'),
  import('../../src/integrations/deployment.ts'),
]);
try {
  await build({ ...astroConfig(await deploymentOf(options, root)), root, configFile: false, logLevel: 'info' });
  process.exit(0);
} catch (e) {
  console.error(e);
  process.exit(1);
}
