/**
 * The browser side of the assist files (assist-files.ts): each is fetched the first time a
 * query needs it (a pinyin file only for a query in Latin letters, the 繁體 map and typo
 * files only when a term of the query is found nowhere) and kept for the visit.
 */
import { pagefindPath, withBase } from '../utils/routes';
import { pinyinFile, readingFile, S2T_FILE, T2S_FILE, toTraditionalWith, typoFile, typoKeys, type S2TMap } from './assist-files';
import { pageEdition } from '../utils/edition';

const base = import.meta.env.BASE_URL;
const cache = new Map<string, Promise<Record<string, string | string[]>>>();

function load<T>(file: string): Promise<Record<string, T>> {
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

/** A character's toneless readings. */
async function readingsOf(ch: string): Promise<string[]> {
  return ((await load<string>(readingFile(ch)))[ch] ?? '').split(' ').filter(Boolean);
}

/**
 * Site words one character away from a term: those where the other character sounds the
 * same (优代 → 优待, 法律顾文 → 法律顾问) first, then the rest, each most frequent first.
 * For a two-character term only words that sound the same: with one character of two
 * changed, any other word is as likely a different topic (社保 is not 社会).
 */
export async function wordsOneAway(term: string): Promise<string[]> {
  const chars = Array.from(term);
  const keys = typoKeys(term);
  const same: string[] = [];
  const other: string[] = [];
  await Promise.all(
    keys.map(async (k, i) => {
      const [found, typed] = await Promise.all([load<[string, string][]>(typoFile(k)).then((f) => f[k] ?? []), readingsOf(chars[i]!)]);
      for (const [w, r] of found) {
        if (w === term) continue;
        const sounds = r.split(' ').some((x) => x && typed.includes(x));
        (sounds ? same : other).push(w);
      }
    }),
  );
  const ordered = chars.length >= 3 ? [...same, ...other] : same;
  return [...new Set(ordered)];
}

/**
 * What the search scripts write, in the reader's edition: on a 繁體 page, results' headings
 * and excerpts (read from the simplified fragments) and the scripts' own messages are shown
 * in traditional characters, by the s2t map (fetched on such pages only).
 */
export async function readerText(): Promise<(text: string) => string> {
  if (pageEdition() !== 'hant') return (text) => text;
  const map = (await load<unknown>(S2T_FILE)) as unknown as S2TMap;
  if (!map.c || !map.w) return (text) => text;
  return (text) => toTraditionalWith(map, text);
}
