/**
 * The step after `astro build`, in a worker thread of its own (after-build-worker.ts), in
 * this order: the search files from the simplified pages, the 繁體 edition, each edition's
 * search field for nginx.
 *
 * The worker starts with the build. It first segments the site's names and the reports' titles
 * for the pages' line breaks (titleWords, read by vite-title-words.ts), then loads its tools
 * (jieba's tables, pinyin, OpenCC) while Astro builds the pages, on the other core and in a heap
 * of its own, so Astro's build neither waits for them nor carries them. Each page is handed to
 * it as Astro makes it (built-pages.ts), and it makes the page's 繁體 copy then. When the pages
 * are written, it is handed the output folder and the build waits for it to finish. What it
 * logs is logged by the build; an error in it fails the build with its message.
 */
import { Worker } from 'node:worker_threads';
import type { AstroIntegrationLogger } from 'astro';

export interface Where {
  base: string;
  site?: string;
}

/** What the worker is started with: the texts to segment first, where the site is deployed, and how much of the pages it may keep while they are made. */
export interface WorkerData {
  titles: string[];
  where: Where;
  /** Characters of pages and their copies the worker keeps from the pages' making to the end of the build, at most. */
  earlyCharacters: number;
}

/**
 * Characters of the pages handed to the worker as they are made, and of their copies, at most:
 * 16 million characters of pages, a site of some 200 reports of ten pages. A larger site's
 * later pages are handed over no more, and copied after the build.
 */
const EARLY_CHARACTERS = 32_000_000;

/** A message to the worker: a page as Astro made it (its address and HTML), or the built site's folder to finish. */
export type AfterBuildRequest = { made: [pathname: string, html: string] } | { out: string };

/** A message from the worker: the titles' words, a line for the build's log, the step done, or its error. */
export type AfterBuildMessage = { words: [string, string[]][] } | { info: string } | { done: true } | { error: string };

/** Texts and their words (src/utils/words.ts). */
export type TitleWords = ReadonlyMap<string, readonly string[]>;

export interface AfterBuild {
  /** The words of the titles the worker was given; none if it failed before it could say. */
  titleWords: Promise<TitleWords>;
  /** Hands the worker a page as Astro made it (built-pages.ts), to copy while the next are made; false once it takes no more. */
  pageMade: (pathname: string, html: string) => boolean;
  /** Runs the step on the built site in `out`; resolves when every file is written. */
  run(out: string, logger: AstroIntegrationLogger): Promise<void>;
}

/** Starts the worker now, idle until `run`; it does not keep a failed build's process alive. */
export function startAfterBuild(where: Where, titles: string[]): AfterBuild {
  const workerData: WorkerData = { titles, where, earlyCharacters: EARLY_CHARACTERS };
  // Its TypeScript loaded as the configuration's is (typescript-loader.mjs): the loader first, then the worker's module.
  const [loader, entry] = [new URL('./typescript-loader.mjs', import.meta.url), new URL('./after-build-worker.ts', import.meta.url)];
  const worker = new Worker(`import(${JSON.stringify(loader.href)}).then(() => import(${JSON.stringify(entry.href)}))`, { eval: true, workerData });
  worker.unref();
  let failed: Error | undefined;
  worker.once('error', (e) => (failed = e));
  const titleWords = new Promise<TitleWords>((resolve) => {
    worker.on('message', (m: AfterBuildMessage) => 'words' in m && resolve(new Map(m.words)));
    worker.once('exit', () => resolve(new Map()));
  });
  const send = (request: AfterBuildRequest) => worker.postMessage(request);
  // The worker keeps a page and its copy, about twice the page.
  let handed = 0;
  return {
    titleWords,
    pageMade: (pathname, html) => {
      if ((handed += html.length * 2) > EARLY_CHARACTERS) return false;
      send({ made: [pathname, html] });
      return true;
    },
    run: (out, logger) =>
      new Promise<void>((resolve, reject) => {
        if (failed) return reject(failed);
        worker.ref();
        const end = (e?: Error) => {
          void worker.terminate();
          if (e) reject(e);
          else resolve();
        };
        worker.on('message', (m: AfterBuildMessage) => {
          if ('words' in m) return;
          if ('info' in m) logger.info(m.info);
          else if ('error' in m) end(new Error(m.error));
          else end();
        });
        worker.once('error', end);
        // A worker that ends without a word (it crashed, or something in it called exit) fails the build too.
        worker.once('exit', (code) => end(new Error(`生成搜索文件和繁體版的工作线程意外退出（退出码 ${code}），没有写完。请重新构建；如果再次出现，请把构建的完整输出交给维护人员。`)));
        send({ out });
      }),
  };
}
