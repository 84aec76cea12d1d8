/**
 * Reading the assist files (assist-files.ts): each is fetched the first time a query needs it
 * (a pinyin file only for a query in Latin letters, the reading and typo files only when a
 * word of the query is found nowhere) and kept for the visit. `load` fetches a file, giving
 * `missing` for one the server does not have.
 */
import { pinyinFile, readingFile, typoFile, typoKeys } from './assist-files.ts';

export type Load = <T>(path: string, missing?: T) => Promise<T>;

export function assist(load: Load) {
  const file = <T>(path: string) => load<Record<string, T>>(path, {});

  /** The site words a pinyin spelling or its initials stand for (youdaizheng, ydz → 优待证). */
  const wordsForPinyin = async (term: string): Promise<string[]> => (await file<string[]>(pinyinFile(term)))[term] ?? [];

  /** A character's toneless readings. */
  const readingsOf = async (ch: string): Promise<string[]> => ((await file<string>(readingFile(ch)))[ch] ?? '').split(' ').filter(Boolean);

  /**
   * Site words one character away from a term: those where the other character sounds the
   * same (优代 → 优待, 法律顾文 → 法律顾问) first, then the rest, each most frequent first.
   * For a two-character term, or with `sameSound`, only words that sound the same: with one
   * character of two changed, any other word is as likely a different topic (社保 is not 社会).
   */
  async function wordsOneAway(term: string, sameSound = false): Promise<string[]> {
    const chars = Array.from(term);
    const same: string[] = [];
    const other: string[] = [];
    await Promise.all(
      typoKeys(term).map(async (k, i) => {
        const [found, typed] = await Promise.all([file<[string, string][]>(typoFile(k)).then((f) => f[k] ?? []), readingsOf(chars[i]!)]);
        for (const [w, r] of found) {
          if (w === term) continue;
          const sounds = r.split(' ').some((x) => x && typed.includes(x));
          (sounds ? same : other).push(w);
        }
      }),
    );
    return [...new Set(chars.length >= 3 && !sameSound ? [...same, ...other] : same)];
  }

  return { wordsForPinyin, readingsOf, wordsOneAway };
}
