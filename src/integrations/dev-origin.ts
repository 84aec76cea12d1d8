/**
 * Where `astro dev` listens, as an origin to fetch its own pages from (http://127.0.0.1:4321):
 * the integrations that serve made-up files in dev (the search index, the 繁體 pages) read
 * the dev server's pages back through it. Undefined before it listens.
 */
import type { ViteDevServer } from 'vite';

export function devOrigin(server: ViteDevServer): string | undefined {
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') return undefined;
  const host = ['::', '0.0.0.0'].includes(address.address) ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
