/** /data/reports.schema.json: the JSON Schema of /data/reports.json, generated from its zod schema. */
import type { APIRoute } from 'astro';
import { reportsDataJsonSchema } from '../../domain/open-data';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(reportsDataJsonSchema(), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
