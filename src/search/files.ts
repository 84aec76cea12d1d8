/**
 * The search files (under the search folder, below the base path), fetched by the browser the
 * first time a search needs each and kept for the visit; a failed fetch is tried again next time.
 */
import { pagefindPath, withBase } from '../utils/routes';

const base = import.meta.env.BASE_URL;
const cache = new Map<string, Promise<unknown>>();

/** A JSON file; `missing` stands in for a file the server does not have (an assist file no word needed). */
export function searchFile<T>(path: string, missing?: T): Promise<T> {
  let p = cache.get(path) as Promise<T> | undefined;
  if (!p) {
    p = fetch(withBase(base, pagefindPath + path)).then((r) => {
      if (r.ok) return r.json() as Promise<T>;
      if (missing !== undefined && r.status === 404) return missing;
      throw new Error(`${r.status} ${path}`);
    });
    p.catch(() => cache.delete(path));
    cache.set(path, p);
  }
  return p;
}
