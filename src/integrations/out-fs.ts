/**
 * Files written into the built site's folder after the build (the search files, the 繁體
 * pages): each folder is made once, however many files go into it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Writes files under `root`, each by its path relative to it, making the folders they need once each. */
export function fileWriter(root: string): (path: string, data: string) => void {
  const made = new Set<string>();
  return (path, data) => {
    const file = join(root, path);
    const folder = dirname(file);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(file, data);
  };
}
