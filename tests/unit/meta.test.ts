/** Head metadata: canonical address, Open Graph, 政府网站 meta names and JSON-LD (src/utils/meta.ts). */
import { describe, expect, it } from 'vitest';
import { headMeta, jsonForScript, reportJsonLd, type HeadInput, type MetaTag } from '../../src/utils/meta';
import type { ReportData } from '../../src/domain/schema';

const report: ReportData = {
  year: 2023,
  title: '示例局2023年法治政府建设年度报告（测试）',
  agency: '示例局（测试）',
  signedOn: '2024-01-08',
  draft: false,
  corrections: [],
};

const base: HeadInput = {
  base: '/',
  pathname: '/2023/',
  bureau: '示例局（测试）',
  siteName: '法治政府建设年度报告',
};

const byKey = (meta: MetaTag[]) =>
  Object.fromEntries(meta.map((m) => ['name' in m ? m.name : m.property, m.content] as const));

describe('canonical address', () => {
  it('is absolute when the site address is known, with the base path from the page path', () => {
    const h = headMeta({ ...base, site: 'https://www.example.gov.cn/', base: '/fzbg/', pathname: '/fzbg/2023/' });
    expect(h.canonical).toBe('https://www.example.gov.cn/fzbg/2023/');
    expect(byKey(h.meta)['og:url']).toBe('https://www.example.gov.cn/fzbg/2023/');
    expect(h.feedHref).toBe('/fzbg/feed.xml');
  });

  it('is the path without a site address, and og:url (which must be absolute) is left out', () => {
    const h = headMeta(base);
    expect(h.canonical).toBe('/2023/');
    expect(byKey(h.meta)['og:url']).toBeUndefined();
    expect(h.feedHref).toBe('/feed.xml');
  });

  it('is left out on the 404 page', () => {
    const h = headMeta({ ...base, site: 'https://www.example.gov.cn/', pathname: '/404/', notFound: true });
    expect(h.canonical).toBeUndefined();
    expect(byKey(h.meta)['og:url']).toBeUndefined();
  });
});

describe('meta names and Open Graph', () => {
  it('an ordinary page has a description and a website Open Graph card, no 政府网站 names, no JSON-LD', () => {
    const m = byKey(headMeta({ ...base, pathname: '/' }).meta);
    expect(m.description).toContain('法治政府建设年度报告');
    expect(m['og:type']).toBe('website');
    expect(m['og:title']).toBe('示例局（测试）法治政府建设年度报告');
    expect(m['og:locale']).toBe('zh_CN');
    expect(m.ColumnName).toBeUndefined();
    expect(headMeta(base).jsonLd).toBeUndefined();
  });

  it('a report page has the 政府网站发展指引 names and an article card', () => {
    const h = headMeta({ ...base, site: 'https://www.example.gov.cn', siteCode: '4402040001', doc: { report } });
    const m = byKey(h.meta);
    expect(m).toMatchObject({
      SiteName: '示例局（测试）法治政府建设年度报告',
      SiteDomain: 'www.example.gov.cn',
      SiteIDCode: '4402040001',
      ColumnName: '法治政府建设年度报告',
      ArticleTitle: report.title,
      ContentSource: '示例局（测试）',
      Url: 'https://www.example.gov.cn/2023/',
      'og:type': 'article',
      'og:title': report.title,
      'og:site_name': '示例局（测试）法治政府建设年度报告',
    });
    // No 发布日期 is known: nothing claims one, the 成文日期 least of all.
    expect(m.PubDate).toBeUndefined();
    expect(m['article:published_time']).toBeUndefined();
    expect(m.Keywords!.split(',')).toEqual(['法治政府建设', '年度报告', '2023年报告', '示例局（测试）']);
    expect(m.Description).toBe(m['og:description']);
    expect(m['article:modified_time']).toBeUndefined();
  });

  it('writes description once: meta names are case-insensitive', () => {
    for (const doc of [undefined, { report }]) {
      const names = headMeta({ ...base, doc }).meta.flatMap((m) => ('name' in m ? [m.name.toLowerCase()] : []));
      expect(new Set(names).size, String(doc)).toBe(names.length);
      expect(names.filter((n) => n === 'description')).toHaveLength(1);
    }
  });

  it('leaves out what is not known: SiteDomain and Url without a site address, SiteIDCode until issued', () => {
    const m = byKey(headMeta({ ...base, doc: { report } }).meta);
    expect(m.SiteDomain).toBeUndefined();
    expect(m.Url).toBeUndefined();
    expect(m.SiteIDCode).toBeUndefined();
    expect(m.SiteName).toBeDefined();
  });

  it('PubDate is 发布日期 when known, and absent otherwise; a given description is used as is', () => {
    const m = byKey(headMeta({ ...base, description: '摘要', doc: { report: { ...report, publishedOn: '2024-01-20' } } }).meta);
    expect(m.PubDate).toBe('2024-01-20');
    expect(m['article:published_time']).toBe('2024-01-20');
    expect(m.Description).toBe('摘要');
    expect(m['og:description']).toBe('摘要');
  });

  it('a section page is titled by its heading and keyed by its item', () => {
    const section = { label: '二、', heading: '示例举措：测试性学法活动', items: ['主要举措和成效'] };
    const m = byKey(headMeta({ ...base, pathname: '/2023/section-2/', doc: { report, section } }).meta);
    expect(m.ArticleTitle).toBe('二、示例举措：测试性学法活动');
    expect(m['og:title']).toBe('二、示例举措：测试性学法活动');
    expect(m.Keywords!.split(',')).toContain('主要举措和成效');
    expect(m.Description).toContain(report.title);
  });
});

