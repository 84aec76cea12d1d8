/**
 * /data/reports.json: every published report (a withdrawn one too, with its date and reason)
 * with its metadata, each section's plain text, the required items and the key figures, in the
 * shape /data/reports.schema.json describes.
 */
import type { APIRoute } from 'astro';
import { getReports } from '../../utils/content';
import { buildReportsData } from '../../utils/open-data';

export const GET: APIRoute = async ({ site }) =>
  new Response(`${JSON.stringify(buildReportsData(await getReports(), { base: import.meta.env.BASE_URL, site }), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
