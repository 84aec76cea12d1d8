/**
 * The item vocabulary (src/domain/item-signals.json) and its reader: a bureau extends the JSON,
 * then runs this file. Every heading below is a synthetic example of a way reports word a part.
 */
import { describe, expect, it } from 'vitest';
import { addScores, ITEM_SIGNALS, readItemSignals, scoreItems } from '../../src/domain/item-signals.ts';
import { guessItem, guessItems } from '../../src/importer/guess.ts';
import { ITEM_NAMES } from '../../src/domain/items.ts';
import type { BodyBlock } from '../../src/importer/model.ts';

const line = (text: string): BodyBlock => ({ kind: 'line', text });

describe('the vocabulary file', () => {
  it('is read and checked: every item one of the five, every signal with its place, weight and words', () => {
    expect(Object.keys(ITEM_SIGNALS.items)).toEqual(ITEM_NAMES);
    for (const signals of Object.values(ITEM_SIGNALS.items)) {
      for (const s of signals) expect(s.words.length).toBeGreaterThan(0);
    }
  });

  it.each([
    [{ items: { 主要成绩: [] }, alsoFromHeading: 8, secondFromText: 6 }, 'item-signals.json：“主要成绩”不是规定的五项之一'],
    [{ items: { 存在的不足和原因: [{ in: 'title', weight: 1, words: ['不足'] }] }, alsoFromHeading: 8, secondFromText: 6 }, '要写 in: "heading" 或 "text"'],
    [{ items: { 存在的不足和原因: [{ in: 'text', weight: 0, words: ['不足'] }] }, alsoFromHeading: 8, secondFromText: 6 }, '要写正数 weight'],
    [{ items: { 存在的不足和原因: [{ in: 'text', weight: 2, words: [] }] }, alsoFromHeading: 8, secondFromText: 6 }, '要写词语列表 words'],
    [{ items: {}, secondFromText: 6 }, 'alsoFromHeading 应为正数'],
    [{}, '缺少 items'],
  ])('a mistake in it is named in Chinese: %j', (json, message) => {
    expect(() => readItemSignals(json)).toThrow(message);
  });
});

describe('scoring a text', () => {
  const signals = readItemSignals({
    alsoFromHeading: 8,
    secondFromText: 6,
    items: {
      主要举措和成效: [{ in: 'heading', weight: 3, words: ['问题导向', '{year}年'] }],
      存在的不足和原因: [{ in: 'heading', weight: 5, words: ['问题'] }],
      下一年度主要安排: [{ in: 'heading', weight: 6, words: ['{next}年'] }],
    },
  });

  it('where words overlap only the longest counts; each word once', () => {
    expect(scoreItems('坚持问题导向，解决问题', 'heading', undefined, signals)).toEqual([
      { item: '存在的不足和原因', score: 5, words: ['问题'] },
      { item: '主要举措和成效', score: 3, words: ['问题导向'] },
    ]);
  });

  it('{year} and {next} stand for the report year and the next; without a year they count for nothing', () => {
    expect(scoreItems('2025年工作', 'heading', 2024, signals)).toEqual([{ item: '下一年度主要安排', score: 6, words: ['2025年'] }]);
    expect(scoreItems('2024年工作', 'heading', 2024, signals)).toEqual([{ item: '主要举措和成效', score: 3, words: ['2024年'] }]);
    expect(scoreItems('2025年工作', 'heading', undefined, signals)).toEqual([]);
  });

  it('adds scores of several texts, item by item', () => {
    const a = [{ item: '存在的不足和原因' as const, score: 5, words: ['问题'] }];
    expect(addScores(a, a)).toEqual([{ item: '存在的不足和原因', score: 10, words: ['问题'] }]);
  });
});

describe('guessing a heading’s item from the vocabulary', () => {
  it.each([
    // The regulation's words, with the year.
    ['2024年度推进法治政府建设的主要举措和成效', '主要举措和成效'],
    ['2024年度推进法治政府建设存在的不足和原因', '存在的不足和原因'],
    ['党政主要负责人履行推进法治建设第一责任人职责情况', '第一责任人职责'],
    ['2025年度推进法治政府建设的主要安排', '下一年度主要安排'],
    ['其他需要报告的情况', '其他需要报告的情况'],
    // Near misses.
    ['坚持问题导向，推动法治政府建设提质增效', '主要举措和成效'],
    ['存在的短板和薄弱环节', '存在的不足和原因'],
    ['法治建设中的差距和弱项', '存在的不足和原因'],
    ['2025年工作重点', '下一年度主要安排'],
    ['下一步工作思路和打算', '下一年度主要安排'],
    ['今后工作展望', '下一年度主要安排'],
    ['2024年工作重点完成情况', '主要举措和成效'],
    ['主要领导履行法治建设职责情况', '第一责任人职责'],
    ['领导干部带头述法情况', '第一责任人职责'],
    ['深入学习贯彻习近平法治思想', '主要举措和成效'],
  ])('%s -> %s', (heading, item) => expect(guessItem(heading, 2024)).toBe(item));
});

describe('guessing a report’s items', () => {
  const section = (heading: string, ...body: string[]) => ({ heading, body: body.map(line) });

  it('each section by its heading, with the words and score as the reason', () => {
    const g = guessItems([section('2024年度推进法治政府建设的主要举措和成效', '正文。'), section('正视短板', '正文。')], 2024);
    expect(g).toEqual([
      [{ item: '主要举措和成效', reason: '标题含“2024年度”“举措”“成效”“推进”，13 分' }],
      [{ item: '存在的不足和原因', reason: '标题含“短板”“正视”，7 分' }],
    ]);
  });

  it('a heading without the regulation’s words: its text decides, else 主要举措和成效', () => {
    const g = guessItems([section('习近平法治思想学习', '全年学习12次。'), section('示例工作', '下一步，将继续推进。2025年计划完成示例工作。')], 2024);
    expect(g.map((s) => s.map((x) => x.item))).toEqual([['主要举措和成效'], ['下一年度主要安排']]);
    expect(g[0]![0]!.reason).toBe('标题和正文中都没有规定的词，按“主要举措和成效”');
  });

  it('a second item named strongly in the heading too', () => {
    const g = guessItems([section('主要举措和成效及第一责任人履职情况', '正文。')], 2024);
    expect(g[0]!.map((x) => x.item)).toEqual(['第一责任人职责', '主要举措和成效']);
  });

  it('a mandatory item no heading reports goes to the section whose text reports it most, from the threshold', () => {
    const sections = [
      section('主要举措和成效', '局主要负责人带头述法，认真履行第一责任人职责。'),
      section('示例工作', '主要负责人参加会议。'),
      section('存在的不足', '正文。'),
      section('2025年工作安排', '正文。'),
    ];
    const g = guessItems(sections, 2024);
    expect(g.map((s) => s.map((x) => x.item))).toEqual([['主要举措和成效', '第一责任人职责'], ['主要举措和成效'], ['存在的不足和原因'], ['下一年度主要安排']]);
    // A single mention is below the threshold: the item stays missing (and the import warns).
    expect(guessItems([section('主要举措', '主要负责人参加会议。')], 2024)[0]!.map((x) => x.item)).toEqual(['主要举措和成效']);
  });
});
