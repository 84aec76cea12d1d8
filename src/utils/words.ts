/**
 * A title in words, for line breaks only between words: a printed title broken inside a word
 * (法治政|府) reads wrongly, and a phone's narrow screen breaks long Chinese titles anywhere.
 * Segmented with jieba (the dictionary Pagefind also uses for Chinese); pages put a <wbr>
 * between the words and set `word-break: keep-all`, so the text is unchanged. In a build, the
 * worker has segmented the site's names and the reports' titles before the pages are made
 * (vite-title-words.ts), so the pages load jieba only for a text it was not given.
 */
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';

const require = createRequire(import.meta.url);
let loaded: Jieba | undefined;

/**
 * Jieba with its dictionary, loaded on first use, once per thread (the search files' tools use
 * the same one): a page that imports this module only for given titles never reads the
 * dictionary's 11 MB.
 */
export const jieba = (): Jieba => (loaded ??= load());

function load(): Jieba {
  const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  const { dict } = require('@node-rs/jieba/dict.js') as typeof import('@node-rs/jieba/dict.js');
  return Jieba.withDict(dict);
}

/** Punctuation a line must not start with (closing brackets and quotes, 、，。…) or end with (opening ones). */
const CLOSING = /^[\p{Pe}\p{Pf}、，。；：！？…%‰]+$/u;
const OPENING = /[\p{Ps}\p{Pi}]$/u;

/**
 * Words joined where a line must not break: closing punctuation stays with the word before
 * it (…（测试数据）never leaves a lone ）at a line's start), opening punctuation with the word after.
 */
export function unbreakable(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    const last = out[out.length - 1];
    if (last !== undefined && (CLOSING.test(w) || OPENING.test(last))) out[out.length - 1] = last + w;
    else out.push(w);
  }
  return out;
}

/** The words of a line of text, in order, as a line may break between them; joined they give the text back exactly. */
export function wordsOf(text: string): string[] {
  const words = jieba().cut(text, false);
  return words.join('') === text ? unbreakable(words) : [text];
}
