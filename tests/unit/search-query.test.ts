import { describe, expect, it } from 'vitest';
import { isHan, isLatin, parseQuery, stripFillers, termWords } from '../../src/search/query';

describe('queries as readers write them', () => {
  it('split at Chinese punctuation and ASCII quotes, which never reach Pagefind', () => {
    expect(parseQuery('锦旗、表扬')).toEqual(['锦旗', '表扬']);
    expect(parseQuery('《宪法》')).toEqual(['宪法']);
    expect(parseQuery('"示例普法"')).toEqual(['示例普法']);
    expect(parseQuery('示例，测试；招聘会：岗位')).toEqual(['示例', '测试', '招聘会', '岗位']);
    expect(parseQuery('「测试」『示例』')).toEqual(['测试', '示例']);
  });

  it('split at emoji, which never sit inside a term', () => {
    expect(parseQuery('😀优待证')).toEqual(['优待证']);
    expect(parseQuery('招聘会👍🏻普法')).toEqual(['招聘会', '普法']);
    expect(parseQuery('❤️优待')).toEqual(['优待']);
  });

  it('fold full-width digits and letters', () => {
    expect(parseQuery('２１．４０')).toEqual(['21.40']);
    expect(parseQuery('ＹＤＺ')).toEqual(['ydz']);
  });

  it('keep numbers, percentages and sub-heading numerals whole', () => {
    expect(parseQuery('100%')).toEqual(['100%']);
    expect(parseQuery('(一)')).toEqual(['(一)']);
  });

  it('cut question and filler words, leaving the topic', () => {
    expect(parseQuery('示例优待证怎么申请')).toEqual(['示例优待证', '申请']);
    expect(parseQuery('学法考试参考率是多少')).toEqual(['学法考试参考率']);
    expect(parseQuery('有没有测试招聘会')).toEqual(['测试招聘会']);
    expect(parseQuery('示例普法情况如何？')).toEqual(['示例普法']);
    expect(parseQuery('怎么 如何')).toEqual([]);
  });

  it('cut questions of time and number, in colloquial forms too', () => {
    expect(parseQuery('示例补贴什么时候发')).toEqual(['示例补贴', '发']);
    expect(parseQuery('测试党课几次')).toEqual(['测试党课']);
    expect(parseQuery('示例招聘会有几家企业')).toEqual(['示例招聘会', '企业']);
    expect(parseQuery('测试优待证咋办')).toEqual(['测试优待证']);
    expect(parseQuery('示例补贴啥时候发放')).toEqual(['示例补贴', '发放']);
    // 谁 stays: the reports print 谁执法谁普法.
    expect(parseQuery('谁执法谁普法')).toEqual(['谁执法谁普法']);
  });

  it('cut a question particle only at the end of a term', () => {
    expect(stripFillers('有测试招聘会吗')).toEqual(['有测试招聘会']);
    expect(stripFillers('吗啡')).toEqual(['吗啡']);
  });

  it('tell pinyin-like and Han terms apart', () => {
    expect(isLatin('youdaizheng')).toBe(true);
    expect(isLatin('a')).toBe(false);
    expect(isLatin('94.6')).toBe(false);
    expect(isHan('优待证')).toBe(true);
    expect(isHan('2023年')).toBe(false);
  });
});

describe('long terms as words', () => {
  const split = (t: string) => t.split('|');
  it('keeps the segmenter’s words', () => {
    expect(termWords('学法|考试|参考率', split)).toEqual(['学法', '考试', '参考率']);
  });
  it('keeps single characters together, never dropping one', () => {
    expect(termWords('示例|棋|艺|赛', split)).toEqual(['示例', '棋艺赛']);
    expect(termWords('参考|率', split)).toEqual(['参考率']);
    expect(termWords('学|法考|试', split)).toEqual(['学法考试']);
  });
  it('uses the browser’s segmenter as given', () => {
    const icu = (t: string) => [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(t)].map((s) => s.segment);
    expect(termWords('示例棋艺赛', icu).join('')).toBe('示例棋艺赛');
  });
});

describe('fillers with the words that join them', () => {
  it('take 是/有 before and 的/了 after with them', () => {
    expect(parseQuery('普法责任清单是什么')).toEqual(['普法责任清单']);
    expect(parseQuery('2024年有哪些安排')).toEqual(['2024年', '安排']);
    expect(parseQuery('送法进军营是什么活动')).toEqual(['送法进军营', '活动']);
  });
});
