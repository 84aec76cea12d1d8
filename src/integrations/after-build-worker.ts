/**
 * The worker thread of after-build.ts: first segments the titles it was given (the pages wait
 * for their words), then, at a lower priority than Astro's thread, loads the search tools and
 * rehearses the search files; hands each page it is given as Astro makes it to the search index
 * and makes its 繁體 copy; then, handed the built site's folder, writes the search files, the
 * 繁體 edition and the search fields, and says so.
 */
import { constants, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { wordsOf } from '../utils/words.ts';
import { outputFileOf } from '../utils/routes.ts';
import type { AfterBuildMessage, AfterBuildRequest, WorkerData } from './after-build.ts';

const port = parentPort!;
const say = (m: AfterBuildMessage) => port.postMessage(m);
const log = { info: (text: string) => say({ info: text }) };

const { titles, rehearsal, where, earlyCharacters } = workerData as WorkerData;
say({ words: titles.map((t) => [t, wordsOf(t)]) });

// The rest is work beside Astro's, which waits for none of it until the pages are made: on a
// machine of few cores, Astro's thread (and Vite's) goes first. Linux sets a priority per thread,
// so this one and Pagefind's process, started from it, are lowered, and nothing else; elsewhere
// the whole process would be, so the priority is left as it is.
if (process.platform === 'linux') {
  try {
    setPriority(constants.priority.PRIORITY_LOW);
  } catch {
    // Refused: the work runs at the build's own priority.
  }
}

// The rest is loaded only now, so the words above are not kept waiting for it.
const [{ warmTools }, { buildSearchFiles, indexWhileMade, rehearseSearchFiles, startIndexer }, { earlyCopies, writeTraditionalEdition }, { writeServerQueryFields }] = await Promise.all([
  import('../search/build-tools.ts'),
  import('./search-index.ts'),
  import('./traditional.ts'),
  import('./server-query.ts'),
]);

// While Astro builds the pages.
startIndexer();
warmTools();
const copies = earlyCopies(where, earlyCharacters);
rehearseSearchFiles(rehearsal);

/** A page as Astro made it: indexed, and its 繁體 copy made, while Astro makes the next. */
function made(pathname: string, html: string) {
  const file = outputFileOf(pathname, where.base);
  if (file === undefined) return;
  indexWhileMade(file, html);
  copies.add(file, html);
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