describe('JSON-LD', () => {
  it('describes the report: publisher, dates, language, the site it is part of', () => {
    const ld = reportJsonLd({
      ...base,
      site: 'https://www.example.gov.cn/',
      doc: { report: { ...report, publishedOn: '2024-01-20', indexNumber: '007/2024-1', corrections: [{ date: '2024-03-01', note: 'a' }, { date: '2024-02-01', note: 'b' }] } },
    });
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Report',
      name: report.title,
      url: 'https://www.example.gov.cn/2023/',
      inLanguage: 'zh-CN',
      datePublished: '2024-01-20',
      dateCreated: '2024-01-08',
      dateModified: '2024-03-01',
      identifier: [{ '@type': 'PropertyValue', name: '索引号', value: '007/2024-1' }],
      author: { '@type': 'GovernmentOrganization', name: '示例局（测试）' },
      publisher: { '@type': 'GovernmentOrganization', name: '示例局（测试）', url: 'https://www.example.gov.cn/' },
      isPartOf: { '@type': 'WebSite', name: '示例局（测试）法治政府建设年度报告', url: 'https://www.example.gov.cn/' },
    });
  });

  it('has no datePublished without a 发布日期 (the 成文日期 is dateCreated); no dateModified or urls when not known', () => {
    const ld = reportJsonLd({ ...base, doc: { report } });
    expect(ld).not.toHaveProperty('datePublished');
    expect(ld.dateCreated).toBe('2024-01-08');
    expect(ld).not.toHaveProperty('dateModified');
    expect(ld).not.toHaveProperty('url');
    expect(ld).not.toHaveProperty('identifier');
  });

  it('a section is part of its report and of the site', () => {
    const ld = reportJsonLd({
      ...base,
      site: 'https://www.example.gov.cn/',
      base: '/fzbg/',
      pathname: '/fzbg/2023/section-2/',
      doc: { report, section: { label: '二、', heading: '标题' } },
    });
    expect(ld.name).toBe('二、标题');
    expect(ld.url).toBe('https://www.example.gov.cn/fzbg/2023/section-2/');
    expect(ld.isPartOf).toEqual([
      { '@type': 'Report', name: report.title, url: 'https://www.example.gov.cn/fzbg/2023/' },
      { '@type': 'WebSite', name: '示例局（测试）法治政府建设年度报告', url: 'https://www.example.gov.cn/fzbg/' },
    ]);
  });

  it('is emitted so it cannot close its <script> element, and parses back to the same data', () => {
    const evil = { ...report, title: '</script><script>alert(1)</script> & <!-- \u2028' };
    const text = headMeta({ ...base, doc: { report: evil } }).jsonLd!;
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text).name).toBe(evil.title);
    expect(jsonForScript({ a: '</SCRIPT>' })).toBe('{"a":"\\u003c/SCRIPT\\u003e"}');
  });
});

