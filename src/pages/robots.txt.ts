/**
 * /robots.txt: everything may be crawled; when the site's address is known, the sitemap
 * (made by @astrojs/sitemap) is named. Crawlers read robots.txt only at a host's root: under
 * a base path this file is for the server's own robots.txt to copy from.
 */
import type { APIRoute } from 'astro';
import { sitemapPath, withBase } from '../utils/routes';

export const GET: APIRoute = ({ site }) => {
  const lines = ['User-agent: *', 'Allow: /'];
  if (site) lines.push('', `Sitemap: ${new URL(withBase(import.meta.env.BASE_URL, sitemapPath), site).href}`);
  return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
