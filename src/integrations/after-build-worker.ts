/**
 * The worker thread of after-build.ts: first segments the titles it was given (the pages wait
 * for their words), then loads the search tools; makes the 繁體 copy of each page it is handed
 * as Astro makes it; then, handed the built site's folder, writes the search files, the 繁體
 * edition and the search fields, and says so.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { wordsOf } from '../utils/words.ts';
import { outputFileOf } from '../utils/routes.ts';
import type { AfterBuildMessage, AfterBuildRequest, WorkerData } from './after-build.ts';

const port = parentPort!;
const say = (m: AfterBuildMessage) => port.postMessage(m);
const log = { info: (text: string) => say({ info: text }) };

const { titles, where, earlyCharacters } = workerData as WorkerData;
say({ words: titles.map((t) => [t, wordsOf(t)]) });

// The rest is loaded only now, so the words above are not kept waiting for it.
const [{ warmTools }, { buildSearchFiles, startIndexer }, { earlyCopies, writeTraditionalEdition }, { writeServerQueryFields }] = await Promise.all([
  import('../search/build-tools.ts'),
  import('./search-index.ts'),
  import('./traditional.ts'),
  import('./server-query.ts'),
]);

// While Astro builds the pages.
startIndexer();
warmTools();
const copies = earlyCopies(where, earlyCharacters);

/** A page as Astro made it: its 繁體 copy is made while Astro makes the next. */
function made(pathname: string, html: string) {
  const file = outputFileOf(pathname, where.base);
  if (file !== undefined) copies.add(file, html);
}

port.on('message', async (request: AfterBuildRequest) => {
  if ('made' in request) return made(...request.made);
  const { out } = request;
  try {
    await buildSearchFiles(out, log);
    writeTraditionalEdition(out, where, log, copies);
    writeServerQueryFields(out);
    say({ done: true });
  } catch (e) {
    say({ error: e instanceof Error ? e.message : String(e) });
  }
});
