/**
 * The build-time tools the search files are made with (site-files.ts): jieba and its IDF
 * table, pinyin-pro, OpenCC (the 繁體 edition's converter and a character's simplified form,
 * both owned by traditional.ts) and stopwords-iso. Node only; made once per process.
 */
import { createRequire } from 'node:module';
import { pinyin, polyphonic } from 'pinyin-pro';
import { simplifiedCharacter, toTraditional } from '../integrations/traditional.ts';
import { jieba as loadJieba } from '../utils/words.ts';
import type { SiteTools } from './site-files.ts';
import { idfLookup, nounChars } from './jieba-tables.ts';

const require = createRequire(import.meta.url);

let tools: SiteTools | undefined;

/** The tools, loaded on first use. */
export function siteTools(): SiteTools {
  return (tools ??= loadTools());
}

/**
 * The tools loaded and made ready before the pages are there (the build's worker calls it while
 * Astro builds them): OpenCC's dictionaries and pinyin-pro's read, and the common characters'
 * readings looked up.
 */
export function warmTools(): void {
  const t = siteTools();
  // A first call of each: OpenCC reads its dictionaries, pinyin-pro builds its phrase matcher.
  t.toTraditional('简');
  t.syllables('简');
  lookUpReadings([...(t.commonChars ?? [])].join(''));
}

const READING = { toneType: 'none', type: 'array', v: true } as const;

/** A character function's answers, remembered; `add` remembers an answer found another way. */
function remembered<T>(fn: (ch: string) => T): ((ch: string) => T) & { add: (ch: string, answer: T) => void } {
  const seen = new Map<string, T>();
  const of = (ch: string) => (seen.has(ch) ? seen.get(ch)! : (seen.set(ch, fn(ch)), seen.get(ch)!));
  return Object.assign(of, { add: (ch: string, answer: T) => void seen.set(ch, answer) });
}

/** Characters' toneless readings, each reading once (pinyin-pro's polyphonic), remembered. */
const readings = remembered((ch) => polyphonic(ch, READING)[0] ?? []);

/** The readings of every character of a Han text, in one call: a third of the time of one call a character. */
function lookUpReadings(hanText: string): void {
  const all = polyphonic(hanText, READING);
  Array.from(hanText).forEach((ch, i) => readings.add(ch, all[i] ?? []));
}

function loadTools(): SiteTools {
  const { dict, idf } = require('@node-rs/jieba/dict') as { dict: Uint8Array; idf: Uint8Array };
  const jieba = loadJieba();
  return {
    cut: (text) => jieba.cut(text),
    cutForSearch: (text) => jieba.cutForSearch(text),
    syllables: (word) => pinyin(word, READING),
    readings,
    commonChars: gb2312(),
    idf: idfLookup(idf),
    nouns: nounChars(dict),
    stopSource: (require('stopwords-iso') as { zh: string[] }).zh,
    toSimplified: simplifiedCharacter(),
    toTraditional,
  };
}

/** The 6,763 characters of GB 2312 (the ones Chinese input methods offer first), for the reading files. */
function gb2312(): string[] {
  // Every row and column of its Chinese part, decoded in one call: each pair is one character.
  const pairs: number[] = [];
  for (let row = 0xb0; row <= 0xf7; row++) for (let col = 0xa1; col <= 0xfe; col++) pairs.push(row, col);
  return Array.from(new TextDecoder('gb18030').decode(new Uint8Array(pairs))).filter((ch) => /^\p{Script=Han}$/u.test(ch));
}
