/** A page's route data as one object (src/utils/route-data.ts), from synthetic entries, without a build. */
import { describe, expect, it } from 'vitest';
import { routeData, type SiteContext } from '../../src/utils/route-data';
import { buildReportViews, notWithdrawn, sectionsByItem } from '../../src/utils/routes';
import { REQUIRED_ITEMS } from '../../src/domain/items';
import type { Entry } from '../../src/domain/check';
import type { ReportData, SectionData } from '../../src/domain/schema';

const report = (year: number): Entry<ReportData> => ({
  id: String(year),
  filePath: `src/content/reports/${year}.mdx`,
  data: { year, title: `示例局${year}年法治政府建设年度报告（测试）`, agency: '示例局', signedOn: `${year + 1}-01-08`, draft: false, corrections: [] },
});
const section = (year: number, order: number, numeral: string): Entry<SectionData> => ({
  id: `${year}/0${order}`,
  filePath: `src/content/sections/${year}/0${order}.mdx`,
  data: { report: String(year), order, label: `${numeral}、`, heading: `示例部分${order}`, items: ['主要举措和成效'], figures: [] },
});
const [r2023] = buildReportViews([report(2023)], [section(2023, 1, '一'), section(2023, 2, '二'), section(2023, 3, '三')]);
const [first, middle] = r2023!.sections;

const ctx = (over: Partial<SiteContext> = {}): SiteContext => ({ base: '/fzbg/', pathname: '/fzbg/', bureau: '示例局', siteName: '示例年报', ...over });

describe('every page', () => {
  it('gets the site navigation with its own link marked, the home link and the icon under the base path', () => {
    const route = routeData({ kind: 'figures' }, ctx({ pathname: '/fzbg/figures/' }));
    expect(route.nav).toEqual([
      { label: '首页', href: '/fzbg/', current: false },
      { label: '主要数据', href: '/fzbg/figures/', current: true },
      { label: '按报告事项浏览', href: '/fzbg/items/', current: false },
      { label: '搜索报告', href: '/fzbg/search/', current: false },
    ]);
    expect(route.homeHref).toBe('/fzbg/');
    expect(route.head.iconHref).toBe('/fzbg/favicon.svg');
    expect(route.head.feedHref).toBe('/fzbg/feed.xml');
  });

  it('has a full canonical address only when the site’s address is known', () => {
    const known = routeData({ kind: 'search' }, ctx({ site: 'https://www.example.gov.cn', pathname: '/fzbg/search/' }));
    expect(known.head.canonical).toBe('https://www.example.gov.cn/fzbg/search/');
    expect(known.head.printUrl).toBe('https://www.example.gov.cn/fzbg/search/');
    const unknown = routeData({ kind: 'search' }, ctx({ pathname: '/fzbg/search/' }));
    expect(unknown.head.canonical).toBe('/fzbg/search/');
    expect(unknown.head.printUrl).toBeUndefined();
  });
});

describe('the home page', () => {
  it('is titled by bureau and site name, with no breadcrumbs, no pager, no 打印', () => {
    const route = routeData({ kind: 'home' }, ctx());
    expect(route).toMatchObject({ kind: 'home', title: '示例局示例年报', breadcrumbs: [], printable: false });
    expect(route.pager).toBeUndefined();
    expect(route.nav[0]!.current).toBe(true);
    expect(route.head.jsonLd).toBeUndefined();
  });
});

