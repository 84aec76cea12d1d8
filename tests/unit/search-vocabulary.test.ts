import { describe, expect, it } from 'vitest';
import { assistFiles, pinyinFiles, readingFiles, siteWords, siteWordSet, typoFiles, wordWeights } from '../../src/search/vocabulary';
import { pinyinFile, readingFile, shardOf, typoFile, typoKeys } from '../../src/search/assist-files';

/** A stand-in segmenter: splits at the | the test writes; words inside words after a ~. */
const seg = {
  cut: (t: string) => t.split('|').map((w) => w.split('~')[0]!),
  cutForSearch: (t: string) => t.split('|').flatMap((w) => w.split('~')),
};
const SYL: Record<string, string> = { 示: 'shi', 例: 'li', 优: 'you', 待: 'dai', 证: 'zheng', 测: 'ce', 试: 'shi' };
const syllables = (w: string) => Array.from(w, (c) => SYL[c] ?? '');

describe('site vocabulary', () => {
  it('counts Han words, the words inside them and two-word phrases, nothing else', () => {
    const words = siteWords(['示例|优待证~优待|，|2023|年', '优待证~优待'], seg);
    expect(words.get('优待证')).toBe(2);
    expect(words.get('优待')).toBe(2);
    expect(words.get('示例优待证')).toBe(1);
    expect(words.has('2023')).toBe(false);
    expect(words.has('年')).toBe(false);
  });

  it('splits queries into words and the words inside them, each with how informative it is', () => {
    const set = siteWordSet(['退役军人~退役~军人|保障法'], seg);
    expect([...set].sort()).toEqual(['保障法', '军人', '退役', '退役军人'].sort());
    expect(wordWeights(set, (w) => ({ 退役军人: 11.7 })[w]).get('退役军人')).toBe(12);
    expect(wordWeights(set, () => undefined).get('军人')).toBe(0);
  });

  it('files words under full pinyin and initials, by first letter', () => {
    const files = pinyinFiles(new Map([['优待证', 3], ['示例', 1]]), syllables);
    expect(files.get(pinyinFile('y'))).toEqual({ youdaizheng: ['优待证'], ydz: ['优待证'] });
    expect(files.get(pinyinFile('s'))).toEqual({ shili: ['示例'], sl: ['示例'] });
  });

  it('skips words it has no pinyin for', () => {
    expect(pinyinFiles(new Map([['优待金', 1]]), syllables).size).toBe(0);
  });

  it('files words of two or more characters under each one-character-away key, with the readings of the missing character', () => {
    expect(typoKeys('优待证')).toEqual(['?待证', '优?证', '优待?']);
    expect(typoKeys('示例')).toEqual(['?例', '示?']);
    expect(typoKeys('证')).toEqual([]);
    const readings = (c: string) => ({ 证: ['zheng'], 金: ['jin'] })[c] ?? [];
    const files = typoFiles(new Map([['优待证', 2], ['优待金', 5]]), readings);
    expect(files.get(typoFile('优待?'))!['优待?']).toEqual([['优待金', 'jin'], ['优待证', 'zheng']]);
  });

  it('files each character’s readings, polyphones with all of them', () => {
    const files = readingFiles(['重', '文', '文', 'x'], (c) => ({ 重: ['zhong', 'chong'], 文: ['wen'] })[c] ?? []);
    expect(files.get(readingFile('重'))!['重']).toBe('zhong chong');
    expect(files.get(readingFile('文'))!['文']).toBe('wen');
    expect([...files.values()].some((f) => 'x' in f)).toBe(false);
  });

  it('shards keys the same way every time, within range', () => {
    expect(shardOf('优待?', 16)).toBe(shardOf('优待?', 16));
    for (const k of ['a', '示例?', '?例']) expect(shardOf(k, 16)).toBeLessThan(16);
  });

  it('writes every file as JSON', () => {
    const files = assistFiles(['示例|优待证'], { ...seg, syllables });
    expect(JSON.parse(files.get(pinyinFile('y'))!).ydz).toEqual(['优待证']);
  });
});
