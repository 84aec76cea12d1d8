/**
 * The worker thread of after-build.ts: first segments the titles it was given (the pages wait
 * for their words), then loads the search tools, then, handed the built site's folder, writes
 * the search files, the 繁體 edition and the search fields, and says so.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { wordsOf } from '../utils/words.ts';
import type { AfterBuildMessage, Where, WorkerData } from './after-build.ts';

const port = parentPort!;
const say = (m: AfterBuildMessage) => port.postMessage(m);
const log = { info: (text: string) => say({ info: text }) };

say({ words: (workerData as WorkerData).titles.map((t) => [t, wordsOf(t)]) });

// The rest is loaded only now, so the words above are not kept waiting for it.
const [{ warmTools }, { buildSearchFiles, startIndexer }, { writeTraditionalEdition }, { writeServerQueryFields }] = await Promise.all([
  import('../search/build-tools.ts'),
  import('./search-index.ts'),
  import('./traditional.ts'),
  import('./server-query.ts'),
]);

// While Astro builds the pages.
startIndexer();
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
