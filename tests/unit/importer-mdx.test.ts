/**
 * Escaping report text for MDX and writing entries in the format of the existing ones. That
 * each escape renders verbatim is checked by building a site (tests/build/import.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { escapeInline, escapeParagraph, renderReport, renderSection, renderTable, yamlScalar } from '../../src/importer/mdx.ts';
import type { Report } from '../../src/importer/model.ts';

describe('escaping text anywhere in a line', () => {
  it.each([
    ['<b>不是粗体</b>', '\\<b\\>不是粗体\\</b\\>'],
    ['{1+1}', '\\{1+1\\}'],
    ['*星号* **双星**', '\\*星号\\* \\*\\*双星\\*\\*'],
    ['_下划线_', '\\_下划线\\_'],
    ['[链接](地址)', '\\[链接\\](地址)'],
    ['C:\\目录\\', 'C:\\\\目录\\\\'],
    ['~删除~', '\\~删除\\~'],
    ['甲|乙', '甲\\|乙'],
    ['&amp; &copy;', '\\&amp; \\&copy;'],
    ['`代码`', '\\`代码\\`'],
    ['第#1号', '第\\#1号'],
  ])('%s', (text, mdx) => expect(escapeInline(text)).toBe(mdx));

  it('keeps bare addresses as text: GFM would link them after escapes are undone', () => {
    expect(escapeInline('网址 https://example.org/a 和 www.example.com')).toBe('网址 https{""}://example.org/a 和 www{""}.example.com');
    expect(escapeInline('邮箱 test@example.com')).toBe('邮箱 test{""}@example.com');
  });

  it('leaves ordinary punctuation alone, half-width or not', () => {
    const text = '2023年,我局按照《纲要(2021-2025年)》…“谁执法谁普法”:1.5%;美好生活.民法典相伴!?=+-\'"';
    expect(escapeInline(text)).toBe(text);
    expect(escapeParagraph(text)).toBe(text);
  });
});

describe('escaping what is special at the start of a paragraph', () => {
  it.each([
    ['1. 列表', '1\\. 列表'],
    ['1) 列表', '1\\) 列表'],
    ['2030.年份', '2030\\.年份'],
    ['# 标题', '\\# 标题'],
    ['- 列表', '\\- 列表'],
    ['+ 列表', '\\+ 列表'],
    ['* 列表', '\\* 列表'],
    ['> 引用', '\\> 引用'],
    ['---', '\\---'],
    ['***', '\\*\\*\\*'],
    ['import 测试 from \'x\'', "&#x69;mport 测试 from 'x'"],
    ['export const x = 1', '&#x65;xport const x = 1'],
  ])('%s', (text, mdx) => expect(escapeParagraph(text)).toBe(mdx));

  it('leaves such characters alone later in the line', () => {
    expect(escapeParagraph('共 1. 项 - 2) 项 + important export')).toBe('共 1. 项 - 2) 项 + important export');
    expect(escapeParagraph('importance')).toBe('importance');
  });
});

describe('tables', () => {
  it('are GFM tables with the first row as header, cells escaped, | too, rows padded', () => {
    expect(renderTable([['项目', '数|量'], ['*甲*', '1. <b>'], ['只有一格'], ['两段\n文字', '']])).toBe(
      [
        '| 项目 | 数\\|量 |',
        '| --- | --- |',
        '| \\*甲\\* | 1. \\<b\\> |',
        '| 只有一格 |  |',
        '| 两段<br />文字 |  |',
      ].join('\n'),
    );
  });
});

describe('YAML values', () => {
  const plain = [
    '韶关市武江区退役军人事务局2023年法治政府建设年度报告',
    '2024年度推进法治政府建设的主要安排',
    '落实“谁执法谁普法”责任制,提升系统干部政策法规水平',
    '推进法治政府建设的主要举措和成效(示例)',
    '（一）全角括号开头',
    '一',
  ];
  const quoted = [
    '2023', '1.5', '0x1F', '1_000', '.inf', '12:30', '2024-01-08', '2024-1-8 10:00',
    'yes', 'No', 'on', 'null', '~', 'true', '',
    '- 开头', '# 开头', '标题: 冒号', '标题 #井号', '标题:', '[方括号]', '{花括号}', '*星号', '&锚点', '!标签',
    '|竖线', '>大于', "'单引号'", '"双引号"', '%百分号', '@符号', '`反引号', '?问号', ':冒号', ',逗号',
    ' 前导空格', '尾随空格 ', '制表\t符',
  ];

  const roundTrip = (v: string) => parseFrontmatter(`---\nk: ${yamlScalar(v)}\n---\n`).frontmatter.k;

  it.each(plain)('stays plain where YAML reads it back unchanged: %s', (v) => {
    expect(yamlScalar(v)).toBe(v);
    expect(roundTrip(v)).toBe(v);
  });

  it.each(quoted)('is quoted where YAML would misread it: %s', (v) => {
    expect(yamlScalar(v)).toBe(JSON.stringify(v));
    expect(roundTrip(v)).toBe(v);
  });
});

describe('entries', () => {
  const report: Report = {
    year: 2030,
    yearSource: 'preface',
    title: '示例局2030年法治政府建设年度报告',
    titleFromSource: true,
    agency: '示例局',
    signedOn: '2031-01-10',
    signature: ['示例局', '2031年01月10日'],
    preface: [
      { kind: 'line', text: '2030年,示例局……' },
      { kind: 'line', text: '1. 第二段' },
    ],
    sections: [
      {
        order: 1,
        numeral: '一',
        heading: '2031',
        item: '主要举措和成效',
        body: [
          { kind: 'subheading', text: '（一）小标题' },
          { kind: 'line', text: '正文。' },
          { kind: 'table', rows: [['甲', '乙']] },
        ],
      },
    ],
    warnings: [],
  };

  it('a report: frontmatter in the order of the existing entries, then the preface', () => {
    expect(renderReport(report)).toBe(
      '---\nyear: 2030\ntitle: 示例局2030年法治政府建设年度报告\nagency: 示例局\nsignedOn: 2031-01-10\n' +
        'signature:\n  - 示例局\n  - 2031年01月10日\n---\n\n2030年,示例局……\n\n1\\. 第二段\n',
    );
    expect(renderReport({ ...report, signature: undefined, preface: [] })).toBe(
      '---\nyear: 2030\ntitle: 示例局2030年法治政府建设年度报告\nagency: 示例局\nsignedOn: 2031-01-10\n---\n',
    );
  });

  it('a section: frontmatter, then sub-headings as ###, paragraphs and tables', () => {
    expect(renderSection(2030, report.sections[0]!)).toBe(
      '---\nreport: 2030\norder: 1\nnumeral: 一\nheading: "2031"\nitem: 主要举措和成效\n---\n\n' +
        '### （一）小标题\n\n正文。\n\n| 甲 | 乙 |\n| --- | --- |\n',
    );
  });

  it('parse back to the data they were made from', () => {
    const { frontmatter } = parseFrontmatter(renderReport(report));
    expect(frontmatter).toEqual({
      year: 2030,
      title: report.title,
      agency: '示例局',
      signedOn: new Date('2031-01-10T00:00:00Z'),
      signature: ['示例局', '2031年01月10日'],
    });
  });
});
