/**
 * /data/record.json: the record of what was published, byte for byte as the build checked the
 * reports against it: every publication, correction, withdrawal and supplement, each entry
 * holding the hash of the one before. `npm run verify` (or any program that follows
 * /data/record.schema.json and docs/publishing.md) checks a live site against it.
 */
import type { APIRoute } from 'astro';
import { getRecord } from '../../utils/content';
import { formatRecordFile } from '../../domain/record';

export const GET: APIRoute = async () =>
  new Response(formatRecordFile(await getRecord()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
