/** Text copied from a PDF: lines cut at the page's width joined back into paragraphs; other texts left alone. */
import { describe, expect, it } from 'vitest';
import { printedWidth, unwrap, wrapWidth } from '../../src/importer/unwrap.ts';

/** A paragraph cut every `cols` columns, as a PDF viewer copies it. */
function cut(text: string, cols = 40): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (printedWidth(line + ch) > cols) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  return [...lines, line];
}

const P1 = '示例局（测试单位）全年组织干部职工集中学法8次，开展示例执法检查36次，办理群众咨询120件，群众满意度明显提高。';
const P2 = '示例普法宣传形式还比较单一，测试队伍的专业能力有待提高，主要原因是学习培训还不够系统，考核也不够严格。';
const P3 = '下一步，示例局将继续完善测试制度，开展示例普法活动10场，推动各项工作再上新台阶，为全县发展提供法治保障。';

describe('printed width', () => {
  it('counts a Han character or a full-width form as two columns, anything else as one', () => {
    expect(printedWidth('示例ab12，（）')).toBe(4 + 4 + 6);
  });
});

describe('unwrapping a PDF copy', () => {
  it('joins each paragraph’s lines, keeps page numbers and running headers apart, and goes on past them', () => {
    const header = '示例局2024年法治政府建设年度报告';
    const [first, ...rest] = cut(P1);
    const text = [header, first, '- 2 -', header, ...rest, ...cut(P2), ...cut(P3)].join('\n');
    const r = unwrap(text);
    expect(r.width).toBe(40);
    expect(r.text.split('\n')).toEqual([header, P1, '- 2 -', header, P2, P3]);
    expect(r.joined).toBe(cut(P1).length - 1 + cut(P2).length - 1 + cut(P3).length - 1);
  });

  it('joins a heading to its short tail, not to the text after a heading that fills its line', () => {
    const long = '一、2024年度推进法治政府建设的主要举措和成效以及重点工作情况';
    const full = '二、党政主要负责人履行推进法治建设第一责任人职责';
    expect(printedWidth(full)).toBeGreaterThanOrEqual(37);
    const text = [...cut(long), ...cut(P1), ...cut(full), ...cut(P2), ...cut(P3)].join('\n');
    expect(unwrap(text).text.split('\n')).toEqual([long, P1, full, P2, P3]);
  });

  it('starts a new paragraph at an indented line or a numbered one', () => {
    const lines = [...cut(P1), ...cut(`　　${P2}`), ...cut(`（一）${P3}`)];
    expect(unwrap(lines.join('\n')).text.split('\n')).toEqual([P1, `${P2}`, `（一）${P3}`]);
  });

  it('leaves a text written a paragraph a line as it is', () => {
    const text = ['示例局2024年法治政府建设年度报告', P1, '一、主要举措和成效', P2 + P3, '二、存在的不足和原因', P3, '示例局', '2025年1月10日'].join('\n');
    expect(wrapWidth(text.split('\n'))).toBeUndefined();
    expect(unwrap(text)).toEqual({ text, joined: 0 });
  });
});
