import { describe, expect, it } from 'vitest';
import { commonWords, measuresOf, stopList, traditionalMap } from '../../src/search/lexicon';

describe('the lexicon', () => {
  it('trims the stop list by its rule: Chinese only, no numerals, none of the intents’ words', () => {
    expect(stopList(['的', '，', '１', '一', '二十', '怎么', '今年', '了'], new Set(['今年']))).toEqual(['了', '怎么', '的']);
  });

  it('takes as common the words of two characters or more jieba rates most common, stop words and intents left out', () => {
    const idf: [string, number][] = [['知道', 3.9], ['优待证', 13.2], ['的', 0.9], ['我们', 2.7], ['计划', 4.9], ['ab', 1]];
    expect(commonWords(idf, new Set(['我们']), new Set(['计划']))).toEqual(['知道']);
  });

  it('maps traditional characters only when their simplified form is in the text, and they are not', () => {
    const toS = (c: string) => ({ 優: '优', 證: '证', 龍: '龙', 乾: '干' })[c] ?? c;
    expect(traditionalMap(new Set('优待证干乾'), toS)).toEqual({ 優: '优', 證: '证' });
  });

  it('finds the measure characters printed after numbers', () => {
    expect(measuresOf(['培训63人，岗位1344个', '100%、2023年'])).toBe('个人年');
  });
});
