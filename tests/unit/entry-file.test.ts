/**
 * Reading an entry file as staff wrote it (src/domain/entry-file.ts): YAML as text, so a date
 * that does not exist is caught instead of rolled over; every mistake a Chinese message with
 * its line; the body read as MDX, as the build will.
 */
import { describe, expect, it } from 'vitest';
import { mdxProblem, parseEntryFile } from '../../src/domain/entry-file';
import { reportSchema } from '../../src/domain/schema';

const read = (text: string) => parseEntryFile(text, 'reports/2023.mdx');
const entry = (text: string) => {
  const r = read(text);
  if (!('entry' in r)) throw new Error(JSON.stringify(r));
  return r.entry;
};
const report = (lines: string) => `---\nyear: 2023\ntitle: 示例局2023年法治政府建设年度报告（测试）\nagency: 示例局\n${lines}\n---\n\n示例前言\n`;

describe('frontmatter', () => {
  it('keeps dates as the text written, so the schema can refuse one that does not exist', () => {
    const { frontmatter } = entry(report('signedOn: 2026-02-30'));
    expect(frontmatter.signedOn).toBe('2026-02-30');
    const r = reportSchema.safeParse(frontmatter);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toEqual(['signedOn（成文日期）应为 YYYY-MM-DD 格式的真实日期，例如 2024-01-08；收到 “2026-02-30”']);
    expect(reportSchema.parse(entry(report('signedOn: 2024-02-29')).frontmatter).signedOn).toBe('2024-02-29');
  });

  it('a colon left at the end of a value is named as such', () => {
    expect(read('---\nreport: 2023\nsignedOn: 2030-01-08:\n---\n\n正文\n')).toEqual({
      problem: { file: 'reports/2023.mdx', field: '第 3 行', message: '“signedOn: 2030-01-08:”：值的末尾多了一个冒号“:”。请删掉它；冒号本是值的一部分时，给整个值加双引号' },
    });
  });

  it('a value with “: ” in it names the line and shows how to quote it', () => {
    expect(read('---\nreport: 2023\nheading: 一是: 高度重视\n---\n\n正文\n')).toEqual({
      problem: { file: 'reports/2023.mdx', field: '第 3 行', message: '“heading: 一是: 高度重视”：值里有“: ”（冒号加空格）。请给整个值加双引号，例如 heading: "一是: 高度重视"' },
    });
  });

  it.each([
    ['a field written twice', '---\nyear: 2023\nyear: 2024\n---\n', '第 3 行', '“year: 2024”：这个字段写了两次。每个字段只写一次，请删掉多余的一行'],
    ['a quote left open', '---\ntitle: "示例\nyear: 2023\n---\n', '第 2 行', '“title: "示例”：引号没有成对。值前面加了引号，后面也要加同样的引号'],
    ['a list item out of line', '---\ncorrections:\n  - date: 2024-03-01\n    note: 示例\n   bad: 测试\n---\n', '第 5 行', '“bad: 测试”：列表的每一项要以“- ”开头，并和上一项对齐缩进'],
    ['no closing ---', '---\nyear: 2023\n正文\n', '第 1 行', '字段部分没有结束：在最后一个字段之后加一行 ---，正文写在它下面'],
    ['no opening ---', 'year: 2023\n', '第 1 行', '文件应以一行 --- 开头，然后是各字段（如 year: 2024），再以一行 --- 结束，之后才是正文'],
  ])('%s', (_name, text, field, message) => {
    expect(read(text)).toEqual({ problem: { file: 'reports/2023.mdx', field, message } });
  });

  it('a byte order mark and CRLF line ends read as usual', () => {
    expect(entry('\uFEFF---\r\nyear: 2023\r\n---\r\n\r\n正文\r\n').frontmatter).toEqual({ year: 2023 });
  });
});

describe('the body as MDX', () => {
  it('an unescaped brace names the file line and the fix', () => {
    const e = entry('---\nyear: 2023\n---\n\n第一段（示例）\n\n第二段 {没有转义（测试）\n');
    expect(mdxProblem(e, 'reports/2023.mdx')).toEqual({
      file: 'reports/2023.mdx',
      field: '第 7 行',
      message:
        '正文无法按 MDX 读取：“第二段 {没有转义（测试）”。正文中作为文字的 { } < > 要在前面加反斜杠，写成 \\{ \\} \\< \\>（npm run import 导入时会自动这样写）；标签和花括号要成对',
    });
  });

  it('escaped text and GFM tables read', () => {
    expect(mdxProblem(entry('---\nyear: 2023\n---\n\n\\{示例\\} \\<测试\\>\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n'), 'x')).toBeUndefined();
  });
});
