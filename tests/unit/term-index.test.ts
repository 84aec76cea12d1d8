import { describe, expect, it } from 'vitest';
import {
  keysFor,
  occurrencesOf,
  orderUnits,
  pairOffsets,
  postingShardFile,
  readUnits,
  shardsFor,
  termIndexFiles,
  textFile,
  wordShardFile,
  UNITS_FILE,
  type PostingShard,
  type TextFile,
  type UnitsFile,
} from '../../src/search/term-index';
import { fragmentBody, type UnitSource } from '../../src/search/fragments';
import { excerpt } from '../../src/search/engine';
import { shardOf } from '../../src/search/assist-files';

const unit = (over: Partial<UnitSource>): UnitSource => ({
  url: '/2023/section-1/',
  title: '一、测试标题',
  content: '',
  year: 2023,
  items: ['主要举措和成效'],
  order: 1,
  ...over,
});

const UNITS = [
  unit({ content: '退役军人优待证发放。退役 军人分开写。优待证、优待证' }),
  unit({ url: '/2023/section-2/', title: '二、优待证办理', order: 2, content: '测试内容，没有那个词。', items: ['下一年度主要安排', '主要举措和成效'] }),
  unit({ url: '/2024/#preface', title: '前言', items: [], year: 2024, order: 0, content: '全角２１．４０万元，ＡＢＣ。' }),
];
const LEXICON = { stop: [], common: [], t2s: {}, measures: '', nouns: '' };
const toTraditional = (t: string) => t.replace(/优/g, '優').replace(/证/g, '證');

function index(units: readonly UnitSource[]) {
  const out = termIndexFiles({ units, words: new Map([['优待证', 13], ['退役军人', 12]]), lexicon: LEXICON, toTraditional });
  const file = JSON.parse(out.get(UNITS_FILE)!) as UnitsFile;
  const shard = (n: number) => JSON.parse(out.get(postingShardFile(file.id, n))!) as PostingShard;
  const posting = (key: string) => shard(shardOf(key, file.shards.p))[key];
  const read = readUnits(file);
  const at = (term: string) => occurrencesOf(term, read, posting);
  // Where a term occurs, per unit, as counts (the positions are checked on their own).
  const find = (term: string) => new Map([...at(term)].map(([u, o]) => [u, { body: o.body, heading: o.heading }]));
  return { out, file, read, find, at };
}

