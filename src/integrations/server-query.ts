/**
 * Beside each edition's built search page, the file nginx fills the reader's query into when
 * the browser runs no script (src/search/server-query.ts says how). Written after the 繁體
 * edition, so each edition's file is that edition's field.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_QUERY_FILE, serverQueryField } from '../search/server-query.ts';
import { TRADITIONAL_PREFIX } from '../utils/edition.ts';
import { searchPath } from '../utils/routes.ts';

export function writeServerQueryFields(out: string): void {
  for (const edition of ['', TRADITIONAL_PREFIX]) {
    const folder = join(out, edition, searchPath);
    const page = join(folder, 'index.html');
    if (!existsSync(page)) throw new Error(`The build has no search page at ${page}.`);
    writeFileSync(join(folder, SERVER_QUERY_FILE), serverQueryField(readFileSync(page, 'utf8')));
  }
}
