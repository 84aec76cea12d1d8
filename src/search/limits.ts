/**
 * The longest query search takes. The search fields have it as maxlength, and the scripts
 * cut whatever they read beyond it (a ?q= of 10,000 characters in a link, a value set by
 * script), so no query makes the page do more work than a reader's query can.
 */
export const MAX_QUERY_LENGTH = 100;

/** The first MAX_QUERY_LENGTH characters (UTF-16 units, as maxlength counts), never half a surrogate pair. */
export function limitQuery(q: string): string {
  const cut = q.slice(0, MAX_QUERY_LENGTH);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