describe('a report page', () => {
  const route = routeData({ kind: 'report', report: r2023! }, ctx({ pathname: '/fzbg/2023/', site: 'https://www.example.gov.cn' }));

  it('is titled by the report, with breadcrumbs home › year and 打印', () => {
    expect(route.title).toBe('示例局2023年法治政府建设年度报告（测试） - 示例年报');
    expect(route.breadcrumbs).toEqual([{ label: '首页', href: '/fzbg/' }, { label: '2023年报告' }]);
    expect(route.printable).toBe(true);
    expect(route.editHref).toBeUndefined();
  });

  it('carries the report’s head metadata: 政府网站 names and JSON-LD', () => {
    const names = Object.fromEntries(route.head.meta.map((m) => ['name' in m ? m.name : m.property, m.content]));
    expect(names).toMatchObject({ ArticleTitle: r2023!.data.title, 'og:type': 'article', Url: 'https://www.example.gov.cn/fzbg/2023/' });
    expect(JSON.parse(route.head.jsonLd!)).toMatchObject({ '@type': 'Report', name: r2023!.data.title, url: 'https://www.example.gov.cn/fzbg/2023/', dateCreated: '2024-01-08' });
  });

  it('claims no publication date without a 发布日期, and the 发布日期 when there is one', () => {
    const names = (r: typeof route) => Object.fromEntries(r.head.meta.map((m) => ['name' in m ? m.name : m.property, m.content]));
    expect(names(route)).not.toHaveProperty('PubDate');
    expect(JSON.parse(route.head.jsonLd!)).not.toHaveProperty('datePublished');
    const [dated] = buildReportViews([{ ...report(2023), data: { ...report(2023).data, publishedOn: '2024-01-20' } }], []);
    const withDate = routeData({ kind: 'report', report: dated! }, ctx({ pathname: '/fzbg/2023/' }));
    expect(names(withDate).PubDate).toBe('2024-01-20');
    expect(JSON.parse(withDate.head.jsonLd!)).toMatchObject({ datePublished: '2024-01-20', dateCreated: '2024-01-08' });
  });
});

describe('a section page', () => {
  const route = routeData({ kind: 'section', report: r2023!, section: middle! }, ctx({ pathname: '/fzbg/2023/section-2/' }));

  it('is titled by its printed heading and its year', () => {
    expect(route.title).toBe('二、示例部分2 - 2023年报告 - 示例年报');
    expect(route.printable).toBe(true);
  });

  it('has breadcrumbs home › year › part', () => {
    expect(route.breadcrumbs).toEqual([
      { label: '首页', href: '/fzbg/' },
      { label: '2023年报告', href: '/fzbg/2023/' },
      { label: '第二部分' },
    ]);
  });

  it('has a pager to its neighbours in the same report and back to the whole report', () => {
    expect(route.pager).toEqual({
      prev: { href: '/fzbg/2023/section-1/', label: '一、示例部分1' },
      next: { href: '/fzbg/2023/section-3/', label: '三、示例部分3' },
      back: { href: '/fzbg/2023/', label: '返回报告全文' },
    });
    const firstRoute = routeData({ kind: 'section', report: r2023!, section: first! }, ctx());
    expect(firstRoute.pager!.prev).toBeUndefined();
    expect(firstRoute.pager!.next!.label).toBe('二、示例部分2');
  });

  it('links to its source file only when the repository is configured', () => {
    expect(route.editHref).toBeUndefined();
    const editable = routeData({ kind: 'section', report: r2023!, section: middle! }, ctx({ editUrl: 'https://git.example.test/示例/edit/main/' }));
    expect(editable.editHref).toBe('https://git.example.test/示例/edit/main/src/content/sections/2023/02.mdx');
  });

  it('carries the section’s head metadata', () => {
    const names = Object.fromEntries(route.head.meta.map((m) => ['name' in m ? m.name : m.property, m.content]));
    expect(names.ArticleTitle).toBe('二、示例部分2');
    expect(names.Keywords).toContain('主要举措和成效');
  });
});

describe('the other pages', () => {
  it('/items/ and one item: breadcrumbs through the items page', () => {
    expect(routeData({ kind: 'items' }, ctx({ pathname: '/fzbg/items/' }))).toMatchObject({
      title: '按报告事项浏览 - 示例年报',
      breadcrumbs: [{ label: '首页', href: '/fzbg/' }, { label: '按报告事项浏览' }],
    });
    const item = REQUIRED_ITEMS[1];
    expect(routeData({ kind: 'item', item }, ctx())).toMatchObject({
      title: `${item.full} - 示例年报`,
      breadcrumbs: [{ label: '首页', href: '/fzbg/' }, { label: '按报告事项浏览', href: '/fzbg/items/' }, { label: item.name }],
    });
    expect(routeData({ kind: 'plans' }, ctx())).toMatchObject({
      title: '上一年的主要安排与这一年的举措和成效 - 示例年报',
      breadcrumbs: [{ label: '首页', href: '/fzbg/' }, { label: '按报告事项浏览', href: '/fzbg/items/' }, { label: '主要安排的落实' }],
    });
  });

  it('/figures/ and /search/', () => {
    expect(routeData({ kind: 'figures' }, ctx()).breadcrumbs).toEqual([{ label: '首页', href: '/fzbg/' }, { label: '历年主要数据' }]);
    expect(routeData({ kind: 'search' }, ctx())).toMatchObject({ title: '搜索报告 - 示例年报', breadcrumbs: [], printable: false });
  });

  it('the 404 page has no address of its own: no canonical, nothing to print it from', () => {
    const route = routeData({ kind: 'not-found' }, ctx({ site: 'https://www.example.gov.cn', pathname: '/fzbg/404/' }));
    expect(route.title).toBe('页面未找到 - 示例年报');
    expect(route.head.canonical).toBeUndefined();
    expect(route.head.printUrl).toBeUndefined();
  });
});

