/**
 * The build-time tools the search files are made with (site-files.ts): jieba and its IDF
 * table, pinyin-pro, OpenCC (the 繁體 edition's converter, owned by traditional.ts) and
 * stopwords-iso. Node only; made once per process.
 */
import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';
import * as OpenCC from 'opencc-js/t2cn';
import { toTraditional } from '../integrations/traditional.ts';
import { jieba as loadJieba } from '../utils/words.ts';
import type { SiteTools } from './site-files.ts';

const require = createRequire(import.meta.url);

let tools: SiteTools | undefined;

/** The tools, loaded on first use. */
export function siteTools(): SiteTools {
  return (tools ??= loadTools());
}

/**
 * The tools loaded and made ready before the pages are there (the build's worker calls it while
 * Astro builds them): OpenCC's dictionaries read and the common characters' readings looked up.
 */
export function warmTools(): void {
  const t = siteTools();
  t.toTraditional('简');
  for (const ch of t.commonChars ?? []) t.readings?.(ch);
}

/** A function of one character, remembering its answers. */
function remembered(fn: (ch: string) => string[]): (ch: string) => string[] {
  const seen = new Map<string, string[]>();
  return (ch) => seen.get(ch) ?? seen.set(ch, fn(ch)).get(ch)!;
}

function loadTools(): SiteTools {
  const { dict, idf } = require('@node-rs/jieba/dict') as { dict: Uint8Array; idf: Uint8Array };
  const jieba = loadJieba();
  const t2s = OpenCC.Converter({ from: 't', to: 'cn' });
  return {
    cut: (text) => jieba.cut(text),
    cutForSearch: (text) => jieba.cutForSearch(text),
    syllables: (word) => pinyin(word, { toneType: 'none', type: 'array', v: true }),
    readings: remembered((ch) => pinyin(ch, { toneType: 'none', type: 'array', v: true, multiple: true })),
    commonChars: gb2312(),
    idfTable: Buffer.from(idf).toString('utf8'),
    dictTable: Buffer.from(dict).toString('utf8'),
    stopSource: (require('stopwords-iso') as { zh: string[] }).zh,
    toSimplified: (ch) => t2s(ch),
    toTraditional,
  };
}

/** The 6,763 characters of GB 2312 (the ones Chinese input methods offer first), for the reading files. */
function gb2312(): string[] {
  const decoder = new TextDecoder('gb18030');
  const out: string[] = [];
  for (let row = 0xb0; row <= 0xf7; row++) {
    for (let col = 0xa1; col <= 0xfe; col++) {
      const ch = decoder.decode(new Uint8Array([row, col]));
      if (/^\p{Script=Han}$/u.test(ch)) out.push(ch);
    }
  }
  return out;
}

