/**
 * A static file server for built sites, as a web server in production would serve them:
 * under a base path, gzip for text, 404.html for unknown paths, optional extra headers
 * (such as a Content-Security-Policy). Loopback only.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};
const TEXT = new Set(['.html', '.css', '.js', '.json', '.svg', '.xml', '.txt']);

export interface Served {
  url: string;
  /** Requests answered and bytes sent (bodies as sent, compressed where they were) since the last reset. */
  sent(): { requests: string[]; bytes: number };
  resetSent(): void;
  close(): Promise<void>;
}

export async function serve(dir: string, opts: { base?: string; headers?: Record<string, string> } = {}): Promise<Served> {
  const base = opts.base ?? '/';
  let log: string[] = [];
  let bytes = 0;
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file: string | undefined;
    let status = 200;
    if (path.startsWith(base)) {
      const rel = normalize(path.slice(base.length)).replace(/^(\.\.[/\\])+/, '');
      for (const candidate of [rel, join(rel, 'index.html')]) {
        const f = join(dir, candidate);
        if ((await stat(f).catch(() => undefined))?.isFile()) {
          file = f;
          break;
        }
      }
    }
    if (!file) {
      file = join(dir, '404.html');
      status = 404;
    }
    const ext = extname(file);
    let body: Buffer = await readFile(file);
    res.statusCode = status;
    res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
    for (const [k, v] of Object.entries(opts.headers ?? {})) res.setHeader(k, v);
    if (TEXT.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
      body = gzipSync(body, { level: 9 });
      res.setHeader('Content-Encoding', 'gzip');
    }
    res.setHeader('Content-Length', body.length);
    log.push(path);
    bytes += body.length;
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    sent: () => ({ requests: [...log], bytes }),
    resetSent: () => {
      log = [];
      bytes = 0;
    },
    // Stops at once: a page or context still open may hold a connection, which server.close
    // alone would wait for.
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
