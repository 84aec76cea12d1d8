import { describe, expect, it } from 'vitest';
import { decimalForms, digitsToNumerals, numeralToDigits, withDigits } from '../../src/search/numerals';

describe('numbers as people write and say them', () => {
  it('read Chinese numerals as digits: by places, digit by digit, decimals, percentages, 两', () => {
    expect(numeralToDigits('六十三')).toBe('63');
    expect(numeralToDigits('一千三百四十四')).toBe('1344');
    expect(numeralToDigits('九十四点六')).toBe('94.6');
    expect(numeralToDigits('二〇二四')).toBe('2024');
    expect(numeralToDigits('百分之一百')).toBe('100%');
    expect(numeralToDigits('两千')).toBe('2000');
    expect(numeralToDigits('点')).toBeUndefined();
  });

  it('turn runs of two or more numerals in a text into digits, leaving words with one numeral alone', () => {
    expect(withDigits('六十三人参加培训')).toBe('63人参加培训');
    expect(withDigits('二〇二四年度安排')).toBe('2024年度安排');
    expect(withDigits('学法考试百分之一百')).toBe('学法考试100%');
    expect(withDigits('第一责任人')).toBeUndefined();
    expect(withDigits('统一')).toBeUndefined();
    expect(withDigits('送法进广场三场', '场人')).toBe('送法进广场3场');
    expect(withDigits('一是', '场人')).toBeUndefined();
  });

  it('write digits as numerals, a year also digit by digit, and decimals with a zero more or less', () => {
    expect(digitsToNumerals('20')).toEqual(['二十']);
    expect(digitsToNumerals('2024')).toContain('二〇二四');
    expect(decimalForms('21.4')).toEqual(['21.4', '21.40']);
    expect(decimalForms('21.40')).toContain('21.4');
    expect(decimalForms('63')).toEqual(['63']);
  });
});
