/**
 * /data/changes.json: every report's 版本记录 as data: each publication, correction, withdrawal
 * and supplement, newest first, with the sentences and fields it changed, in the shape
 * /data/changes.schema.json describes.
 */
import type { APIRoute } from 'astro';
import { getHistory, getReports } from '../../utils/content';
import { changesDataSchema } from '../../domain/open-data';
import { historyPath, withBase } from '../../utils/routes';

export const GET: APIRoute = async () => {
  const base = import.meta.env.BASE_URL;
  const reports = await Promise.all(
    (await getReports()).map(async (r) => ({ year: r.year, title: r.data.title, path: withBase(base, r.path), historyPath: withBase(base, historyPath(r.year)), entries: await getHistory(r.year) })),
  );
  // What is published must match the schema published beside it.
  const data = changesDataSchema.parse({ reports });
  return new Response(`${JSON.stringify(data, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