describe('a withdrawn report', () => {
  const withdrawn: ReportData = { ...report, withdrawn: { date: '2025-03-01', reason: '示例数据有误。' } };

  it('begins its description, on the report and on each section, by saying it is withdrawn, when and why', () => {
    const h = headMeta({ ...base, doc: { report: withdrawn } });
    expect(byKey(h.meta).Description).toBe(`已撤回（2025-03-01）：示例数据有误。${byKey(headMeta({ ...base, doc: { report } }).meta).Description}`);
    const s = headMeta({ ...base, pathname: '/2023/section-1/', doc: { report: withdrawn, section: { label: '一、', heading: '示例' } } });
    expect(byKey(s.meta).Description).toMatch(/^已撤回（2025-03-01）：示例数据有误。.+一、示例。$/);
  });

  it('keeps its title and dates, adds the status to JSON-LD, and is not marked noindex', () => {
    const h = headMeta({ ...base, doc: { report: withdrawn } });
    expect(byKey(h.meta)).toMatchObject({ ArticleTitle: report.title });
    expect(h.meta.some((m) => 'name' in m && m.name.toLowerCase() === 'robots')).toBe(false);
    const ld = reportJsonLd({ ...base, doc: { report: { ...withdrawn, publishedOn: '2024-01-20', validity: '有效' } } });
    expect(ld).toMatchObject({ creativeWorkStatus: 'Withdrawn', datePublished: '2024-01-20', dateCreated: report.signedOn });
    expect(reportJsonLd({ ...base, doc: { report } })).not.toHaveProperty('creativeWorkStatus');
  });
});

describe('文号, 有效性 and 关键词', () => {
  const full: ReportData = { ...report, indexNumber: '示例/2024-00001', documentNumber: '示例〔2024〕1号', validity: '有效', keywords: ['示例词', '测试词'] };

  it('the report’s own 关键词 come first in Keywords, without repeats', () => {
    const m = byKey(headMeta({ ...base, doc: { report: { ...full, keywords: ['示例词', '年度报告'] } } }).meta);
    expect(m.Keywords!.split(',')).toEqual(['示例词', '年度报告', '法治政府建设', '2023年报告', '示例局（测试）']);
  });

  it('JSON-LD names 索引号 and 文号 as identifiers and 有效性 as the status', () => {
    const ld = reportJsonLd({ ...base, doc: { report: full } });
    expect(ld.identifier).toEqual([
      { '@type': 'PropertyValue', name: '索引号', value: '示例/2024-00001' },
      { '@type': 'PropertyValue', name: '文号', value: '示例〔2024〕1号' },
    ]);
    expect(ld.creativeWorkStatus).toBe('有效');
    expect(String(ld.keywords).split(',').slice(0, 2)).toEqual(['示例词', '测试词']);
  });

  it('a report page with a 发布日期 claims it everywhere; without one, nowhere', () => {
    const dated = headMeta({ ...base, doc: { report: { ...full, publishedOn: '2024-02-01' } } });
    const undated = headMeta({ ...base, doc: { report: full } });
    expect(byKey(dated.meta)).toMatchObject({ PubDate: '2024-02-01', 'article:published_time': '2024-02-01' });
    expect(JSON.parse(dated.jsonLd!)).toMatchObject({ datePublished: '2024-02-01', dateCreated: '2024-01-08' });
    expect(byKey(undated.meta)).not.toHaveProperty('PubDate');
    expect(byKey(undated.meta)).not.toHaveProperty('article:published_time');
    expect(JSON.parse(undated.jsonLd!)).not.toHaveProperty('datePublished');
    expect(undated.jsonLd).not.toContain('2024-01-08"'.replace('"', '",\"datePublished'));
  });
});
