/**
 * Escaping report text for MDX, writing entries in the format of the existing ones, and the
 * frontmatter writer they share with `npm run new`. That each escape renders verbatim is
 * checked by building a site (tests/build/import.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { escapeInline, escapeParagraph, renderReport, renderSection, renderTable, renderYear } from '../../src/importer/mdx.ts';
import { frontmatter, reportFrontmatter, sectionFrontmatter } from '../../src/domain/frontmatter.ts';
import { reportSchema, sectionSchema } from '../../src/domain/schema.ts';
import type { Report } from '../../src/importer/model.ts';
import { scaffold } from '../../scripts/lib/new-run.ts';

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
    '示例局2023年法治政府建设年度报告（测试）',
    '2024年度推进法治政府建设的主要安排',
    '落实“谁执法谁普法”责任制,提升示例干部政策法规水平',
    '推进法治政府建设的主要举措和成效(示例)',
    '（一）全角括号开头',
    '一',
    '制表\t符',
  ];
  const quoted = [
    '2023', '1.5', '0x1F', '0o17', '1_000', '.inf', '12:30', '2024-01-08', '2024-01-08T10:00:00Z', '2024-1-8 10:00:00',
    'yes', 'No', 'on', 'null', '~', 'true', '', 'Y', '+12', '1e3',
    '- 开头', '# 开头', '标题: 冒号', '示例局: 测试', '标题 #井号', '标题:', '[方括号]', '{花括号}', '*星号', '&锚点', '!标签',
    '|竖线', '>大于', "'单引号'", '"双引号"', '%百分号', '@符号', '`反引号', ',逗号',
    ' 前导空格', '尾随空格 ',
  ];

  /** The value as written, and as the build's frontmatter reader reads it back. */
  const written = (v: string) => frontmatter({ k: v }).split('\n')[1]!.slice('k: '.length);
  const roundTrip = (v: string) => parseFrontmatter(frontmatter({ k: v })).frontmatter.k;

  it.each(plain)('stays plain where YAML reads it back unchanged: %s', (v) => {
    expect(written(v)).toBe(v);
    expect(roundTrip(v)).toBe(v);
  });

  it.each(quoted)('is quoted where YAML would misread it: %s', (v) => {
    expect(written(v)).toMatch(/^["']/);
    expect(roundTrip(v)).toBe(v);
  });

  it('never folds a long line', () => {
    const long = '示例'.repeat(120);
    expect(frontmatter({ title: long })).toBe(`---\ntitle: ${long}\n---\n`);
  });

  it('writes ISO dates unquoted, and the schema reads them back as the same date', () => {
    const text = reportFrontmatter({
      year: 2030,
      title: '示例局2030年报告',
      agency: '示例局',
      signedOn: '2031-01-10',
      publishedOn: '2031-01-20',
      corrections: [{ date: '2031-02-01', note: '示例更正' }],
    });
    expect(text).toContain('\nsignedOn: 2031-01-10\n');
    expect(text).toContain('\npublishedOn: 2031-01-20\n');
    expect(text).toContain('\n  - date: 2031-02-01\n');
    const parsed = reportSchema.parse(parseFrontmatter(text).frontmatter);
    expect(parsed).toMatchObject({ signedOn: '2031-01-10', publishedOn: '2031-01-20', corrections: [{ date: '2031-02-01', note: '示例更正' }] });
  });

  it('keeps the schema’s field order, leaves defaults out, writes notes as comments', () => {
    const text = reportFrontmatter(
      { draft: true, signedOn: '2031-01-10', agency: '示例局', title: '示例', year: 2030, corrections: [] },
      { draft: '写完、核对后删除这一行即发布' },
    );
    expect(text).toBe('---\nyear: 2030\ntitle: 示例\nagency: 示例局\nsignedOn: 2031-01-10\ndraft: true # 写完、核对后删除这一行即发布\n---\n');
    expect(reportFrontmatter({ year: 2030, title: '示例', agency: '示例局', signedOn: '2031-01-10', draft: false })).not.toContain('draft');
  });

  it('writes figures as the existing entries do, values quoted as printed', () => {
    const text = sectionFrontmatter({
      report: '2030',
      order: 2,
      label: '二、',
      heading: '示例',
      items: ['主要举措和成效'],
      figures: [{ key: 'relief-funds', label: '示例资金', value: '21.40', unit: '万元', qualifier: '约' }],
    });
    expect(text).toBe(
      '---\nreport: 2030\norder: 2\nlabel: 二、\nheading: 示例\nitems:\n  - 主要举措和成效\nfigures:\n' +
        '  - key: relief-funds\n    label: 示例资金\n    qualifier: 约\n    value: "21.40"\n    unit: 万元\n---\n',
    );
    expect(sectionSchema.parse(parseFrontmatter(text).frontmatter).figures[0]!.value).toBe('21.40');
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
    sources: { agency: '取自落款', signedOn: '落款“2031年01月10日”' },
    prefaceFootnotes: [],
    leftOut: [],
    preface: [
      { kind: 'line', text: '2030年,示例局……' },
      { kind: 'line', text: '1. 第二段' },
    ],
    sections: [
      {
        order: 1,
        label: '一、',
        heading: '2031',
        items: ['主要举措和成效'],
        reasons: [{ item: '主要举措和成效', reason: '示例' }],
        footnotes: [],
        body: [
          { kind: 'subheading', text: '（一）小标题' },
          { kind: 'line', text: '正文。' },
          { kind: 'table', rows: [['甲', '乙']] },
        ],
      },
    ],
    warnings: [],
  };

  it('footnotes: the marks where they stood, the notes after the text, escaped like the text', () => {
    const section = {
      ...report.sections[0]!,
      body: [
        { kind: 'subheading' as const, text: '（一）小标题*', notes: [{ at: 6, id: '1' }] },
        { kind: 'line' as const, text: '1. 正文<b>后文', notes: [{ at: 5, id: '2' }, { at: 8, id: '3' }] },
      ],
      footnotes: [
        { label: '1', text: '注一 [链接](x)' },
        { label: '2', text: '注二' },
        { label: '3', text: '第一段\n第二段' },
      ],
    };
    expect(renderSection(2030, section).split('---\n')[2]).toBe(
      '\n### （一）小标题[^1]\\*\n\n1\\. 正文[^2]\\<b\\>[^3]后文\n\n[^1]: 注一 \\[链接\\](x)\n\n[^2]: 注二\n\n[^3]: 第一段\n\n    第二段\n',
    );
  });

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
      '---\nreport: 2030\norder: 1\nlabel: 一、\nheading: "2031"\nitems:\n  - 主要举措和成效\n---\n\n' +
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

describe('npm run new', () => {
  const draft = scaffold(2030, '示例局: 测试');
  const { reportText, sections } = renderYear(draft);

  it('renders a draft report through the importer’s renderer, comments where staff need them', () => {
    expect(reportText).toBe(
      '---\nyear: 2030\ntitle: "示例局: 测试2030年法治政府建设年度报告"\nagency: "示例局: 测试"\n' +
        'signedOn: 2031-01-10 # 待填写：落款日期\ndraft: true # 写完、核对后删除这一行即发布\n---\n\n待填写：前言。\n',
    );
  });

  it('round-trips a bureau name with “: ” through the schema', () => {
    const parsed = reportSchema.parse(parseFrontmatter(reportText).frontmatter);
    expect(parsed).toMatchObject({ year: 2030, agency: '示例局: 测试', title: '示例局: 测试2030年法治政府建设年度报告', signedOn: '2031-01-10', draft: true });
  });

  it('has one section per required item, in order, text marked 待填写, the plan naming the next year', () => {
    expect(sections.map((s) => s.name)).toEqual(['01.mdx', '02.mdx', '03.mdx', '04.mdx', '05.mdx']);
    const parsed = sections.map((s) => sectionSchema.parse(parseFrontmatter(s.text).frontmatter));
    expect(parsed.map((s) => `${s.label}${s.items.join('')}`)).toEqual(['一、主要举措和成效', '二、存在的不足和原因', '三、第一责任人职责', '四、下一年度主要安排', '五、其他需要报告的情况']);
    expect(parsed[3]!.heading).toBe('2031年度推进法治政府建设的主要安排');
    expect(sections[0]!.text).toBe('---\nreport: 2030\norder: 1\nlabel: 一、\nheading: 推进法治政府建设的主要举措和成效\nitems:\n  - 主要举措和成效\n---\n\n待填写。\n');
  });
});
