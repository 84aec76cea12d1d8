/** /data/record.schema.json: the JSON Schema of /data/record.json, generated from its zod schema. */
import type { APIRoute } from 'astro';
import { recordJsonSchema } from '../../domain/record';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(recordJsonSchema(), null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
