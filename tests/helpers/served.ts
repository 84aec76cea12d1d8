/** Test-file setup shared by the browser tests (kept apart from browser.ts, which benches use too). */
import { afterAll, beforeAll } from 'vitest';
import { serve, type Served } from './serve';
import { fileBrowser, type FileBrowser } from './browser';
import { builtFixture, type BuiltFixture } from './fixtures';
import { expectedSite, type ExpectedSite } from './expected';

/**
 * For a test file: serves a production build (by default the multi-year fixture's, built
 * once per run) and opens the worker's Chromium (fileBrowser) before its tests; after them,
 * stops the server and closes the pages the file opened. Read `.site`,
 * `.browser`, `.built` and `.expected` (what the fixture's content says the site holds)
 * inside tests.
 */
export function servedSite(fixture: () => Promise<BuiltFixture> = () => builtFixture('multi-year'), options?: Parameters<typeof serve>[1]) {
  const state = {} as { site: Served; browser: FileBrowser; built: BuiltFixture; expected: ExpectedSite };
  beforeAll(async () => {
    state.built = await fixture();
    state.expected = expectedSite(state.built.contentDir);
    state.site = await serve(state.built.dist, options);
    state.browser = await fileBrowser();
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.site?.close();
  });
  return state;
}
