/**
 * The 无障碍声明 (/accessibility/), on builds of the multi-year fixture: it exists, every
 * page's footer and the 网站地图 link it, it names the standard it aims at and each reading
 * aid the header offers, and the ways to ask for another format or report a barrier are
 * exactly the channels the site configuration gives (tests/fixtures/inspection): all of them
 * with every field set, a plain sentence naming the bureau with none, never a number that
 * is not configured.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CheerioAPI } from 'cheerio';
import { builtFixture, inspectionBuild, type BuiltFixture } from '../helpers/fixtures';
import { htmlFiles, page } from '../helpers/site';
import full from '../fixtures/inspection/site.config.ts';
import empty from '../fixtures/inspection/empty.site.config.ts';

const PATH = '/accessibility/';

/** The statement's contact part: each row as [label, text, link]. */
function channels($: CheerioAPI): (string | undefined)[][] {
  return $('#contact ~ dl > div')
    .map((_, d) => [[$(d).find('dt').text(), $(d).find('dd').text(), $(d).find('a').attr('href')]])
    .get();
}

describe('the 无障碍声明', () => {
  let built: BuiltFixture;
  let $: CheerioAPI;
  beforeAll(async () => {
    built = await builtFixture('multi-year', inspectionBuild('full'));
    $ = page(built.dist, 'accessibility/index.html');
  });

  it('is a page of its own, in zh-CN, with breadcrumbs and the site’s title', () => {
    expect($('html').attr('lang')).toBe('zh-CN');
    expect($('main h1').text()).toBe('无障碍声明');
    expect($('title').text()).toBe(`无障碍声明 - ${full.siteName}`);
    expect($('.breadcrumbs li').map((_, l) => $(l).text()).get()).toEqual(['首页', '无障碍声明']);
    expect($('main h2').map((_, h) => $(h).text()).get()).toEqual([
      '本网站做到了什么',
      '怎样检验',
      '已知的不足',
      '索取其他格式、反映无障碍问题',
    ]);
  });

  it('is linked from every page’s footer (marked current on itself) and listed in the 网站地图', () => {
    const files = htmlFiles(built.dist);
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const rel = relative(built.dist, f);
      const link = page(built.dist, rel)('.footer-links a').filter((_, a) => a.attribs.href === PATH);
      expect(link.text(), rel).toBe('无障碍声明');
      expect(link.attr('aria-current'), rel).toBe(rel === 'accessibility/index.html' ? 'page' : undefined);
    }
    expect(page(built.dist, 'sitemap/index.html')(`main a[href="${PATH}"]`).text()).toBe('无障碍声明');
  });

  it('names its target and every reading aid the header offers', () => {
    const text = $('main').text();
    expect(text).toContain('WCAG）2.2 AA');
    expect(text).toContain('《互联网网站适老化通用设计规范》');
    expect(text).toContain('GB/T 37668');
    const offered = $('main h2:contains("做到了什么") ~ h3').map((_, h) => $(h).text()).get();
    const report = page(built.dist, '2023/index.html');
    const aids = report('.reading-aids button:not([data-speak-pause], [data-speak-stop]), .reading-aids a[data-print]').map((_, b) => report(b).text().trim()).get();
    expect(aids).toEqual(['标准', '大', '特大', '高对比度', '大鼠标', '阅读辅助线', '朗读', '打印']);
    for (const aid of ['字号', ...aids.slice(3)]) expect(offered, aid).toContain(aid);
    for (const item of ['键盘操作', '不用脚本也能阅读']) expect(offered).toContain(item);
  });

  it('sends none of its prose to the browser as script (the search code carries the interface strings)', () => {
    const scripts = readdirSync(join(built.dist, '_astro')).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(3);
    for (const f of scripts) expect(readFileSync(join(built.dist, '_astro', f), 'utf8'), f).not.toContain('互联网网站适老化通用设计规范');
  });

  it('lists each configured way to reach the bureau, linked where it can be', () => {
    expect(channels($)).toEqual([
      ['联系我们', '联系我们页面', '/contact/'],
      ['电话', full.contactUs!.telephone, undefined],
      ['电子邮箱', full.contactUs!.email, `mailto:${full.contactUs!.email}`],
      ['联系方式', full.footer.contact, undefined],
      ['我为政府网站找错', '我为政府网站找错', full.errorReportUrl],
      [full.interaction!.label, full.interaction!.label, full.interaction!.url],
    ]);
  });
});

describe('the 无障碍声明 with no contact configured', () => {
  let $: CheerioAPI;
  beforeAll(async () => {
    $ = page((await builtFixture('multi-year', inspectionBuild('empty'))).dist, 'accessibility/index.html');
  });

  it('names the bureau to contact and gives no number, address or link of its own making', () => {
    const part = $('#contact').nextAll();
    expect(part.filter('dl').length).toBe(0);
    expect(part.text()).toContain(`请直接与${empty.bureau}联系`);
    expect(part.find('a').length).toBe(0);
    expect(part.text()).not.toMatch(/\d{4,}|@/);
  });
});
