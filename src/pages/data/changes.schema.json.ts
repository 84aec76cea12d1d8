/** /data/changes.schema.json: the JSON Schema of /data/changes.json, generated from its zod schema. */
import type { APIRoute } from 'astro';
import { changesDataJsonSchema } from '../../domain/open-data';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(changesDataJsonSchema(), null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
