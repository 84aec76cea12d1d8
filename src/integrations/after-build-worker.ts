/**
 * The worker thread of after-build.ts: loads the search tools at once, then, handed the built
 * site's folder, writes the search files, the 繁體 edition and the search fields, and says so.
 */
import { parentPort } from 'node:worker_threads';
import { warmTools } from '../search/build-tools.ts';
import { buildSearchFiles } from './search-index.ts';
import { writeTraditionalEdition } from './traditional.ts';
import { writeServerQueryFields } from './server-query.ts';
import type { AfterBuildMessage, Where } from './after-build.ts';

const port = parentPort!;
const say = (m: AfterBuildMessage) => port.postMessage(m);
const log = { info: (text: string) => say({ info: text }) };

// While Astro builds the pages.
warmTools();

port.on('message', async ({ out, where }: { out: string; where: Where }) => {
  try {
    await buildSearchFiles(out, log);
    writeTraditionalEdition(out, where, log);
    writeServerQueryFields(out);
    say({ done: true });
  } catch (e) {
    say({ error: e instanceof Error ? e.message : String(e) });
  }
});
