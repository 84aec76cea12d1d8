import { describe, expect, it } from 'vitest';
import { allTerms, closePairs, excerpt, fold, parseQuery, partialScore, plainGroup, rank, rarity, score, type Candidate, type TermGroup } from '../../src/search/engine';

const candidate = (over: Partial<Candidate>): Candidate => ({
  url: '/x/',
  content: '',
  title: '',
  year: 2023,
  item: '主要举措和成效',
  order: 1,
  engineScore: 0,
  ...over,
});

describe('query terms', () => {
  it('treat what a reader typed as a phrase, split only at spaces', () => {
    expect(parseQuery('退役士兵')).toEqual(['退役士兵']);
    expect(parseQuery(' 优待证　招聘会 ')).toEqual(['优待证', '招聘会']);
    expect(parseQuery('“送法进军营”')).toEqual(['送法进军营']);
    expect(parseQuery('普法 普法')).toEqual(['普法']);
    expect(parseQuery('   ')).toEqual([]);
  });

  it('fold full-width forms and case, so （一） finds (一) and ９４.６ finds 94.6', () => {
    expect(parseQuery('（一）')).toEqual(['(一)']);
    expect(parseQuery('９４．６')).toEqual(['94.6']);
    expect(parseQuery('ABC')).toEqual(['abc']);
  });

  it('keep a map from folded text back to the original', () => {
    const { folded, origin } = fold('得分９４．６分');
    expect(folded).toBe('得分94.6分');
    expect(origin.slice(2, 7)).toEqual([2, 3, 4, 5, 6]);
  });
});

describe('matching and score', () => {
  it('requires every term whole: characters scattered through the text do not match', () => {
    // 优 and 待 both occur (优秀, 接待) but 优待 does not.
    expect(score({ content: '优秀率100%,信访接待办理', title: '' }, ['优待'])).toBeUndefined();
    expect(score({ content: '各类优待金及优待抚恤', title: '' }, ['优待'])).toBe(2);
  });

  it('counts a term in the heading above occurrences in the text', () => {
    const inHeading = score({ content: '不足', title: '六、存在的不足和原因' }, ['不足']);
    const inText = score({ content: '不足 不足 不足', title: '四、举措' }, ['不足']);
    expect(inHeading).toBe(1 + 3);
    expect(inText).toBe(3);
    // A term only in the heading still matches.
    expect(score({ content: '正文', title: '七、2024年度推进法治政府建设的主要安排' }, ['2024'])).toBe(3);
  });
});

describe('excerpt', () => {
  const text = '组织退役军人专场招聘会2场,51家企业提供1344个岗位。落实各项政策,及时开展各类优待金及临时物价补贴发放工作。受理优待证申请约8000人。';

  it('marks the whole term, every time it appears in the window', () => {
    // Near the end of the text the window reaches back to stay full.
    expect(excerpt(text, ['优待证'], 30, 10)).toBe('…类优待金及临时物价补贴发放工作。受理<mark>优待证</mark>申请约8000人。');
    expect(excerpt(text, ['专场'], 12, 4)).toBe('…退役军人<mark>专场</mark>招聘会2场,…');
    expect(excerpt(text, ['优待'], 200)).toContain('各类<mark>优待</mark>金及');
    expect(excerpt(text, ['优待'], 200)).toContain('受理<mark>优待</mark>证申请');
  });

  it('escapes the text it quotes', () => {
    expect(excerpt('a <b> & 优待证', ['优待证'])).toBe('a &lt;b&gt; &amp; <mark>优待证</mark>');
  });

  it('marks overlapping terms once', () => {
    expect(excerpt('退役军人保障法', ['退役军人', '军人保障'])).toBe('<mark>退役军人</mark><mark>保障</mark>法');
  });

  it('keeps a mark on the original characters when the query was typed in full width', () => {
    expect(excerpt('评议得分为94.6分', parseQuery('９４．６'))).toBe('评议得分为<mark>94.6</mark>分');
  });
});

describe('rank', () => {
  const cs = [
    candidate({ url: '/2022/a/', year: 2022, content: '优待证 优待证', order: 1 }),
    candidate({ url: '/2023/a/', year: 2023, content: '优待证', order: 1, item: '下一年度主要安排' }),
    candidate({ url: '/2023/b/', year: 2023, content: '无关', order: 2 }),
  ];

  it('keeps only sections holding the query and ranks by whole-term occurrences', () => {
    const out = rank(cs, '优待证');
    expect(out.hits.map((h) => h.url)).toEqual(['/2022/a/', '/2023/a/']);
  });

  it('orders newest first on request', () => {
    expect(rank(cs, '优待证', { sort: 'newest' }).hits.map((h) => h.url)).toEqual(['/2023/a/', '/2022/a/']);
  });

  it('filters by year and item but counts over every year and item', () => {
    const out = rank(cs, '优待证', { year: 2023 });
    expect(out.hits.map((h) => h.url)).toEqual(['/2023/a/']);
    expect([...out.counts.year]).toEqual([
      [2022, 1],
      [2023, 1],
    ]);
    expect(rank(cs, '优待证', { item: '下一年度主要安排' }).hits).toHaveLength(1);
  });

  it('returns nothing for an empty query or an absent term', () => {
    expect(rank(cs, '  ').hits).toEqual([]);
    expect(rank(cs, '火星').hits).toEqual([]);
  });
});

