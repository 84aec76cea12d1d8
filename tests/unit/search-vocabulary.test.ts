import { describe, expect, it } from 'vitest';
import { pinyinFiles, readingFiles, simplifiedToTraditionalMap, siteWords, traditionalMap, typoFiles, assistFiles } from '../../src/search/vocabulary';
import { pinyinFile, readingFile, shardOf, T2S_FILE, toTraditionalWith, typoFile, typoKeys } from '../../src/search/assist-files';

/** A stand-in segmenter: splits at the | the test writes. */
const cut = (t: string) => t.split('|');
const SYL: Record<string, string> = { 示: 'shi', 例: 'li', 优: 'you', 待: 'dai', 证: 'zheng', 测: 'ce', 试: 'shi' };
const syllables = (w: string) => Array.from(w, (c) => SYL[c] ?? '');

describe('site vocabulary', () => {
  it('counts Han words and two-word phrases, nothing else', () => {
    const words = siteWords(['示例|优待证|，|2023|年', '优待证'], cut);
    expect(words.get('优待证')).toBe(2);
    expect(words.get('示例优待证')).toBe(1);
    expect(words.has('2023')).toBe(false);
    expect(words.has('年')).toBe(false);
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

  it('maps traditional characters only when their simplified form is in the text', () => {
    const toS = (c: string) => ({ 優: '优', 證: '证', 龍: '龙' })[c] ?? c;
    expect(traditionalMap(new Set('优待证'), toS)).toEqual({ 優: '优', 證: '证' });
  });

  it('writes every file as JSON', () => {
    const files = assistFiles(['示例|优待证'], { cut, syllables, toSimplified: (c) => c });
    expect(JSON.parse(files.get(T2S_FILE)!)).toEqual({});
    expect(JSON.parse(files.get(pinyinFile('y'))!).ydz).toEqual(['优待证']);
  });
});

describe('the 繁體 edition’s s2t map', () => {
  // A stand-in converter: 干 alone is 乾, in 干部 it is 幹; 优→優, 证→證, 发→發.
  const CH: Record<string, string> = { 干: '乾', 优: '優', 证: '證', 发: '發', 部: '部' };
  const toT = (text: string) => text.replace(/干部/g, '幹部').replace(/./gu, (c) => (c === '幹' ? c : CH[c] ?? c));

  it('holds each character that changes, and only the words whose phrase form differs', () => {
    const map = simplifiedToTraditionalMap(['干部', '优待证', '发放'], ['干', '优', '证', '发', '部', '待'], toT);
    expect(map.c).toEqual({ 干: '乾', 优: '優', 证: '證', 发: '發' });
    expect(map.w).toEqual({ 干部: '幹部' });
  });

  it('converts by the longest word first, else by character, keeping the length', () => {
    const map = simplifiedToTraditionalMap(['干部'], ['干', '优', '证', '发'], toT);
    expect(toTraditionalWith(map, '优待证发放给干部，干燥')).toBe('優待證發放给幹部，乾燥');
    expect(toTraditionalWith(map, '')).toBe('');
    expect(toTraditionalWith(map, 'abc 干')).toBe('abc 乾');
  });
});
