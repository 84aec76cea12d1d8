/**
 * Query sets written apart from the search code, measured in real Chromium:
 * `node bench/search-sets.ts [set.json …]` (default: every file in bench/search-sets/).
 *
 * For this site and for Pagefind on its own over the same build (a stock index written for
 * this run only), it prints P@1 and R@5 per group, absent topics answered with nothing or
 * under a notice naming the missing word (没有找到“…”), and answerable queries that got no
 * result at all. BENCH_VERBOSE=1 prints each query. Sets and scoring: bench/search-lib.ts.
 */
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { builtAndServed } from './site.ts';
import { launch } from '../tests/helpers/browser.ts';
import { measureSets, readSet, SETS_DIR, stockIndex } from './search-lib.ts';

const args = process.argv.slice(2);
const files = args.length ? args : readdirSync(SETS_DIR).filter((f) => f.endsWith('.json')).sort().map((f) => join(SETS_DIR, f));

const { outDir, site } = await builtAndServed();
await stockIndex(outDir);
const browser = await launch();
await measureSets(browser, site.url, files.map(readSet), Boolean(process.env.BENCH_VERBOSE));
await browser.close();
await site.close();
