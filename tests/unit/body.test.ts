/** An entry's body as pages show it: sub-headings at each page's level, the level below them too. */
import { describe, expect, it } from 'vitest';
import { toHtml } from 'hast-util-to-html';
import { bodyHast, bodyPieces, parseBody, readerText } from '../../src/domain/body.ts';
import { joinBody, type SubheadingStyle } from '../../src/domain/body-html.ts';

const body = ['### （一）强化组织领导', '#### 1.健全示例机制。', '召开示例会议4次。', '#### 2.压实测试责任。', '签订责任书12份。'].join('\n\n');
const hast = () => bodyHast(parseBody(body), 's1-');

describe('sub-headings two levels deep', () => {
  it('the whole report shows ### as h3 and #### as h4 (third level), both with ids', () => {
    const html = joinBody(bodyPieces(hast()), { level: 3, ids: true });
    expect(html).toContain('<h3 id="一强化组织领导">（一）强化组织领导</h3>');
    // An id begins with a letter: a heading that begins with a digit gets h- before it.
    expect(html).toContain('<h4 id="h-1健全示例机制" class="third-level">1.健全示例机制。</h4>');
  });

  it('a section page one level up (h2, h3); an items page one down (h4, h5) without ids', () => {
    expect(joinBody(bodyPieces(hast()), { level: 2, ids: true })).toMatch(/<h2 id="[^"]+">（一）强化组织领导<\/h2>.*<h3 id="[^"]+" class="third-level">1\.健全示例机制。<\/h3>/s);
    const items = joinBody(bodyPieces(hast()), { level: 4, ids: false });
    expect(items).toContain('<h4>（一）强化组织领导</h4>');
    expect(items).toContain('<h5 class="third-level">2.压实测试责任。</h5>');
    expect(items).not.toContain('id=');
  });

  it('the text a reader sees keeps both levels, in order', () => {
    expect(readerText(hast())).toEqual(['（一）强化组织领导', '1.健全示例机制。', '召开示例会议4次。', '2.压实测试责任。', '签订责任书12份。']);
  });
});

describe('a body kept in pieces', () => {
  const noted = [body, '| 项目 | 数量 |\n| --- | --- |\n| 示例 | 3 |', '见注释[^1]。', '[^1]: 测试注释。', '### （二）示例"引号"&符号'].join('\n\n');
  const tree = () => bodyHast(parseBody(noted), 's2-');
  /** The whole tree written at once, its top-level sub-headings renamed: what the pieces must join to. */
  const whole = ({ level, ids }: SubheadingStyle) =>
    toHtml({
      ...tree(),
      children: tree().children.map((n) =>
        n.type === 'element' && /^h[34]$/.test(n.tagName)
          ? { ...n, tagName: `h${level + Number(n.tagName[1]) - 3}`, properties: ids ? n.properties : { ...n.properties, id: undefined } }
          : n,
      ),
    });

  it('joins at each level to the HTML of the whole tree, footnotes and tables included', () => {
    const pieces = bodyPieces(tree());
    for (const style of [{ level: 2, ids: true }, { level: 3, ids: true }, { level: 4, ids: false }] as SubheadingStyle[]) {
      expect(joinBody(pieces, style)).toBe(whole(style));
    }
    // The footnotes' own label stays as written: it is inside their section, not a sub-heading.
    expect(joinBody(pieces, { level: 2, ids: true })).toMatch(/<h4 class="footnotes-label" id="[^"]*footnote-label">注释<\/h4>/);
  });

  it('gives each body’s footnotes a label of its own, so two bodies with notes can stand on one page', () => {
    const page = ['s1-', 's2-'].map((prefix) => toHtml(bodyHast(parseBody(noted), prefix))).join('');
    // The same text twice: its sub-headings' ids repeat (a page's sections have headings of their own), its notes' do not.
    const ids = [...page.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!).filter((id) => /fn|footnote/.test(id));
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(ids.length);
    expect(page).toContain('<h4 class="footnotes-label" id="s1-footnote-label">注释</h4>');
    expect(page).toContain('<h4 class="footnotes-label" id="s2-footnote-label">注释</h4>');
    expect([...page.matchAll(/aria-describedby="([^"]+)"/g)].map((m) => m[1])).toEqual(['s1-footnote-label', 's2-footnote-label']);
  });

  it('holds the text once: runs of HTML between the sub-headings, each sub-heading apart', () => {
    const pieces = bodyPieces(tree());
    expect(pieces.filter((p) => typeof p !== 'string').map((p) => typeof p !== 'string' && [p.below, p.inner])).toEqual([
      [0, '（一）强化组织领导'],
      [1, '1.健全示例机制。'],
      [1, '2.压实测试责任。'],
      [0, '（二）示例"引号"&#x26;符号'],
    ]);
    expect(pieces.filter((p) => typeof p === 'string').join('').match(/召开示例会议4次/g)).toHaveLength(1);
  });
});
