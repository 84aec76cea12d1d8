import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { idfLookup, nounChars } from '../../src/search/jieba-tables';

const bytes = (text: string) => new TextEncoder().encode(text);

/** The plain reading: every line split and parsed, in order; a later line of a word gives its value. */
function everyLine(text: string, wanted: ReadonlySet<string>, below: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const space = line.indexOf(' ');
    if (space <= 0) continue;
    const [word, value] = [line.slice(0, space), Number(line.slice(space + 1))];
    if (value < below || wanted.has(word)) out.set(word, value);
  }
  return out;
}

describe("jieba's tables, read as bytes", () => {
  it('takes as noun characters the single characters tagged n and counted often enough, each once, in order', () => {
    const dict = bytes(['证 1500 n', '金 2000 nr', '卡 999 n', '法治 5000 n', '跑 3000 v', '𠀀 2000 n', 'a 5000 n', '， 5000 n', '金 1200 n'].join('\n'));
    expect(nounChars(dict)).toBe([...'证金𠀀'].sort().join(''));
  });

  it('looks up the words wanted and every word below the level, in the table’s order, decoded', () => {
    const lookUp = idfLookup(bytes(['劳动防护 13.9', '知道 3.9', '优待证 12.5', '法治 8.1', '的 0.9', ''].join('\n')));
    expect([...lookUp(new Set(['优待证', '不在表中']), 5)]).toEqual([['知道', 3.9], ['优待证', 12.5], ['的', 0.9]]);
    expect([...lookUp(new Set(['法治']), 1)]).toEqual([['法治', 8.1], ['的', 0.9]]);
  });

  it('reads as the plain reading does lines of any form: repeated words, CRLF, values that are not plain decimals', () => {
    const text = ['优待证 12.5', '𠀀字 4.2', '知道 3.9\r', '负值 -1.5', '指数 1e2', '整数 7', '优待证 2.5', '空值 ', ' 9.9', '无空格', '大数 99999999999.5', '点 .5', ''].join('\n');
    const lookUp = idfLookup(bytes(text));
    for (const [wanted, below] of [[['优待证', '指数', '整数', '空值', '无空格', '大数', '点'], 5], [['𠀀字'], 8], [[], 100], [[], -2]] as const) {
      expect([...lookUp(new Set(wanted), below)]).toEqual([...everyLine(text, new Set(wanted), below)]);
    }
  });

  it("reads lines of jieba's own IDF table as the plain reading does", () => {
    const { idf } = createRequire(import.meta.url)('@node-rs/jieba/dict') as { idf: Uint8Array };
    // Its first 20,000 lines: the table's own words and values, in a test that stays quick.
    let end = 0;
    for (let n = 0; n < 20_000; n++) end = idf.indexOf(0x0a, end) + 1;
    const part = idf.subarray(0, end);
    const text = new TextDecoder().decode(part);
    const words = text.split('\n').map((l) => l.split(' ')[0]!);
    const wanted = new Set([...words.filter((_, i) => i % 37 === 0), '不在表中的词']);
    const lookUp = idfLookup(part);
    for (const below of [5.5, 8]) expect([...lookUp(wanted, below)]).toEqual([...everyLine(text, wanted, below)]);
  });
});
