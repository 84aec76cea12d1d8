/**
 * SHA-256, written once: of bytes as hex (attachments), of text as the record writes it
 * (sha256:<hex>), and of a JSON value in its one canonical form (keys sorted, no spaces), so
 * that anyone can compute the same digest of a record entry from its JSON.
 */
import { createHash } from 'node:crypto';

/** Hex SHA-256 of bytes or of text (UTF-8). */
export const sha256Hex = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

/** sha256:<hex> of a text, as the record holds digests. */
export const digestOf = (text: string): string => `sha256:${sha256Hex(text)}`;

/** A JSON value with every object's keys in code-point order and no whitespace: one text per value. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
