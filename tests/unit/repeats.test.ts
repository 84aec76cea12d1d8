/** The repeated share (repeats.ts): containment of character 5-grams, as defined there. */
import { describe, expect, it } from 'vitest';
import { countedText, gramsOf, isHighRepeat, itemText, repeatedShare, repeatsOverYears, sharePercent } from '../../src/domain/repeats';

describe('the 5-grams of a text', () => {
  it('leave out punctuation (Unicode P: full- and half-width, % and the decimal point too) and whitespace, and keep every other character as printed', () => {
    expect(countedText('示例, 测试。（一）2023年 增长 5%；约8.30万元，+2℃')).toBe('示例测试一2023年增长5约830万元+2℃');
  });

  it('are five consecutive characters of one block, each distinct one once, none across two blocks', () => {
    expect([...gramsOf(['一二三四五六'])]).toEqual(['一二三四五', '二三四五六']);
    expect(gramsOf(['一二三', '四五六']).size).toBe(0);
    expect(gramsOf(['一二三四五', '一二三四五']).size).toBe(1);
    expect([...gramsOf(['𠀀一二三四'])]).toEqual(['𠀀一二三四']);
  });
});

describe('repeatedShare', () => {
  it('is the share of this year’s distinct 5-grams found in last year’s text', () => {
    const last = ['示例局测试宣传形式较为单一，覆盖面还不够广。', '示例干部运用法治思维的测试能力有待提高。', '原因是示例培训次数偏少，本段为虚构测试内容。'];
    const now = [last[0]!, last[1]!, '原因是示例考核机制尚不健全，本段为虚构测试内容。'];
    // 16 + 15 + 18 grams; the first two paragraphs whole, of the third 原因是示例 and the five of 本段为虚构测试内容.
    expect(repeatedShare(now, last)).toEqual({ grams: 49, repeated: 37, share: 37 / 49 });
    expect(sharePercent(repeatedShare(now, last))).toBe(75);
  });

  it('is not symmetric, ignores where a paragraph moved, and is null for a text without a 5-gram', () => {
    expect(repeatedShare(['甲乙丙丁戊'], ['甲乙丙丁戊己庚辛']).share).toBe(1);
    expect(repeatedShare(['甲乙丙丁戊己庚辛'], ['甲乙丙丁戊']).share).toBe(1 / 4);
    expect(repeatedShare(['甲乙丙丁戊', '子丑寅卯辰'], ['子丑寅卯辰', '甲乙丙丁戊']).share).toBe(1);
    expect(repeatedShare(['甲乙'], ['甲乙'])).toEqual({ grams: 0, repeated: 0, share: null });
  });

  it('rounds down to a whole percentage, so 100% means every 5-gram', () => {
    expect(sharePercent({ grams: 1000, repeated: 999 })).toBe(99);
    expect(sharePercent({ grams: 100, repeated: 29 })).toBe(29);
    expect(sharePercent({ grams: 0, repeated: 0 })).toBeNull();
  });

  it('reminds at 60% and 30 distinct 5-grams', () => {
    expect(isHighRepeat({ grams: 30, repeated: 18, share: 0.6 })).toBe(true);
    expect(isHighRepeat({ grams: 30, repeated: 17, share: 17 / 30 })).toBe(false);
    expect(isHighRepeat({ grams: 29, repeated: 29, share: 1 })).toBe(false);
  });
});

describe('an item across years', () => {
  const sections = [
    { items: ['主要举措和成效', '第一责任人职责'], text: ['甲乙丙丁戊'] },
    { items: ['存在的不足和原因'], text: ['子丑寅卯辰'] },
    { items: ['主要举措和成效'], text: ['己庚辛壬癸'] },
  ];

  it('is the text of every section covering it, in order', () => {
    expect(itemText(sections, '主要举措和成效')).toEqual(['甲乙丙丁戊', '己庚辛壬癸']);
    expect(itemText(sections, '第一责任人职责')).toEqual(['甲乙丙丁戊']);
    expect(itemText(sections, '其他需要报告的情况')).toEqual([]);
  });

  it('compares each year, newest first, with the next one in the list; the earliest with none', () => {
    const years = [
      { year: 2023, text: ['甲乙丙丁戊己'] },
      { year: 2021, text: ['甲乙丙丁戊'] },
    ];
    expect(repeatsOverYears(years, (y) => y.text).map((r) => [r.year.year, r.previous?.year, r.repeat])).toEqual([
      [2023, 2021, { grams: 2, repeated: 1, share: 0.5 }],
      [2021, undefined, { grams: 1, repeated: 0, share: null }],
    ]);
  });
});
