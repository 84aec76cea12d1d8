import { describe, expect, it } from 'vitest';
import { icuWords, segment, wordsOf, type TokenKind } from '../../src/search/segment';

const SITE = new Set(['退役军人', '退役', '军人', '优待证', '优待', '申请', '普法', '锦旗', '年度', '安排', '学法考试']);
const STOP = new Set(['的', '了', '得', '做', '怎么', '怎么样', '我', '咱们', '下', '上', '年', '人']);
const COMMON = new Set(['知道', '了解', '一下']);
const known = (w: string): TokenKind | undefined => (COMMON.has(w) ? 'common' : STOP.has(w) ? 'stop' : SITE.has(w) ? 'word' : undefined);
const split = (t: string) => segment(t, known, icuWords, '年人个').map((x) => `${x.text}/${x.kind}`);

describe('splitting a query into words', () => {
  it('prefers the site’s longest words, then the stop and common words', () => {
    expect(split('退役军人优待证怎么申请')).toEqual(['退役军人/word', '优待证/word', '怎么/stop', '申请/word']);
    expect(split('普法做得怎么样')).toEqual(['普法/word', '做/stop', '得/stop', '怎么样/stop']);
    expect(split('我想了解一下优待证')).toContain('优待证/word');
  });

  it('reads numeral runs, with the measure character after them when no word takes it', () => {
    expect(split('六十三人')).toEqual(['六十三人/numeral']);
    expect(split('二〇二四年度安排')).toEqual(['二〇二四/numeral', '年度/word', '安排/word']);
  });

  it('leaves what no dictionary knows to the browser’s segmenter, never a stop word taking a character from it', () => {
    expect(split('上学')).toEqual(['上学/unknown']);
    expect(split('年锦旗')).toEqual(['年/stop', '锦旗/word']);
  });

  it('never leaves a lone unknown character', () => {
    const icu = (t: string) => t.split('|');
    expect(wordsOf('医|保', icu)).toEqual(['医保']);
    expect(wordsOf('养老|金', icu)).toEqual(['养老金']);
    expect(wordsOf('参考|率|考试', icu)).toEqual(['参考率', '考试']);
  });
});