describe('the term index', () => {
  const { out, file, read, find, at } = index(UNITS);

  it('lists every unit, newest report first, with its year, items, order and number', () => {
    expect(read.map((u) => [u.n, u.year, u.items, u.order])).toEqual([
      [0, 2024, [], 0],
      [1, 2023, ['主要举措和成效'], 1],
      [2, 2023, ['下一年度主要安排', '主要举措和成效'], 2],
    ]);
    expect(orderUnits(UNITS).map((u) => u.url)).toEqual(['/2024/#preface', '/2023/section-1/', '/2023/section-2/']);
  });

  it('writes each unit’s text in both editions, the 繁體 one converted with the simplified text it matches', () => {
    const hans = JSON.parse(out.get(textFile(file.id, 'hans', 1))!) as TextFile;
    const hant = JSON.parse(out.get(textFile(file.id, 'hant', 1))!) as TextFile;
    expect(hans).toEqual(['/2023/section-1/', '一、测试标题', UNITS[0]!.content]);
    expect(hant[2]).toBe(toTraditional(UNITS[0]!.content));
    expect(hant[3]).toBe(UNITS[0]!.content);
  });

  it('finds a term only where its characters stand together, counting the text without overlap', () => {
    expect([...find('退役军人')]).toEqual([[1, { body: 1, heading: false }]]);
    expect([...find('优待证')]).toEqual([
      [1, { body: 3, heading: false }],
      [2, { body: 0, heading: true }],
    ]);
    expect([...find('军人优')]).toEqual([[1, { body: 1, heading: false }]]);
    expect(find('役军人分').size).toBe(0);
    expect(find('社保卡').size).toBe(0);
  });

  it('gives where in the text each counted occurrence starts, one after another', () => {
    const [a, b, c] = at('优待证').get(1)!.at;
    expect(b! - a!).toBeGreaterThan(3);
    expect(c! - b!).toBe(4); // 优待证、优待证
    expect(at('优待证').get(2)!.at).toEqual([]);
  });

  it('never matches across the heading and the text', () => {
    // The heading ends 标题, the text of the first section starts 退役.
    expect(find('标题退役').size).toBe(0);
    expect(find('标题').get(1)).toEqual({ body: 0, heading: true });
  });

  it('finds a single character, the last of a text included', () => {
    expect(find('写').get(1)).toEqual({ body: 1, heading: false });
    expect(find('证').get(1)?.body).toBe(3);
    expect(find('。').get(0)).toEqual({ body: 1, heading: false });
  });

  it('folds full-width forms and case on both sides', () => {
    expect(find('21.40').get(0)).toEqual({ body: 1, heading: false });
    expect(find('２１．４０').get(0)).toEqual({ body: 1, heading: false });
    expect(find('abc').get(0)).toEqual({ body: 1, heading: false });
  });

  it('decides a term by every other pair and the last, covering each character', () => {
    expect(pairOffsets(1)).toEqual([]);
    expect(pairOffsets(2)).toEqual([0]);
    expect(pairOffsets(3)).toEqual([0, 1]);
    expect(pairOffsets(4)).toEqual([0, 2]);
    expect(pairOffsets(5)).toEqual([0, 2, 3]);
    expect(keysFor('退役军人')).toEqual(['退役', '军人']);
    expect(keysFor('证')).toEqual(['证']);
    // 退役, 军人 and 分开 all occur, 军人分开 too, but never 退役军人分开 in a row.
    expect(find('军人分开').size).toBe(1);
    expect(find('退役军人分开').size).toBe(0);
    expect([...find('退役军人优待证发放')]).toEqual([[1, { body: 1, heading: false }]]);
  });

  it('needs one shard per key a term is decided by', () => {
    expect(shardsFor('优待证', 1)).toEqual([0]);
    expect(shardsFor('优待证', 1000).length).toBeLessThanOrEqual(2);
    expect(shardsFor('一二三四五六七八九十', 1_000_000).length).toBe(5);
    expect(shardsFor('证', 1000)).toHaveLength(1);
  });

  it('lists the site’s words, with how informative each is, in the shard of their first pair', () => {
    const words = Array.from({ length: file.shards.w }, (_, n) => JSON.parse(out.get(wordShardFile(file.id, n))!) as Record<string, number>);
    expect(words[shardOf('优待', file.shards.w)]!['优待证']).toBe(13);
  });

  it('names its files by the index they belong to: another text, other names', () => {
    const other = index([unit({ content: '另一段测试文字' })]);
    expect(other.file.id).not.toBe(file.id);
    expect(index(UNITS).file.id).toBe(file.id);
    expect([...out.keys()].filter((p) => p !== UNITS_FILE).every((p) => p.startsWith(`fznb/terms/${file.id}/`))).toBe(true);
  });

  it('splits a large site into shards of bounded size, and finds the same', () => {
    const many = Array.from({ length: 300 }, (_, i) => unit({ url: `/${1700 + i}/section-1/`, year: 1700 + i, content: `第${i}次测试：退役军人优待证发放工作。`.repeat(20) }));
    const { out: files, file: big, find: findMany, read: readMany } = index(many);
    expect(big.shards.p).toBeGreaterThan(100);
    for (const [path, json] of files) if (path.includes('/p')) expect(json.length, path).toBeLessThan(40 * 1024);
    expect(findMany('优待证').size).toBe(300);
    const twelfth = readMany.findIndex((u) => u.year === 1712);
    expect(findMany('第12次').size).toBe(1); // 第120次 does not hold 第12次
    expect(findMany('第12次').get(twelfth)).toEqual({ body: 20, heading: false });
  });
});

describe('a fragment’s text', () => {
  it('leaves out the heading Pagefind puts first and its zero-width spaces', () => {
    expect(fragmentBody('一、标题. 正\u200B文', '一、标题')).toBe('正文');
    expect(fragmentBody('前言文字', '前言')).toBe('前言文字'.slice(2));
    expect(excerpt(fragmentBody('一、标题. 优待证发放', '一、标题'), ['优待证'])).toBe('<mark>优待证</mark>发放');
  });
});
