/**
 * The frontmatter schemas' messages, on synthetic entries (示例局): each says what was
 * expected. That the real content passes is `npm run check` (and the build tests).
 */
import { describe, expect, it } from 'vitest';
import { reportSchema, sectionSchema } from '../../src/domain/schema';
import { isReportYear, parseReportYear, REPORT_YEARS } from '../../src/domain/layout';
import { parse } from 'yaml';
import { reportFrontmatter } from '../../src/domain/frontmatter';
import { snapshotOf } from '../../src/domain/record';
import { defineSiteConfig, footerRegistrations, hasContactPage, siteConfigModule, siteLinks } from '../../src/domain/site';

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

/** Frontmatter as YAML hands it over: the signing date as a Date. */
const validReport: Record<string, unknown> = {
  year: 2023,
  title: '示例局2023年法治政府建设年度报告（测试）',
  agency: '示例局',
  signedOn: new Date('2024-01-08T00:00:00Z'),
};
const validSection: Record<string, unknown> = { report: 2023, order: 1, label: '一、', heading: '示例举措（测试）', items: ['主要举措和成效'] };
/** A section as entries wrote it before labels and lists of items. */
const legacySection: Record<string, unknown> = { report: 2023, order: 1, numeral: '一', heading: '示例举措（测试）', item: '主要举措和成效' };

describe('valid entries', () => {
  it('parse to the data the site uses, with defaults and the date as written', () => {
    expect(reportSchema.parse(validReport)).toEqual({
      year: 2023,
      title: '示例局2023年法治政府建设年度报告（测试）',
      agency: '示例局',
      signedOn: '2024-01-08',
      draft: false,
      corrections: [],
    });
    expect(sectionSchema.parse(validSection)).toEqual({ ...validSection, report: '2023', figures: [] });
  });
});

