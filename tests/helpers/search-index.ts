/** What a built site's search indexes, read from its own search files (src/search/term-index.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { textFile, UNITS_FILE, type TextFile, type UnitsFile } from '../../src/search/term-index.ts';
import { pagefindPath } from '../../src/utils/routes.ts';

/** The search manifest of a built site. */
export const searchManifest = (dist: string) => JSON.parse(readFileSync(join(dist, pagefindPath, UNITS_FILE), 'utf8')) as UnitsFile;

/** The address of every unit search indexes (sections, and each report's preface as /YYYY/#preface). */
export function indexedUrls(dist: string): string[] {
  const manifest = searchManifest(dist);
  return manifest.units.y.map((_, n) => (JSON.parse(readFileSync(join(dist, pagefindPath, textFile(manifest.id, 'hans', n)), 'utf8')) as TextFile)[0]);
}
