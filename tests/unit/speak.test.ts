/** How 朗读 (src/scripts/speak.js) cuts the page's text into what it asks the browser to say. */
import { describe, expect, it } from 'vitest';
import { sentences } from '../../src/scripts/speak.js';

describe('sentences', () => {
  it('ends an utterance at each 。！？； and at the end of each block, keeping every character', () => {
    const blocks = ['一、示例标题', '示例局开展测试工作。举办示例活动2场；发放测试资金约8.30万元！是否完成？是。', '末尾没有句号'];
    const out = sentences(blocks);
    expect(out).toEqual(['一、示例标题', '示例局开展测试工作。', '举办示例活动2场；', '发放测试资金约8.30万元！', '是否完成？', '是。', '末尾没有句号']);
    expect(out.join('')).toBe(blocks.join(''));
  });

  it('does not cut at a decimal point or the half-width comma the reports use', () => {
    expect(sentences(['2023年,我局受理94.6%的申请。'])).toEqual(['2023年,我局受理94.6%的申请。']);
  });

  it('keeps a closing quote or bracket with its sentence', () => {
    expect(sentences(['他说：“示例完成。”（测试。）下一句。'])).toEqual(['他说：“示例完成。”', '（测试。）', '下一句。']);
  });

  it('cuts a sentence longer than the limit after a comma, or at the limit where there is none', () => {
    const long = `${'测'.repeat(30)}，${'试'.repeat(30)}，${'例'.repeat(30)}。`;
    const out = sentences([long], 40);
    expect(out.every((s) => s.length <= 40)).toBe(true);
    expect(out[0]).toBe(`${'测'.repeat(30)}，`);
    expect(out.join('')).toBe(long);
    expect(sentences(['字'.repeat(95)], 40).map((s) => s.length)).toEqual([40, 40, 15]);
  });

  it('drops empty blocks and whitespace-only pieces', () => {
    expect(sentences(['', '  ', '示例。 '])).toEqual(['示例。']);
  });
});
