/** What several benchmarks do the same way: build the real site and serve it; measure the first search. */
import type { Browser } from 'playwright-core';
import { buildSite } from '../tests/helpers/build.ts';
import { serve, type Served } from '../tests/helpers/serve.ts';

/** Builds the site (stopping with the build's output if it fails) and serves it with gzip. */
export async function builtAndServed(): Promise<{ outDir: string; site: Served }> {
  const built = buildSite();
  if (built.status !== 0) {
    console.error(built.output);
    process.exit(1);
  }
  return { outDir: built.outDir, site: await serve(built.outDir) };
}

/**
 * Bytes and requests, counted at the server (so Pagefind's worker counts too), from opening
 * /search/?q=… in a fresh browser context until the results are on screen.
 */
export async function firstSearch(browser: Browser, site: Served, query = '优待证') {
  const context = await browser.newContext();
  const page = await context.newPage();
  site.resetSent();
  await page.goto(`${site.url}search/?q=${encodeURIComponent(query)}`);
  await page.waitForSelector('#search-results[data-query] li');
  const sent = site.sent();
  await context.close();
  return sent;
}