describe('report schema rejects, saying what was expected', () => {
  const without = (key: string) => Object.fromEntries(Object.entries(validReport).filter(([k]) => k !== key));

  it('a missing year', () => {
    const m = messages(reportSchema.safeParse(without('year')));
    expect(m).toEqual(['year: 缺少 year（报告年度），请填写四位阿拉伯数字年份，例如 year: 2023']);
  });

  it('a year written as 二〇二三', () => {
    const m = messages(reportSchema.safeParse({ ...validReport, year: '二〇二三' }));
    expect(m).toHaveLength(1);
    expect(m[0]).toMatch(/^year: year（报告年度）应为四位阿拉伯数字年份，例如 year: 2023/);
    expect(m[0]).toContain('收到 “二〇二三”');
  });

  it('a year out of range or not whole', () => {
    expect(messages(reportSchema.safeParse({ ...validReport, year: 23 }))).toEqual([
      'year: year（报告年度）应为四位阿拉伯数字年份，例如 year: 2023；收到 23',
    ]);
    expect(messages(reportSchema.safeParse({ ...validReport, year: 20233 }))[0]).toContain('收到 20233');
    expect(reportSchema.parse({ ...validReport, year: 1000 }).year).toBe(1000);
    expect(reportSchema.parse({ ...validReport, year: '9999' }).year).toBe(9999);
    expect(messages(reportSchema.safeParse({ ...validReport, year: 2023.5 }))).toEqual(['year: year（报告年度）应为整数年份，例如 year: 2023']);
    expect(messages(reportSchema.safeParse({ ...validReport, year: '0999' }))).toEqual([
      'year: year（报告年度）应为四位阿拉伯数字年份，例如 year: 2023；收到 999',
    ]);
  });

  it('a report year is the one rule the schema, the scripts and the importer share', () => {
    for (const y of [REPORT_YEARS.min, 2023, REPORT_YEARS.max]) {
      expect(isReportYear(y)).toBe(true);
      expect(reportSchema.safeParse({ ...validReport, year: y }).success).toBe(true);
    }
    for (const y of [999, 10000, 2023.5, '2023', Number.NaN]) {
      expect(isReportYear(y), String(y)).toBe(false);
    }
    expect([parseReportYear('2024'), parseReportYear(' 2024 '), parseReportYear('0999'), parseReportYear('二〇二四'), parseReportYear('20245'), parseReportYear(undefined)]).toEqual([
      2024,
      2024,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it.each([
    ['2024-13-01', '“2024-13-01”'],
    ['2024-02-30', '“2024-02-30”'],
    ['2024/1/8', '“2024/1/8”'],
    ['2024年1月8日', '“2024年1月8日”'],
  ])('a malformed date %s', (value, shown) => {
    const m = messages(reportSchema.safeParse({ ...validReport, signedOn: value }));
    expect(m).toEqual([`signedOn: signedOn（成文日期）应为 YYYY-MM-DD 格式的真实日期，例如 2024-01-08；收到 ${shown}`]);
  });

  it('a malformed optional date too, and accepts YAML dates', () => {
    expect(messages(reportSchema.safeParse({ ...validReport, publishedOn: '2024-1-30' }))[0]).toContain('publishedOn（发布日期）');
    const parsed = reportSchema.parse({ ...validReport, signedOn: new Date('2024-01-08T00:00:00Z') });
    expect(parsed.signedOn).toBe('2024-01-08');
  });

  it('a missing signing date', () => {
    expect(messages(reportSchema.safeParse(without('signedOn')))).toEqual([
      'signedOn: 缺少 signedOn（成文日期），请按 YYYY-MM-DD 填写，例如 signedOn: 2024-01-08',
    ]);
  });

  it('a misspelt field, naming the fields that exist', () => {
    const m = messages(reportSchema.safeParse({ ...validReport, signedon: '2024-01-08' }));
    expect(m.join('\n')).toContain('不认识的字段 signedon');
    expect(m.join('\n')).toContain('可用字段：year、title、agency、signedOn');
  });
});

describe('section schema rejects, saying what was expected', () => {
  it('an item that is not one of the five', () => {
    const m = messages(sectionSchema.safeParse({ ...validSection, items: ['主要举措和成效', '工作成效'] }));
    expect(m).toEqual([
      'items.1: items（报告事项）应为以下之一：主要举措和成效、存在的不足和原因、第一责任人职责、下一年度主要安排、其他需要报告的情况；收到 “工作成效”',
    ]);
    expect(messages(sectionSchema.safeParse({ ...legacySection, item: '工作成效' }))).toEqual([
      'item: item（报告事项）应为以下之一：主要举措和成效、存在的不足和原因、第一责任人职责、下一年度主要安排、其他需要报告的情况；收到 “工作成效”',
    ]);
  });

  it('items that are empty, repeated or not a list', () => {
    expect(messages(sectionSchema.safeParse({ ...validSection, items: [] }))).toEqual(['items: items（报告事项）至少写一项，例如 items: [主要举措和成效]']);
    expect(messages(sectionSchema.safeParse({ ...validSection, items: ['主要举措和成效', '主要举措和成效'] }))).toEqual(['items: items（报告事项）中有重复的一项，请删掉重复的']);
    expect(messages(sectionSchema.safeParse({ ...validSection, items: '主要举措和成效' }))[0]).toContain('items（报告事项）应为列表');
  });

  it('a section without label or items, or with both the old and the new field', () => {
    expect(messages(sectionSchema.safeParse({ report: 2023, order: 1, heading: '示例' }))).toEqual([
      'label: 缺少 label（标题前的编号），照原文写，例如“一、”写 label: 一、',
      'items: 缺少 items（报告事项），例如 items: [主要举措和成效]；可选：主要举措和成效、存在的不足和原因、第一责任人职责、下一年度主要安排、其他需要报告的情况',
    ]);
    expect(messages(sectionSchema.safeParse({ ...validSection, numeral: '一', item: '主要举措和成效' }))).toEqual([
      'label: label 和 numeral 只写一个：label 是新的写法，请删掉 numeral',
      'items: items 和 item 只写一个：items 是新的写法，请删掉 item',
    ]);
  });

  it('reads the fields entries wrote before, numeral and item, as label and items', () => {
    expect(sectionSchema.parse(legacySection)).toMatchObject({ label: '一、', items: ['主要举措和成效'] });
    expect(sectionSchema.parse(validSection)).toMatchObject({ label: '一、', items: ['主要举措和成效'] });
    expect(sectionSchema.parse({ ...validSection, label: '第一部分 ', items: ['主要举措和成效', '第一责任人职责'] })).toMatchObject({
      label: '第一部分 ',
      items: ['主要举措和成效', '第一责任人职责'],
    });
  });

  it('a numeral that is not a Chinese numeral', () => {
    expect(messages(sectionSchema.safeParse({ ...legacySection, numeral: '1' }))[0]).toContain('numeral（序号）应为汉字序号');
    expect(messages(sectionSchema.safeParse({ ...legacySection, numeral: '一、' }))[0]).toContain('不带“、”');
  });

  it('an order that is not a positive whole number', () => {
    expect(messages(sectionSchema.safeParse({ ...validSection, order: '一' }))[0]).toContain('order（顺序）应为正整数');
    expect(messages(sectionSchema.safeParse({ ...validSection, order: 0 }))[0]).toContain('从 1 开始');
  });

  it('a report that is not a year', () => {
    for (const report of ['二〇二三', '0999', ' 2023', '23']) {
      expect(messages(sectionSchema.safeParse({ ...validSection, report })), report).toEqual([
        'report: report（所属报告）应为四位阿拉伯数字年份，例如 report: 2023',
      ]);
    }
  });
});

describe('文号, 有效性 and 关键词 (optional report fields)', () => {
  it('are kept as written when given', () => {
    const r = reportSchema.parse({ ...validReport, documentNumber: '示例〔2024〕1号', validity: '有效', keywords: ['示例词', '测试词'] });
    expect(r).toMatchObject({ documentNumber: '示例〔2024〕1号', validity: '有效', keywords: ['示例词', '测试词'] });
    expect(reportSchema.parse(validReport)).not.toHaveProperty('documentNumber');
  });

  it('are refused when empty or of the wrong kind, each message naming the field in Chinese', () => {
    expect(messages(reportSchema.safeParse({ ...validReport, documentNumber: ' ' }))).toEqual([
      'documentNumber: documentNumber（文号）不能为空，例如 documentNumber: 武退役军人〔2024〕5号',
    ]);
    expect(messages(reportSchema.safeParse({ ...validReport, validity: 1 }))).toEqual(['validity: validity（有效性）应为文字，例如 validity: 有效；收到 1']);
    expect(messages(reportSchema.safeParse({ ...validReport, keywords: '示例词' }))).toEqual([
      'keywords: keywords（关键词）应为词语列表，例如 keywords: [法治政府建设, 年度报告]',
    ]);
    expect(messages(reportSchema.safeParse({ ...validReport, keywords: [] }))).toEqual(['keywords: keywords（关键词）至少要有一个词；没有时请删掉这个字段']);
  });
});

describe('site configuration (site.config.ts)', () => {
  const base = { bureau: '示例局', siteName: '示例年报' };
  const refused = (input: Record<string, unknown>) => {
    try {
      defineSiteConfig({ ...base, ...input } as Parameters<typeof defineSiteConfig>[0]);
    } catch (e) {
      return (e as Error).message;
    }
    return '';
  };

  it('takes every inspection field, with fake values', () => {
    const config = defineSiteConfig({
      ...base,
      footer: {
        icp: '测ICP备00000000号-1',
        police: '测公网安备 00000000000000号',
        policeUrl: 'https://beian.example.gov.cn/?code=0',
        badge: { image: 'images/badge-test.png', href: 'https://bszs.example.gov.cn/?id=TEST' },
      },
      contactUs: { telephone: '0000-00000000（测试）', email: 'test@example.gov.cn' },
      errorReportUrl: 'https://zfwzzc.example.gov.cn/',
      interaction: { url: 'https://www.example.gov.cn/hdjl/' },
      parentSite: { name: '示例区人民政府（测试）', url: 'https://www.example.gov.cn/' },
    });
    expect(config.interaction?.label).toBe('咨询建言');
    expect(hasContactPage(config)).toBe(true);
    expect(footerRegistrations(config)).toEqual([
      { label: 'ICP备案编号', value: '测ICP备00000000号-1', href: 'https://beian.miit.gov.cn/' },
      { label: '公安机关备案号', value: '测公网安备 00000000000000号', href: 'https://beian.example.gov.cn/?code=0' },
    ]);
    expect(siteLinks(config)).toMatchObject({ contactPage: true, errorReportUrl: 'https://zfwzzc.example.gov.cn/' });
  });

  it('has no /contact/ page when 联系我们 is an address elsewhere', () => {
    const config = defineSiteConfig({ ...base, contactUs: { url: 'https://www.example.gov.cn/lxwm/', telephone: '0000' } });
    expect(hasContactPage(config)).toBe(false);
    expect(siteLinks(config).contactUrl).toBe('https://www.example.gov.cn/lxwm/');
  });

  it.each([
    [{ footer: { icp: '示例备案0号' } }, 'footer.icp：footer.icp（ICP备案编号）应照备案写，例如 粤ICP备12345678号'],
    [{ footer: { police: '公安备案0号' } }, 'footer.police：footer.police（公安机关备案号）应照备案写'],
    [{ footer: { policeUrl: 'beian.example.gov.cn' } }, 'footer.policeUrl：footer.policeUrl（公安机关备案号的查询网址）应为完整网址'],
    [{ footer: { badge: { image: '/abs/badge.png', href: 'https://bszs.example.gov.cn/' } } }, 'footer.badge.image：footer.badge.image（党政机关网站标识图片）应为 public/ 下图片文件的路径'],
    [{ footer: { badge: { image: 'badge.png', href: 'ftp://x' } } }, 'footer.badge.href：footer.badge.href（党政机关网站标识的链接）应为完整网址'],
    [{ errorReportUrl: 'javascript:alert(1)' }, 'errorReportUrl：errorReportUrl（我为政府网站找错的网址）应为完整网址'],
    [{ interaction: { url: '12345' } }, 'interaction.url：interaction.url（互动交流的网址）应为完整网址'],
    [{ parentSite: { name: '示例', url: 'www.example.gov.cn' } }, 'parentSite.url：parentSite.url（上级网站的网址）应为完整网址'],
    [{ contactUs: { email: '不是邮箱' } }, 'contactUs.email：contactUs.email（电子邮箱）应为电子邮箱地址'],
  ])('refuses %j, naming the field', (input, message) => {
    const m = refused(input);
    expect(m).toContain('网站配置 site.config.ts 有误');
    expect(m).toContain(`site.config.ts · ${message}`);
  });

  it('reads another configuration module when SITE_CONFIG names one', () => {
    expect(siteConfigModule({})).toBe('site.config.ts');
    expect(siteConfigModule({ SITE_CONFIG: ' tests/fixtures/inspection/site.config.ts ' })).toBe('tests/fixtures/inspection/site.config.ts');
  });
});

describe('the frontmatter writer and the new fields', () => {
  it('writes 文号, 有效性 and 关键词 in the schema’s order, and they read back as written', () => {
    const text = reportFrontmatter({
      year: 2024,
      title: '示例局2024年法治政府建设年度报告（测试）',
      agency: '示例局',
      signedOn: '2025-01-10',
      keywords: ['示例词', '测试词'],
      validity: '有效',
      documentNumber: '示例〔2025〕1号',
      topic: '综合政务',
    });
    const keys = [...text.matchAll(/^([A-Za-z]+):/gm)].map((m) => m[1]);
    expect(keys).toEqual(['year', 'title', 'agency', 'signedOn', 'topic', 'documentNumber', 'validity', 'keywords']);
    const parsed = reportSchema.parse(parse(text.replace(/^---\n|---\n$/g, '')));
    expect(parsed).toMatchObject({ documentNumber: '示例〔2025〕1号', validity: '有效', keywords: ['示例词', '测试词'] });
  });
});

describe('the record of what was published and the new fields', () => {
  it('records 文号, 有效性 and 关键词 with the other metadata, so a later change needs a correction', () => {
    const entry = (over: Record<string, unknown>) => ({
      id: '2024',
      filePath: 'reports/2024.mdx',
      body: '示例前言（测试）。',
      text: ['示例前言（测试）。'],
      data: reportSchema.parse({ ...validReport, year: 2024, signedOn: '2025-01-10', ...over }),
    });
    const before = snapshotOf(entry({}), [], []);
    const after = snapshotOf(entry({ documentNumber: '示例〔2025〕1号', validity: '有效', keywords: ['示例词', '测试词'] }), [], []);
    expect(before.state.metadata).not.toHaveProperty('documentNumber');
    expect(after.state.metadata).toMatchObject({ documentNumber: '示例〔2025〕1号', validity: '有效', keywords: '示例词、测试词' });
    expect(after.state.text).toBe(before.state.text);
  });
});
