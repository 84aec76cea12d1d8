import { describe, expect, it } from 'vitest';
import { toChineseNumeral, parseChineseNumeral } from '../../src/domain/numerals';
import { formatChineseDate, parseChineseDate, toIsoDate } from '../../src/domain/dates';
import { signatureLines } from '../../src/domain/report';
import { defineSiteConfig, footerRows } from '../../src/domain/site';
import { REQUIRED_ITEMS } from '../../src/domain/items';
import {
  attachmentsDir,
  contentFolderOf,
  matchesPattern,
  REPORT_PATTERN,
  reportFile,
  SECTION_PATTERN,
  sectionFile,
  sectionFileName,
  sectionsDir,
} from '../../src/domain/layout';

describe('Chinese numerals', () => {
  it.each([
    [1, '一'],
    [7, '七'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [21, '二十一'],
    [99, '九十九'],
  ])('%i is printed %s and read back', (n, s) => {
    expect(toChineseNumeral(n)).toBe(s);
    expect(parseChineseNumeral(s)).toBe(n);
  });

  it('reads nothing else as a numeral', () => {
    for (const s of ['', '零', '一十', '1', '一、', '(一)', '百']) expect(parseChineseNumeral(s)).toBeUndefined();
  });
});

describe('dates', () => {
  it('prints an ISO date as in the text of a document, and reads it back', () => {
    expect(formatChineseDate('2024-01-08')).toBe('2024年1月8日');
    expect(parseChineseDate('2024年1月8日')).toBe('2024-01-08');
    expect(parseChineseDate('2025年1月10日')).toBe('2025-01-10');
    expect(parseChineseDate('2025年2月30日')).toBeUndefined();
    expect(parseChineseDate('二〇二五年一月十日')).toBeUndefined();
  });

  it('takes YAML dates and strings, and refuses impossible days', () => {
    expect(toIsoDate(new Date(Date.UTC(2024, 0, 8)))).toBe('2024-01-08');
    expect(toIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(toIsoDate('2023-02-29')).toBeUndefined();
    expect(toIsoDate(new Date('nonsense'))).toBeUndefined();
    expect(toIsoDate(20240108)).toBeUndefined();
  });
});

describe('signature block', () => {
  it('is the agency and the signing date unless printed otherwise', () => {
    expect(signatureLines({ agency: '示例局', signedOn: '2024-01-08' })).toEqual(['示例局', '2024年1月8日']);
    expect(signatureLines({ agency: '某局', signedOn: '2024-01-08', signature: ['中共某局党组', '某局'] })).toEqual([
      '中共某局党组',
      '某局',
    ]);
  });
});

describe('site configuration', () => {
  it('shows only the footer fields that are configured, in the guideline’s order', () => {
    const config = defineSiteConfig({ bureau: '某局', siteName: '年报', footer: { icp: '粤ICP备00000000号', sponsor: '某局' } });
    expect(footerRows(config)).toEqual([
      { label: '主办单位', value: '某局' },
      { label: 'ICP备案编号', value: '粤ICP备00000000号' },
    ]);
    expect(footerRows(defineSiteConfig({ bureau: '某局', siteName: '年报' }))).toEqual([]);
  });

  it('refuses an empty registration number rather than showing a blank', () => {
    expect(() => defineSiteConfig({ bureau: '某局', siteName: '年报', footer: { siteCode: ' ' } })).toThrow(
      'site.config.ts · footer.siteCode：不能是空字符串',
    );
  });
});

describe('required items', () => {
  it('are the regulation’s five, four of them mandatory', () => {
    expect(REQUIRED_ITEMS.map((i) => i.name)).toEqual([
      '主要举措和成效',
      '存在的不足和原因',
      '第一责任人职责',
      '下一年度主要安排',
      '其他需要报告的情况',
    ]);
    expect(REQUIRED_ITEMS.filter((i) => i.mandatory)).toHaveLength(4);
  });
});

describe('the content folder’s layout', () => {
  it('places a year’s report, sections and attachments, inside a folder when given', () => {
    expect([reportFile(2024), sectionsDir(2024), sectionFile(2024, 3), attachmentsDir(2024)]).toEqual([
      'reports/2024.mdx',
      'sections/2024',
      'sections/2024/03.mdx',
      'attachments/2024',
    ]);
    expect(reportFile(2024, '/tmp/示例/')).toBe('/tmp/示例/reports/2024.mdx');
    expect(sectionFile('2024', 12, './src/content')).toBe('./src/content/sections/2024/12.mdx');
    expect(sectionFileName(1)).toBe('01.mdx');
  });

  it('reads the content folder back from a section’s path', () => {
    expect(contentFolderOf('src/content/sections/2023/01.mdx')).toBe('src/content/');
    expect(contentFolderOf('/tmp/示例/sections/2023/01.mdx')).toBe('/tmp/示例/');
    expect(contentFolderOf('sections/2023/01.mdx')).toBe('');
    expect(contentFolderOf('01.mdx')).toBe('');
  });

  it('matches entry files as the build’s glob does: one level for reports, two for sections, no dot folders', () => {
    expect(matchesPattern('2023.mdx', REPORT_PATTERN)).toBe(true);
    expect(matchesPattern('2023/01.mdx', REPORT_PATTERN)).toBe(false);
    expect(matchesPattern('2023/01.mdx', SECTION_PATTERN)).toBe(true);
    expect(matchesPattern('2023\\01.mdx', SECTION_PATTERN)).toBe(true);
    expect(matchesPattern('2023/01.md', SECTION_PATTERN)).toBe(false);
    expect(matchesPattern('.import-2030-x/01.mdx', SECTION_PATTERN)).toBe(false);
    expect(matchesPattern('2023/a/01.mdx', SECTION_PATTERN)).toBe(false);
  });
});
