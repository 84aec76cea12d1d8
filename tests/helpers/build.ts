/**
 * Builds the site (or a fixture variant of it) into a folder of its own, and reports what the
 * build printed: `buildSite` runs `astro build` with the environment a person's shell gives it
 * (the messages staff see); `buildDeployment` calls Astro's `build()` for a deployment given as
 * values (fixture sites).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { withLock } from './run-lock.ts';
import type { DeploymentOptions } from '../../src/integrations/deployment.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The environment a person's shell would give astro: without the variables vitest adds
 * (with VITEST set, astro dev answers every page with 404; with DEV=1 a build behaves as
 * a dev server).
 */
const VITEST_ENV = new Set(['TEST', 'NODE_ENV', 'PROD', 'DEV', 'BASE_URL', 'MODE', 'SSR']);
export function astroEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && !VITEST_ENV.has(k)),
  );
  // Tests choose the base path themselves; a bureau's own BASE_PATH must not leak in. Astro's
  // telemetry stays off: a test run sends nothing anywhere (and each build and dev server
  // would ask git for the project's first commit for it).
  return { ...env, NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1', BASE_PATH: '/', ...extra };
}

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
}

export function buildSite(env: Record<string, string> = {}): BuildResult {
  const work = mkdtempSync(join(tmpdir(), 'fznb-build-'));
  const outDir = env.OUT_DIR ?? join(work, 'dist');
  // One astro at a time in a test run (run-lock.ts).
  const r = withLock('astro', () =>
    spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: ROOT,
      env: astroEnv({ OUT_DIR: outDir, ASTRO_CACHE_DIR: join(work, 'cache'), ...env }),
      encoding: 'utf8',
    }),
  );
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`, outDir };
}

/**
 * Builds a site with Astro's `build()` for a deployment given as values (content folder, site
 * configuration, address, base path), not through environment variables; `env` only for what
 * a bureau's CI really sets in the environment (EDIT_URL). Into a folder of its own unless
 * `outDir` is given.
 */
export function buildDeployment(deployment: DeploymentOptions, env: Record<string, string> = {}): BuildResult {
  const work = mkdtempSync(join(tmpdir(), 'fznb-build-'));
  const options = { outDir: join(work, 'dist'), cacheDir: join(work, 'cache'), ...deployment };
  const r = withLock('astro', () =>
    spawnSync(process.execPath, [join(ROOT, 'tests/helpers/astro-build.mjs'), JSON.stringify(options)], {
      cwd: ROOT,
      env: astroEnv(env),
      encoding: 'utf8',
    }),
  );
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`, outDir: options.outDir };
}
