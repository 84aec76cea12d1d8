/**
 * A report's preface is a search unit of its own: its text is the text of the report page's
 * #preface element, read in one pass of a parser without building the document. It must be the
 * text a whole parsed document gives for that element (cheerio's), whatever the markup around it.
 */
import { describe, expect, it } from 'vitest';
import { load } from 'cheerio/slim';
import { prefaceRecord } from '../../src/integrations/search-index.ts';

const page = (body: string) => `<!doctype html><html lang="zh-CN"><head><title>示例</title></head><body>${body}</body></html>`;

const cases: [string, string][] = [
  ['plain paragraphs', '<main><div class="preface" id="preface" data-record-body><p>示例前言第一段。</p><p>第二段（测试）。</p></div><section><p>正文不属于前言。</p></section></main>'],
  ['nested elements, entities and a line break', '<div id="preface"><p>依法&amp;治区<br>示例<strong>加粗<em>强调</em></strong>&nbsp;文字&lt;测试&gt;</p><ul><li>一</li><li>二</li></ul></div><p>之后</p>'],
  ['paragraphs a parser closes itself', '<div id="preface"><p>第一段<p>第二段<div>块</div>尾</div><p>外面'],
  ['an element of the same name inside it', '<div id="preface"><div><div>深层</div></div>同层</div><div>外层</div>'],
  ['a table inside it', '<div id="preface"><table><tr><td>甲</td><td>乙</td></tr></table>后记</div>'],
  ['both of two elements with the id', '<div id="preface">第一个</div><div id="preface">第二个</div>'],
  ['an id on a void element before it', '<img id="x" alt="图"><div id="preface">图后文字</div>'],
  ['a comment inside it', '<div id="preface">前<!-- 注释 -->后</div>'],
];

describe('the preface of a report page, as a search unit', () => {
  it.each(cases)('holds the text a parsed document gives: %s', (_name, body) => {
    const html = page(body);
    const expected = load(html)('#preface').text().trim();
    expect(expected).not.toBe('');
    expect(prefaceRecord('2023', html)?.content).toBe(expected);
  });

  it('is none for a page without a preface, or with an empty one', () => {
    expect(prefaceRecord('2023', page('<main><p>正文</p></main>'))).toBeUndefined();
    expect(prefaceRecord('2023', page('<div id="preface">  <p> </p></div>'))).toBeUndefined();
  });

  it('links to the preface on the report page, in that year', () => {
    expect(prefaceRecord('2023', page('<div id="preface">示例前言</div>'))).toMatchObject({ url: '/2023/#preface', content: '示例前言', filters: { year: ['2023'] } });
  });
});
