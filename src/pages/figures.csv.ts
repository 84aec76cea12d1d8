/**
 * /figures.csv: one record per figure per year, UTF-8 with a byte order mark so Excel on
 * Chinese Windows opens it correctly, records and escaping per RFC 4180.
 */
import type { APIRoute } from 'astro';
import { getReports } from '../utils/content';
import { figuresCsvRows } from '../utils/open-data';
import { toCsv } from '../utils/csv';
import { ui } from '../i18n/ui';

export const GET: APIRoute = async ({ site }) =>
  new Response(toCsv(figuresCsvRows(await getReports(), { base: import.meta.env.BASE_URL, site, header: ui.figuresCsvHeader })), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