describe('term groups, near words and partial matches', () => {
  const group = (term: string, ...near: string[]): TermGroup => ({
    term,
    alternatives: [{ text: term, weight: 1 }, ...near.map((text) => ({ text, weight: 0.6 }))],
  });
  const cs = [
    candidate({ url: '/a/', content: '示例法治宣传活动', order: 1 }),
    candidate({ url: '/b/', content: '示例岗位 测试招聘会', order: 2 }),
    candidate({ url: '/c/', content: '测试招聘会 测试招聘会', order: 3 }),
    candidate({ url: '/d/', content: '无关的测试文字', order: 4 }),
  ];

  it('a near word finds what the reader’s word does not, and is marked', () => {
    const out = rank(cs, [group('法制宣传', '法治宣传')]);
    expect(out.hits.map((h) => h.url)).toEqual(['/a/']);
    expect(out.hits[0]!.excerpt).toContain('<mark>法治宣传</mark>');
    expect(out.partial).toBe(false);
  });

  it('when no section holds every term, ranks by what each covers, rarer terms first, and says so', () => {
    const out = rank(cs, [plainGroup('法治宣传'), plainGroup('测试招聘会')]);
    expect(out.partial).toBe(true);
    // 法治宣传 is in one section, 测试招聘会 in two: the rarer term's section comes first.
    expect(out.hits.map((h) => h.url)).toEqual(['/a/', '/c/', '/b/']);
  });

  it('a full match leaves partial matches out', () => {
    const out = rank(cs, [plainGroup('岗位'), plainGroup('测试招聘会')]);
    expect(out.partial).toBe(false);
    expect(out.hits.map((h) => h.url)).toEqual(['/b/']);
  });

  it('a term found nowhere returns nothing, even beside a common one', () => {
    const out = rank(cs, [plainGroup('社保卡'), plainGroup('测试')]);
    expect(out.hits).toEqual([]);
    expect(out.partial).toBe(false);
  });

  it('scores partial matches by covered rarity', () => {
    expect(rarity(1, 10)).toBeGreaterThan(rarity(5, 10));
    expect(partialScore([1, 0], [2, 1])).toBeGreaterThan(partialScore([0, 10], [2, 1]));
  });

  it('highlights every alternative, longest first', () => {
    expect(allTerms([group('优待', '优待证')])).toEqual(['优待证', '优待']);
  });

  it('counts items only for units that have one (a preface has none)', () => {
    const out = rank([candidate({ content: '测试前言', item: '' })], '测试');
    expect([...out.counts.item]).toEqual([]);
    expect([...out.counts.year]).toEqual([[2023, 1]]);
  });
});

describe('terms that stand together', () => {
  it('counts the pairs of groups with occurrences close together', () => {
    expect(closePairs([[[0, 4]], [[6, 3]]])).toBe(1);
    expect(closePairs([[[0, 4]], [[30, 3]]])).toBe(0);
    expect(closePairs([[[20, 2]], [[10, 3]], [[24, 2]]])).toBe(2);
    expect(closePairs([[[0, 2]]])).toBe(0);
  });

  it('rank a section where they stand together above one holding them apart, though it holds them more often', () => {
    const apart = candidate({ url: '/2023/apart/', content: `测试招聘会契机。${'填充文字'.repeat(10)}退役军人，退役军人。` });
    const together = candidate({ url: '/2023/together/', content: '组织退役军人专场测试招聘会2场。' });
    const out = rank([apart, together], [plainGroup('退役军人'), plainGroup('测试招聘会')]);
    expect(out.hits.map((h) => h.url)).toEqual(['/2023/together/', '/2023/apart/']);
  });
});

describe('an excerpt in the reader’s edition', () => {
  it('matches the simplified text and shows the traditional one, marks on the same characters', () => {
    expect(excerpt('发放优待证', ['优待证'], 96, 28, '發放優待證')).toBe('發放<mark>優待證</mark>');
    // A shown text of another length is not trusted.
    expect(excerpt('发放优待证', ['优待证'], 96, 28, '發放')).toBe('发放<mark>优待证</mark>');
  });
});
