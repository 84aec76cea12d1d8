import { describe, expect, it } from 'vitest';
import { idfLookup, nounChars } from '../../src/search/jieba-tables';

const bytes = (text: string) => new TextEncoder().encode(text);

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
});
