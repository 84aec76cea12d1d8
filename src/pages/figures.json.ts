/** /figures.json: every figure key with its values by year, newest first. */
import type { APIRoute } from 'astro';
import { getReports } from '../utils/content';
import { figuresJson } from '../utils/open-data';

export const GET: APIRoute = async () =>
  new Response(`${JSON.stringify(figuresJson(await getReports(), import.meta.env.BASE_URL), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