describe('a withdrawn report', () => {
  const withdrawn = { date: '2025-03-01', reason: '示例数据有误（测试）' };
  const [gone, standing] = buildReportViews(
    [{ ...report(2024), data: { ...report(2024).data, withdrawn } }, report(2023)],
    [section(2024, 1, '一'), section(2023, 1, '一')],
  );
  const site = { site: 'https://www.example.gov.cn' };

  it('keeps its report page, with the notice’s date and reason and 已撤回 in the title, still printable', () => {
    const route = routeData({ kind: 'report', report: gone! }, ctx({ ...site, pathname: '/fzbg/2024/' }));
    expect(route.withdrawn).toEqual(withdrawn);
    expect(route.title).toBe('示例局2024年法治政府建设年度报告（测试）（已撤回） - 示例年报');
    expect(route.breadcrumbs).toEqual([{ label: '首页', href: '/fzbg/' }, { label: '2024年报告' }]);
    expect(route.printable).toBe(true);
    expect(route.searchable).toBe(false);
  });

  it('keeps its sections’ pages with the notice, out of search, still linked to their neighbours', () => {
    const route = routeData({ kind: 'section', report: gone!, section: gone!.sections[0]! }, ctx({ pathname: '/fzbg/2024/section-1/' }));
    expect(route.withdrawn).toEqual(withdrawn);
    expect(route.title).toBe('一、示例部分1 - 2024年报告（已撤回） - 示例年报');
    expect(route.searchable).toBe(false);
    expect(route.pager!.back.href).toBe('/fzbg/2024/');
  });

  it('says so in its head metadata, and is not hidden from search engines', () => {
    const route = routeData({ kind: 'report', report: gone! }, ctx({ ...site, pathname: '/fzbg/2024/' }));
    const names = Object.fromEntries(route.head.meta.map((m) => ['name' in m ? m.name : m.property, m.content]));
    expect(names.Description).toMatch(/^已撤回（2025-03-01）：示例数据有误（测试）。/);
    expect(names['og:description']).toBe(names.Description);
    expect(names.robots).toBeUndefined();
    expect(JSON.parse(route.head.jsonLd!)).toMatchObject({ creativeWorkStatus: 'Withdrawn', description: names.Description });
  });

  it('while a standing report’s section page is the one kind of page search indexes', () => {
    expect(routeData({ kind: 'section', report: standing!, section: standing!.sections[0]! }, ctx())).toMatchObject({ searchable: true, withdrawn: undefined });
    expect(routeData({ kind: 'report', report: standing! }, ctx()).searchable).toBe(false);
    for (const kind of ['home', 'items', 'figures', 'search', 'not-found'] as const) expect(routeData({ kind }, ctx()).searchable, kind).toBe(false);
  });
});

describe('the comparisons across years', () => {
  it('leave withdrawn reports out, and notWithdrawn keeps the order it is given', () => {
    const views = buildReportViews(
      [report(2022), { ...report(2023), data: { ...report(2023).data, withdrawn: { date: '2025-03-01', reason: '测试' } } }, report(2021)],
      [section(2021, 1, '一'), section(2022, 1, '一'), section(2023, 1, '一')],
    );
    expect(notWithdrawn(views).map((r) => r.year)).toEqual([2022, 2021]);
    const measures = sectionsByItem(views).find((v) => v.item.name === '主要举措和成效')!;
    expect(measures.years.map((y) => y.report.year)).toEqual([2022, 2021]);
  });
});

