/** What changed between two texts (text-diff.ts), and the marks put into their HTML (mark-html.ts, item-compare.ts). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffText, sideOf, type Mark } from '../../src/domain/text-diff';
import { markBodies, streamOf } from '../../src/domain/mark-html';
import { compareItem } from '../../src/domain/item-compare';

const WORDS = { del: { start: '删去：', end: '（删去至此）' }, ins: { start: '新增：', end: '（新增至此）' } };
const joined = (marks: Mark[], without: Mark['kind']) => marks.filter((m) => m.kind !== without).map((m) => m.text).join('');

describe('diffText', () => {
  it('marks a changed phrase inside a kept sentence, word by word', () => {
    expect(diffText('原因是示例培训次数偏少，本段为虚构测试内容。', '原因是示例考核机制尚不健全，本段为虚构测试内容。')).toEqual([
      { kind: 'same', text: '原因是示例' },
      { kind: 'del', text: '培训次数偏少' },
      { kind: 'ins', text: '考核机制尚不健全' },
      { kind: 'same', text: '，本段为虚构测试内容。' },
    ]);
  });

  it('keeps whole sentences that stayed, and marks a sentence rewritten through as deleted and inserted whole', () => {
    const before = '示例宣传形式较为单一。示例人员不足。';
    const after = '示例宣传形式较为单一。测试经费保障有待加强。';
    expect(diffText(before, after)).toEqual([
      { kind: 'same', text: '示例宣传形式较为单一。' },
      { kind: 'del', text: '示例人员不足。' },
      { kind: 'ins', text: '测试经费保障有待加强。' },
    ]);
  });

  it('lets a stray character between two changes go with them, so a reader sees whole phrases', () => {
    const marks = diffText('甲方的乙方', '丙方的丁方');
    expect(marks.filter((m) => m.kind === 'same').map((m) => m.text)).not.toContain('的');
  });

  it('keeps paragraphs apart: a line break is never part of a change', () => {
    const marks = diffText('第一段示例。\n第二段示例。', '第一段测试。\n第二段示例。');
    expect(marks.filter((m) => m.kind !== 'same').some((m) => m.text.includes('\n'))).toBe(false);
  });

  it('always gives back both texts: the old from kept and deleted runs, the new from kept and inserted runs', () => {
    const text = fc.string({ unit: fc.constantFrom(...'示例测试局干部能力不足，。\n；的'.split('')), maxLength: 60 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        const marks = diffText(a, b);
        expect(joined(marks, 'ins')).toBe(a);
        expect(joined(marks, 'del')).toBe(b);
        expect(sideOf(marks, 'before').map((p) => p.text).join('')).toBe(a);
      }),
    );
  });
});

describe('markBodies', () => {
  const before = ['<h4>(一)示例</h4>\n<p>原因是示例培训次数偏少，本段为虚构测试内容。</p>'];
  const after = ['<h4>(一)示例</h4>\n<p>原因是示例考核机制尚不健全，本段为虚构测试内容。</p>'];

  it('wraps each changed run in <ins> or <del>, with words a screen reader speaks before and after', () => {
    const marks = diffText(streamOf(before), streamOf(after));
    expect(markBodies(after, sideOf(marks, 'after'), { tag: 'ins', ...WORDS.ins })).toEqual([
      '<h4>(一)示例</h4>\n<p>原因是示例<ins><span class="visually-hidden" data-chrome>新增：</span>考核机制尚不健全<span class="visually-hidden" data-chrome>（新增至此）</span></ins>，本段为虚构测试内容。</p>',
    ]);
  });

  it('marks a change running over several blocks in each block, never the whitespace between them', () => {
    const html = ['<p>甲乙</p>\n<table><tbody><tr><td>丙</td></tr></tbody></table>'];
    const out = markBodies(html, [{ text: streamOf(html), changed: true }], { tag: 'ins', start: '+', end: '-' })[0]!;
    expect(out).toBe(
      '<p><ins><span class="visually-hidden" data-chrome>+</span>甲乙<span class="visually-hidden" data-chrome>-</span></ins></p>\n<table><tbody><tr><td><ins><span class="visually-hidden" data-chrome>+</span>丙<span class="visually-hidden" data-chrome>-</span></ins></td></tr></tbody></table>',
    );
  });

  it('leaves the footnotes’ label and back links alone: they are the page’s words', () => {
    const html = ['<p>甲<sup><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup></p><section data-footnotes class="footnotes"><h4 class="footnotes-label" id="fn-x-footnote-label">注释</h4><ol><li id="fn-1"><p>乙 <a href="#fnref-1" data-footnote-backref>↩</a></p></li></ol></section>'];
    expect(streamOf(html)).toBe('甲1乙 ');
    const out = markBodies(html, [{ text: '甲1乙 ', changed: true }], { tag: 'del', start: '[', end: ']' }, { dropIds: true })[0]!;
    expect(out).toContain('<h4 class="footnotes-label">注释</h4>');
    expect(out).toContain('<a href="#fnref-1" data-footnote-backref="">↩</a>');
    expect(out).not.toContain('id=');
  });
});

describe('compareItem', () => {
  it('gives the repeated share of this year’s text and both sides marked, last year’s without ids', () => {
    const last = [{ html: '<p id="a">示例局测试宣传形式较为单一。</p>', text: ['示例局测试宣传形式较为单一。'] }];
    const now = [{ html: '<p id="b">示例局测试宣传形式较为多样。</p>', text: ['示例局测试宣传形式较为多样。'] }];
    const c = compareItem(now, last, WORDS);
    // 示例局测试宣传形式较为多样: 13 characters, 9 5-grams, 7 of them (those before 多) last year's too.
    expect(c.repeat).toEqual({ grams: 9, repeated: 7, share: 7 / 9 });
    expect(c.current[0]).toBe('<p id="b">示例局测试宣传形式较为<ins><span class="visually-hidden" data-chrome>新增：</span>多样<span class="visually-hidden" data-chrome>（新增至此）</span></ins>。</p>');
    expect(c.previous[0]).toBe('<p>示例局测试宣传形式较为<del><span class="visually-hidden" data-chrome>删去：</span>单一<span class="visually-hidden" data-chrome>（删去至此）</span></del>。</p>');
  });
});
