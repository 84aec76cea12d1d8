import { describe, expect, it } from 'vitest';
import { isHan, isLatin, parseQuery, queryPieces, splitScripts } from '../../src/search/query';

describe('queries as readers write them', () => {
  it('split at Chinese punctuation and ASCII quotes', () => {
    expect(parseQuery('锦旗、表扬')).toEqual(['锦旗', '表扬']);
    expect(parseQuery('《宪法》')).toEqual(['宪法']);
    expect(parseQuery('"示例普法"')).toEqual(['示例普法']);
    expect(parseQuery('示例，测试；招聘会：岗位')).toEqual(['示例', '测试', '招聘会', '岗位']);
    expect(parseQuery('「测试」『示例』')).toEqual(['测试', '示例']);
    expect(parseQuery('普法 普法')).toEqual(['普法']);
    expect(parseQuery('   ')).toEqual([]);
  });

  it('split at emoji, which never sit inside a term', () => {
    expect(parseQuery('😀优待证')).toEqual(['优待证']);
    expect(parseQuery('招聘会👍🏻普法')).toEqual(['招聘会', '普法']);
    expect(parseQuery('❤️优待')).toEqual(['优待']);
  });

  it('fold full-width digits and letters, keep numbers, percentages and sub-heading numerals whole', () => {
    expect(parseQuery('２１．４０')).toEqual(['21.40']);
    expect(parseQuery('ＹＤＺ')).toEqual(['ydz']);
    expect(parseQuery('100%')).toEqual(['100%']);
    expect(parseQuery('(一)')).toEqual(['(一)']);
  });

  it('split where the script changes, other characters staying with their neighbours', () => {
    expect(splitScripts('2023年锦旗').map((p) => [p.text, p.script])).toEqual([
      ['2023', 'number'],
      ['年锦旗', 'han'],
    ]);
    expect(splitScripts('pufa活动').map((p) => p.text)).toEqual(['pufa', '活动']);
    expect(splitScripts('(一)').map((p) => p.text)).toEqual(['(一)']);
    expect(queryPieces('fǎzhì  xuānchuán').map((p) => [p.text, p.joined])).toEqual([
      ['fazhi', false],
      ['xuanchuan', false],
    ]);
    expect(queryPieces('fa律顾问').map((p) => [p.text, p.joined])).toEqual([
      ['fa', false],
      ['律顾问', true],
    ]);
  });

  it('tell pinyin-like and Han terms apart', () => {
    expect(isLatin('youdaizheng')).toBe(true);
    expect(isLatin('a')).toBe(false);
    expect(isLatin('94.6')).toBe(false);
    expect(isHan('优待证')).toBe(true);
    expect(isHan('2023年')).toBe(false);
  });
});
