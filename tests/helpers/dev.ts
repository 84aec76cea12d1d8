/**
 * `astro dev` on a content folder, as a writer runs it, on a free port and its own cache
 * folder; --ignore-lock lets it run beside a developer's own `npm run dev`. Resolves with
 * the origin it serves once it says where it listens.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { astroEnv, ROOT } from './build';
import { takeLock } from './run-lock';

export interface DevServer {
  origin: string;
  process: ChildProcess;
  stop: () => void;
}

export async function startDev(contentDir: string): Promise<DevServer> {
  // One astro at a time in a test run (run-lock.ts), for as long as this one runs.
  const release = takeLock('astro');
  const dev = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', '0', '--host', '127.0.0.1', '--ignore-lock'], {
    cwd: ROOT,
    env: astroEnv({ CONTENT_DIR: contentDir, ASTRO_CACHE_DIR: mkdtempSync(join(tmpdir(), 'fznb-dev-')) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dev.once('exit', release).once('error', release);
  const origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    // A server that does not start is stopped, so it holds the lock no longer.
    const timer = setTimeout(() => {
      dev.kill();
      reject(new Error(`astro dev did not start:\n${out}`));
    }, 60_000);
    dev.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`astro dev ended (${code}) before it started:\n${out}`));
    });
    dev.stdout!.on('data', (d) => {
      out += d;
      const m = /Local\s+(http:\/\/\S+?)\/?\s/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    dev.stderr!.on('data', (d) => (out += d));
  });
  return { origin, process: dev, stop: () => dev.kill() };
}
