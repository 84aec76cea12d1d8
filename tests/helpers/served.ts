/** Test-file setup shared by the browser tests (kept apart from browser.ts, which benches use too). */
import { afterAll, beforeAll, inject } from 'vitest';
import type { Browser } from 'playwright-core';
import { serve, type Served } from './serve';
import { launch } from './browser';

/**
 * For a test file: serves the shared production build (or `dir`) and launches Chromium
 * before its tests, closing both after. Read `.site` and `.browser` inside tests.
 */
export function servedSite(dir?: () => string, options?: Parameters<typeof serve>[1]) {
  const state = {} as { site: Served; browser: Browser };
  beforeAll(async () => {
    state.site = await serve(dir ? dir() : inject('siteDist'), options);
    state.browser = await launch();
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.site?.close();
  });
  return state;
}
