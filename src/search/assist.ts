/**
 * The browser side of the assist files (assist-files.ts): each is fetched the first time a
 * query needs it (a pinyin file only for a query in Latin letters, the 繁體 map and typo
 * files only when a term of the query is found nowhere) and kept for the visit.
 */
import { pagefindPath, withBase } from '../utils/routes';
import { pinyinFile, T2S_FILE, typoFile, typoKeys } from './assist-files';

const base = import.meta.env.BASE_URL;
const cache = new Map<string, Promise<Record<string, string | string[]>>>();

function load<T extends string | string[]>(file: string): Promise<Record<string, T>> {
  let p = cache.get(file);
  if (!p) {
    p = fetch(withBase(base, pagefindPath + file)).then((r) => (r.ok ? r.json() : {}));
    p.catch(() => cache.delete(file));
    cache.set(file, p);
  }
  return p as Promise<Record<string, T>>;
}

/** The site words a pinyin spelling or its initials stand for (youdaizheng, ydz → 优待证). */
export async function wordsForPinyin(term: string): Promise<string[]> {
  return (await load<string[]>(pinyinFile(term)))[term] ?? [];
}

/** A term with its traditional characters in simplified form (only those the site's text holds). */
export async function simplified(term: string): Promise<string> {
  const map = await load<string>(T2S_FILE);
  return Array.from(term, (c) => map[c] ?? c).join('');
}

/** Site words one character away from a term, most frequent first. */
export async function wordsOneAway(term: string): Promise<string[]> {
  const keys = typoKeys(term);
  const found = await Promise.all(keys.map(async (k) => (await load<string[]>(typoFile(k)))[k] ?? []));
  return [...new Set(found.flat())].filter((w) => w !== term);
}
