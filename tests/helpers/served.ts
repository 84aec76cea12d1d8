/** Test-file setup shared by the browser tests (kept apart from browser.ts, which benches use too). */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { serve, type Served } from './serve';
import { launch } from './browser';
import { builtFixture, type BuiltFixture } from './fixtures';
import { expectedSite, type ExpectedSite } from './expected';

/**
 * For a test file: serves a production build (by default the multi-year fixture's, built
 * once per run) and launches Chromium before its tests, closing both after. Read `.site`,
 * `.browser`, `.built` and `.expected` (what the fixture's content says the site holds)
 * inside tests.
 */
export function servedSite(fixture: () => Promise<BuiltFixture> = () => builtFixture('multi-year'), options?: Parameters<typeof serve>[1]) {
  const state = {} as { site: Served; browser: Browser; built: BuiltFixture; expected: ExpectedSite };
  beforeAll(async () => {
    state.built = await fixture();
    state.expected = expectedSite(state.built.contentDir);
    state.site = await serve(state.built.dist, options);
    state.browser = await launch();
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.site?.close();
  });
  return state;
}