describe('the footer and header', () => {
  const links = {
    badge: { image: 'images/badge-test.png', href: 'https://bszs.example.gov.cn/?id=TEST' },
    contactPage: true,
    errorReportUrl: 'https://zfwzzc.example.gov.cn/?sitecode=TEST',
    interaction: { url: 'https://www.example.gov.cn/hdjl/', label: '咨询建言（示例）' },
    parentSite: { name: '示例区人民政府（测试）', url: 'https://www.example.gov.cn/' },
  };
  const footer = [{ label: 'ICP备案编号', value: '测ICP备00000000号', href: 'https://beian.miit.gov.cn/' }];

  it('with every field configured: each link in order, the badge under the base path, the portal in the header', () => {
    const route = routeData({ kind: 'home' }, ctx({ links, footer, accessibilityPage: true }));
    expect(route.footerLinks.map((l) => [l.label, l.href])).toEqual([
      ['网站地图', '/fzbg/sitemap/'],
      ['联系我们', '/fzbg/contact/'],
      ['我为政府网站找错', 'https://zfwzzc.example.gov.cn/?sitecode=TEST'],
      ['咨询建言（示例）', 'https://www.example.gov.cn/hdjl/'],
      ['无障碍声明', '/fzbg/accessibility/'],
    ]);
    expect(route.site.badge).toEqual({ src: '/fzbg/images/badge-test.png', href: 'https://bszs.example.gov.cn/?id=TEST', alt: '党政机关网站标识' });
    expect(route.site.parent).toEqual({ label: '示例区人民政府（测试）', href: 'https://www.example.gov.cn/' });
    expect(route.site.footer).toEqual(footer);
  });

  it('with nothing configured: only 网站地图, no badge, no portal link', () => {
    const route = routeData({ kind: 'home' }, ctx());
    expect(route.footerLinks).toEqual([{ label: '网站地图', href: '/fzbg/sitemap/', current: false }]);
    expect(route.site.badge).toBeUndefined();
    expect(route.site.parent).toBeUndefined();
    expect(route.site.footer).toEqual([]);
  });

  it('联系我们 elsewhere links there instead of the site’s own page', () => {
    const route = routeData({ kind: 'home' }, ctx({ links: { contactPage: false, contactUrl: 'https://www.example.gov.cn/lxwm/' } }));
    expect(route.footerLinks.map((l) => l.href)).toEqual(['/fzbg/sitemap/', 'https://www.example.gov.cn/lxwm/']);
  });
});

describe('the 网站地图', () => {
  const reports = buildReportViews([report(2023), report(2022)], [section(2023, 1, '一'), section(2022, 1, '一'), section(2022, 2, '二')]);
  const route = routeData({ kind: 'sitemap', reports }, ctx({ pathname: '/fzbg/sitemap/', links: { contactPage: true } }));

  it('lists every report with its sections, the items pages and the other pages, grouped', () => {
    expect(route.title).toBe('网站地图 - 示例年报');
    expect(route.breadcrumbs).toEqual([{ label: '首页', href: '/fzbg/' }, { label: '网站地图' }]);
    expect(route.footerLinks[0]).toMatchObject({ href: '/fzbg/sitemap/', current: true });
    const [years, items, other] = route.siteMap!;
    expect(years!.entries.map((e) => [e.href, e.children?.map((c) => c.href)])).toEqual([
      ['/fzbg/2023/', ['/fzbg/2023/section-1/', '/fzbg/2023/history/']],
      ['/fzbg/2022/', ['/fzbg/2022/section-1/', '/fzbg/2022/section-2/', '/fzbg/2022/history/']],
    ]);
    expect(items!.entries.map((e) => e.href)).toEqual(['/fzbg/items/', ...REQUIRED_ITEMS.map((i) => `/fzbg/items/${i.slug}/`), '/fzbg/items/plans-carried-out/']);
    expect(other!.entries.map((e) => e.href)).toEqual(['/fzbg/', '/fzbg/figures/', '/fzbg/search/', '/fzbg/contact/', '/fzbg/sitemap/']);
  });

  it('a report’s 版本记录 sits under the report: breadcrumbs back to it, its own title', () => {
    const history = routeData({ kind: 'history', report: reports[0]! }, ctx({ pathname: '/fzbg/2023/history/' }));
    expect(history.title).toBe('2023年报告的版本记录 - 示例年报');
    expect(history.breadcrumbs).toEqual([{ label: '首页', href: '/fzbg/' }, { label: '2023年报告', href: '/fzbg/2023/' }, { label: '版本记录' }]);
    expect(history.printable).toBe(false);
  });

  it('is only on the 网站地图 page', () => {
    expect(routeData({ kind: 'home' }, ctx()).siteMap).toBeUndefined();
  });
});
