import { describe, expect, it } from 'vitest';
import { unbreakable, wordsOf } from '../../src/utils/words';

describe('titles in words', () => {
  it('give the text back exactly', () => {
    const t = '示例局2023年法治政府建设年度报告（测试数据）';
    expect(wordsOf(t).join('')).toBe(t);
    expect(wordsOf(t)).toContain('法治');
  });

  it('never start a line with closing punctuation or end one with opening punctuation', () => {
    expect(unbreakable(['报告', '（', '测试', '数据', '）'])).toEqual(['报告', '（测试', '数据）']);
    expect(unbreakable(['一', '、', '深入', '学习'])).toEqual(['一、', '深入', '学习']);
    expect(unbreakable(['“', '送法', '进', '广场', '”', '活动'])).toEqual(['“送法', '进', '广场”', '活动']);
    for (const w of wordsOf('示例局2023年法治政府建设年度报告（测试数据）').slice(1)) expect(w).not.toMatch(/^[）、，。]/);
  });
});
