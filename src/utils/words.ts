/**
 * A title in words, for line breaks only between words: a printed title broken inside a word
 * (法治政|府) reads wrongly, and a phone's narrow screen breaks long Chinese titles anywhere.
 * Segmented with jieba (the dictionary Pagefind also uses for Chinese) once per build; pages
 * put a <wbr> between the words and set `word-break: keep-all`, so the text is unchanged.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

let jieba: Jieba | undefined;

/** The words of a line of text, in order; joined they give the text back exactly. */
export function wordsOf(text: string): string[] {
  jieba ??= Jieba.withDict(dict);
  const words = jieba.cut(text, false);
  return words.join('') === text ? words : [text];
}
