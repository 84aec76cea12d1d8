import { describe, expect, it } from 'vitest';
import { allTerms, closePairs, excerpt, groupStrengthOf, plainGroup, rankHeld, rarity, tfScore, unitScore, type TermGroup } from '../../src/search/engine';
import { fold, parseQuery } from '../../src/search/query';

describe('folding', () => {
  it('folds full-width forms, case and pinyin tone marks, keeping a map back to the original', () => {
    expect(parseQuery('（一）')).toEqual(['(一)']);
    expect(parseQuery('９４．６')).toEqual(['94.6']);
    expect(parseQuery('ABC')).toEqual(['abc']);
    expect(fold('fǎzhì lǜshī').folded).toBe('fazhi lvshi');
    const { folded, origin } = fold('得分９４．６分');
    expect(folded).toBe('得分94.6分');
    expect(origin.slice(2, 7)).toEqual([2, 3, 4, 5, 6]);
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

  it('shows the 繁體 text, marked where the simplified text it matches holds the term', () => {
    expect(excerpt('受理优待证申请', ['优待证'], 96, 28, '受理優待證申請')).toBe('受理<mark>優待證</mark>申請');
  });
});

describe('how strongly a unit holds a group', () => {
  const unit = { n: 0, year: 2023, items: ['存在的不足和原因'], order: 6 };
  const counts: Record<string, { body: number; heading: boolean }> = { 不足: { body: 1, heading: true }, '2024年': { body: 2, heading: false } };
  const at = (t: string) => counts[t];

  it('counts the text once an occurrence, the heading more, each alternative by its weight', () => {
    expect(groupStrengthOf(plainGroup('不足'), unit, at)).toBe(1 + 3);
    expect(groupStrengthOf({ term: '短板', alternatives: [{ text: '不足', weight: 0.5 }] }, unit, at)).toBe(2);
  });

  it('holds an item alternative where the unit reports on that item, a year alternative only in that report', () => {
    expect(groupStrengthOf({ term: '短板', alternatives: [{ item: '存在的不足和原因', weight: 1 }] }, unit, at)).toBe(3);
    expect(groupStrengthOf({ term: '短板', alternatives: [{ item: '下一年度主要安排', weight: 1 }] }, unit, at)).toBe(0);
    expect(groupStrengthOf({ term: '明年', alternatives: [{ text: '2024年', year: 2023, weight: 1 }] }, unit, at)).toBe(2);
    expect(groupStrengthOf({ term: '明年', alternatives: [{ text: '2024年', year: 2024, weight: 1 }] }, unit, at)).toBe(0);
  });
});

describe('ranking', () => {
  const units = [
    { n: 0, year: 2023, items: ['主要举措和成效'], order: 1 },
    { n: 1, year: 2023, items: ['下一年度主要安排'], order: 2 },
    { n: 2, year: 2022, items: ['主要举措和成效'], order: 1 },
  ];
  const g = (term: string, weak = false): TermGroup => ({ ...plainGroup(term), weak });

  it('weighs rarer groups more, held more strongly a little more, close pairs a little more', () => {
    expect(rarity(1, 10)).toBeGreaterThan(rarity(5, 10));
    expect(tfScore(2)).toBeGreaterThan(tfScore(1));
    expect(tfScore(100)).toBeLessThan(2.2 * tfScore(1));
    expect(unitScore([1, 1], [1, 1], [[0, 1]])).toBeGreaterThan(unitScore([1, 1], [1, 1]));
    // Covering more (and rarer) groups beats repeating one.
    expect(unitScore([1, 0], [2, 1])).toBeGreaterThan(unitScore([0, 10], [2, 1]));
  });

  it('lists units holding a group, never one that holds only common words, and counts before filtering', () => {
    const out = rankHeld(units, [[2, 1], [0, 1], [1, 0]], [g('优待证'), g('工作', true)], { year: 2023 });
    expect(out.hits.map((h) => h.n)).toEqual([0]);
    expect([...out.counts.year].sort()).toEqual([
      [2022, 1],
      [2023, 1],
    ]);
    expect(out.partial).toBe(false);
    expect(out.complete).toBe(false);
  });

  it('orders newest first on request, filters by item, and says when no unit holds every group', () => {
    const out = rankHeld(units, [[1, 0], [0, 0], [3, 0]], [g('优待证'), g('招聘会')], { sort: 'newest' });
    expect(out.hits.map((h) => h.n)).toEqual([0, 2]);
    expect(out.partial).toBe(true);
    expect(rankHeld(units, [[1], [1], [1]], [g('x')], { item: '下一年度主要安排' }).hits.map((h) => h.n)).toEqual([1]);
  });

  it('finds close pairs within CLOSE_GAP characters', () => {
    expect(closePairs([[[0, 4]], [[6, 3]], [[100, 2]]])).toEqual([[0, 1]]);
  });

  it('marks every text alternative, longest first', () => {
    expect(allTerms([{ term: 'a', alternatives: [{ text: '优待', weight: 1 }, { text: '优待证', weight: 1 }, { item: 'x', weight: 1 }] }])).toEqual(['优待证', '优待']);
  });
});
