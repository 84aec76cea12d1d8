/** An entry's body as pages show it: sub-headings at each page's level, the level below them too. */
import { describe, expect, it } from 'vitest';
import { bodyHast, bodyHtml, parseBody, readerText } from '../../src/domain/body.ts';

const body = ['### （一）强化组织领导', '#### 1.健全示例机制。', '召开示例会议4次。', '#### 2.压实测试责任。', '签订责任书12份。'].join('\n\n');
const hast = () => bodyHast(parseBody(body), 's1-');

describe('sub-headings two levels deep', () => {
  it('the whole report shows ### as h3 and #### as h4 (third level), both with ids', () => {
    const html = bodyHtml(hast(), { level: 3, ids: true });
    expect(html).toContain('<h3 id="一强化组织领导">（一）强化组织领导</h3>');
    // An id begins with a letter: a heading that begins with a digit gets h- before it.
    expect(html).toContain('<h4 id="h-1健全示例机制" class="third-level">1.健全示例机制。</h4>');
  });

  it('a section page one level up (h2, h3); an items page one down (h4, h5) without ids', () => {
    expect(bodyHtml(hast(), { level: 2, ids: true })).toMatch(/<h2 id="[^"]+">（一）强化组织领导<\/h2>.*<h3 id="[^"]+" class="third-level">1\.健全示例机制。<\/h3>/s);
    const items = bodyHtml(hast(), { level: 4, ids: false });
    expect(items).toContain('<h4>（一）强化组织领导</h4>');
    expect(items).toContain('<h5 class="third-level">2.压实测试责任。</h5>');
    expect(items).not.toContain('id=');
  });

  it('the text a reader sees keeps both levels, in order', () => {
    expect(readerText(hast())).toEqual(['（一）强化组织领导', '1.健全示例机制。', '召开示例会议4次。', '2.压实测试责任。', '签订责任书12份。']);
  });
});
