import { describe, expect, it } from 'vitest';
import {
  fragmentBody,
  occurrencesOf,
  readUnits,
  pairOffsets,
  shardsFor,
  termIndexFiles,
  termShardFile,
  UNITS_FILE,
  type TermShard,
  type UnitSource,
  type UnitsFile,
} from '../../src/search/term-index';
import { excerpt, strengths, plainGroup } from '../../src/search/engine';

const unit = (over: Partial<UnitSource>): UnitSource => ({
  url: '/2023/section-1/',
  title: '一、测试标题',
  content: '',
  year: 2023,
  item: '主要举措和成效',
  order: 1,
  fragment: 'zh-cn_abc',
  ...over,
});

const UNITS = [
  unit({ content: '退役军人优待证发放。退役 军人分开写。优待证、优待证' }),
  unit({ url: '/2023/section-2/', title: '二、优待证办理', order: 2, content: '测试内容，没有那个词。' }),
  unit({ url: '/2024/#preface', title: '前言', item: '', year: 2024, order: 0, content: '全角２１．４０万元，ＡＢＣ。', fragment: 'zh-cn_grp', key: 'k1' }),
];

function index(units: readonly UnitSource[]) {
  const out = termIndexFiles(units);
  const file = JSON.parse(out.get(UNITS_FILE)!) as UnitsFile;
  const shards = (n: number) => JSON.parse(out.get(termShardFile(JSON.parse(out.get(UNITS_FILE)!).id, n))!) as TermShard;
  const read = readUnits(file);
  // Where a term occurs, per unit, as counts (the positions are checked on their own).
  const find = (term: string) =>
    new Map([...occurrencesOf(term, read, shards, file.shards)].map(([u, o]) => [u, { body: o.body, heading: o.heading }]));
  return { file, read, find, at: (term: string) => occurrencesOf(term, read, shards, file.shards) };
}


describe('the term index', () => {
  const { file, read, find, at } = index(UNITS);

  it('lists every unit with where it is, its year, item, order and fragment', () => {
    expect(read.map((u) => [u.url, u.year, u.item, u.order, u.fragment, u.key])).toEqual([
      ['/2023/section-1/', 2023, '主要举措和成效', 1, 'zh-cn_abc', undefined],
      ['/2023/section-2/', 2023, '主要举措和成效', 2, 'zh-cn_abc', undefined],
      ['/2024/#preface', 2024, '', 0, 'zh-cn_grp', 'k1'],
    ]);
    expect(file.shards).toBeGreaterThanOrEqual(1);
  });

  it('finds a term only where its characters stand together, counting the text without overlap', () => {
    expect([...find('退役军人')]).toEqual([[0, { body: 1, heading: false }]]);
    expect([...find('优待证')]).toEqual([
      [0, { body: 3, heading: false }],
      [1, { body: 0, heading: true }],
    ]);
    expect([...find('军人优')]).toEqual([[0, { body: 1, heading: false }]]);
    expect(find('役军人分').size).toBe(0);
    expect(find('社保卡').size).toBe(0);
  });

  it('gives where in the text each counted occurrence starts, one after another', () => {
    const [a, b, c] = at('优待证').get(0)!.at;
    expect(b! - a!).toBeGreaterThan(3);
    expect(c! - b!).toBe(4); // 优待证、优待证
    expect(at('优待证').get(1)!.at).toEqual([]);
  });

  it('never matches across the heading and the text', () => {
    // The heading ends 标题, the text of the first unit starts 退役.
    expect(find('标题退役').size).toBe(0);
    expect(find('标题').get(0)).toEqual({ body: 0, heading: true });
  });

  it('finds a single character, the last of a text included', () => {
    expect(find('写').get(0)).toEqual({ body: 1, heading: false });
    expect(find('证').get(0)?.body).toBe(3);
    expect(find('。').get(2)).toEqual({ body: 1, heading: false });
  });

  it('folds full-width forms and case on both sides', () => {
    expect(find('21.40').get(2)).toEqual({ body: 1, heading: false });
    expect(find('２１．４０').get(2)).toEqual({ body: 1, heading: false });
    expect(find('abc').get(2)).toEqual({ body: 1, heading: false });
  });

  it('counts as the ranking does from a section’s text', () => {
    for (const term of ['优待证', '退役军人', '证', '测试']) {
      UNITS.forEach((u, i) => {
        const o = find(term).get(i);
        const fromIndex = o ? o.body + (o.heading ? 3 : 0) : 0;
        expect(fromIndex, `${term} in unit ${i}`).toBe(strengths(u, [plainGroup(term)])[0]);
      });
    }
  });

  it('decides a term by every other pair and the last, covering each character', () => {
    expect(pairOffsets(1)).toEqual([]);
    expect(pairOffsets(2)).toEqual([0]);
    expect(pairOffsets(3)).toEqual([0, 1]);
    expect(pairOffsets(4)).toEqual([0, 2]);
    expect(pairOffsets(5)).toEqual([0, 2, 3]);
    // 退役, 军人 and 分开 all occur, 军人分开 too, but never 退役军人分开 in a row.
    expect(find('军人分开').size).toBe(1);
    expect(find('退役军人分开').size).toBe(0);
    expect([...find('退役军人优待证发放')]).toEqual([[0, { body: 1, heading: false }]]);
  });

  it('needs one shard per first character of the term’s deciding pairs', () => {
    expect(shardsFor('优待证', 1)).toEqual([0]);
    expect(shardsFor('优待证', 1000).length).toBeLessThanOrEqual(2);
    expect(shardsFor('一二三四五六七八九十', 1_000_000).length).toBe(5);
    expect(shardsFor('证', 1000)).toHaveLength(1);
  });

  it('names its shards by the index they belong to: another text, other names', () => {
    const other = index([unit({ content: '另一段测试文字' })]);
    expect(other.file.id).not.toBe(file.id);
    expect(index(UNITS).file.id).toBe(file.id);
    expect([...termIndexFiles(UNITS).keys()].filter((p) => p !== UNITS_FILE).every((p) => p.startsWith(`fznb/terms/${file.id}-`))).toBe(true);
  });

  it('splits a large site into shards of bounded size, and finds the same', () => {
    const many = Array.from({ length: 300 }, (_, i) => unit({ url: `/${1700 + i}/section-1/`, year: 1700 + i, content: `第${i}次测试：退役军人优待证发放工作。`.repeat(20) }));
    const files = termIndexFiles(many);
    const { file, find: findMany } = index(many);
    expect(file.shards).toBeGreaterThan(1);
    for (const [path, json] of files) if (path !== UNITS_FILE) expect(json.length, path).toBeLessThan(200 * 1024);
    expect(findMany('优待证').size).toBe(300);
    expect(findMany('第12次').size).toBe(1); // 第120次 does not hold 第12次
    expect(findMany('第12次').get(12)).toEqual({ body: 20, heading: false });
  });
});

describe('a fragment’s text', () => {
  it('leaves out the heading Pagefind puts first and its zero-width spaces', () => {
    expect(fragmentBody('一、标题. 正\u200B文', '一、标题')).toBe('正文');
    expect(fragmentBody('前言文字', '前言')).toBe('前言文字'.slice(2));
    expect(excerpt(fragmentBody('一、标题. 优待证发放', '一、标题'), ['优待证'])).toBe('<mark>优待证</mark>发放');
  });
});
