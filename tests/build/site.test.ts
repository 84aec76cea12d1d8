/** The production build of the real content, read as a reader's browser receives it. */
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brokenLinks, htmlFiles, normaliseLines, page, textLines } from '../helpers/site';
import { ROOT } from '../helpers/build';

const dist = inject('siteDist');
const SECTION_PAGES = [1, 2, 3, 4, 5, 6, 7].map((n) => `/2023/section-${n}/`);
const seedLines = normaliseLines(readFileSync(join(ROOT, 'sources/2023.txt'), 'utf8'));

describe('pages', () => {
  it('exist for home, the report, each section and 404, all in zh-CN', () => {
    const files = htmlFiles(dist).map((f) => relative(dist, f)).sort();
    expect(files).toEqual(
      [
        '404.html',
        'index.html',
        'search/index.html',
        '2023/index.html',
        ...SECTION_PAGES.map((p) => `${p.slice(1)}index.html`),
        'figures/index.html',
        'items/index.html',
        ...['measures', 'shortcomings', 'first-responsibility', 'next-year', 'other'].map((slug) => `items/${slug}/index.html`),
      ].sort(),
    );
    for (const f of htmlFiles(dist)) {
      expect(load(f)('html').attr('lang'), f).toBe('zh-CN');
    }
  });

  it('home puts the latest report first, then every year with its dates', () => {
    const $ = page(dist, '/');
    expect($('h1').text()).toBe('韶关市武江区退役军人事务局2023年法治政府建设年度报告');
    expect($('h1 a').attr('href')).toBe('/2023/');
    expect($('.latest .contents a').map((_, a) => $(a).attr('href')).get()).toEqual(SECTION_PAGES);
    const years = $('.year-list li');
    expect(years).toHaveLength(1);
    expect(years.first().find('a').attr('href')).toBe('/2023/');
    expect(normaliseLines(years.first().find('.report-dates').text())).toEqual(['成文日期：2024-01-08']);
  });

  it('the report page shows title, the known metadata only, contents, and the signature', () => {
    const $ = page(dist, '/2023/');
    expect($('title').text()).toBe('韶关市武江区退役军人事务局2023年法治政府建设年度报告 - 法治政府建设年度报告');
    expect($('h1').text()).toBe('韶关市武江区退役军人事务局2023年法治政府建设年度报告');
    const meta = $('.doc-meta div').map((_, d) => `${$(d).find('dt').text()}=${$(d).find('dd').text()}`).get();
    // 索引号, 主题分类 and 发布日期 are not known for 2023 and must not appear, even empty.
    expect(meta).toEqual(['发布机构=韶关市武江区退役军人事务局', '成文日期=2024-01-08']);
    const contents = $('.contents a').map((_, a) => [[$(a).attr('href'), $(a).text()]]).get();
    expect(contents).toHaveLength(7);
    expect(contents[0]).toEqual(['#section-1', '一、深入学习贯彻习近平总书记重要讲话重要指示精神,深入贯彻落实党的二十大精神']);
    expect(contents[6]).toEqual(['#section-7', '七、2024年度推进法治政府建设的主要安排']);
    expect($('.report-text > section').map((_, s) => $(s).attr('id')).get()).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((n) => `section-${n}`),
    );
    expect($('.report-text > section a[href="/2023/section-3/"]')).toHaveLength(1);
    expect($('.signature p').map((_, p) => $(p).text()).get()).toEqual(['韶关市武江区退役军人事务局', '2024年1月8日']);
    expect($('.report-text > :last-child').hasClass('signature')).toBe(true);
  });

  it('keeps (一) sub-headings as headings inside their section', () => {
    const $ = page(dist, '/2023/');
    expect($('#section-7 h3').map((_, h) => $(h).text()).get()).toEqual([
      '(一)明确核心,持续深化法治工作',
      '(二)明确重心,持续细化法治工作',
      '(三)明确中心,全力做好普法工作',
    ]);
    // In 六 the (一) items begin running paragraphs, as printed: not headings.
    expect($('#section-6 h3')).toHaveLength(0);
  });

  it('each section page has the report title, the section, its neighbours and the way back', () => {
    for (const [i, path] of SECTION_PAGES.entries()) {
      const $ = page(dist, path);
      expect($('.eyebrow a').text()).toBe('韶关市武江区退役军人事务局2023年法治政府建设年度报告');
      expect($('.eyebrow a').attr('href')).toBe('/2023/');
      expect($('.pager-back a').attr('href')).toBe('/2023/');
      expect($('a[rel=prev]').attr('href')).toBe(SECTION_PAGES[i - 1]);
      expect($('a[rel=next]').attr('href')).toBe(SECTION_PAGES[i + 1]);
      expect($('h1')).toHaveLength(1);
    }
    const $ = page(dist, '/2023/section-4/');
    expect($('h1').text()).toBe('四、推进法治政府建设的主要举措和成效');
    expect($('title').text()).toBe('四、推进法治政府建设的主要举措和成效 - 2023年报告 - 法治政府建设年度报告');
  });

  it('section pages keep heading levels in order: sub-headings become h2 under the h1', () => {
    const $ = page(dist, '/2023/section-7/');
    expect($('main h1, main h2, main h3').map((_, h) => h.tagName).get()).toEqual(['h1', 'h2', 'h2', 'h2']);
  });

  it('shows no 在仓库中编辑 link while the repository is not configured', () => {
    expect(page(dist, '/2023/section-1/')('.edit-link')).toHaveLength(0);
  });

  it('the 404 page is in Chinese and leads home', () => {
    const $ = page(dist, '/404.html');
    expect($('h1').text()).toBe('页面未找到');
    expect($('main a').attr('href')).toBe('/');
  });

  it('the footer shows the configured 主办单位 and no unconfigured registration', () => {
    const $ = page(dist, '/');
    expect($('.site-footer dt').map((_, d) => $(d).text()).get()).toEqual(['主办单位：']);
    expect($('.site-footer').text()).not.toMatch(/ICP|网站标识码|公安|X{3,}|0{6,}/);
  });
});

describe('search in the built site', () => {
  it('every page has the header search field, a plain GET form to /search/', () => {
    for (const f of htmlFiles(dist)) {
      const $ = load(f);
      const form = $('header form[role=search]');
      expect(form.attr('action'), f).toBe('/search/');
      expect(form.attr('method'), f).toBe('get');
      const input = form.find('input[name=q]');
      expect($(`label[for="${input.attr('id')}"]`).text(), f).toBe('搜索报告内容');
    }
  });

  it('indexes each passage once: section pages only, with year and item filters', () => {
    const indexed = htmlFiles(dist).filter((f) => load(f)('[data-pagefind-body]').length > 0);
    expect(indexed.map((f) => `/${relative(dist, f).replace(/index\.html$/, '')}`).sort()).toEqual(SECTION_PAGES);
    const $ = page(dist, '/2023/section-3/');
    expect($('[data-pagefind-body]').attr('data-pagefind-filter')).toBe('year:2023');
    expect($('h1').attr('data-pagefind-filter')).toBe('item:第一责任人职责');
    const entry = JSON.parse(readFileSync(join(dist, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(entry.languages['zh-cn'].page_count).toBe(7);
  });

  it('the search page offers year, item and order as plain form fields', () => {
    const $ = page(dist, '/search/');
    expect($('#search-year option').map((_, o) => $(o).text()).get()).toEqual(['全部年度', '2023年']);
    expect($('#search-item option').map((_, o) => $(o).attr('value')).get()).toEqual([
      '',
      '主要举措和成效',
      '存在的不足和原因',
      '第一责任人职责',
      '下一年度主要安排',
      '其他需要报告的情况',
    ]);
    expect($('#search-sort option').map((_, o) => $(o).text()).get()).toEqual(['按相关度', '按年度，新的在前']);
  });
});

describe('fidelity', () => {
  it('the built report text equals the seed, character for character', () => {
    const lines = textLines(page(dist, '/2023/'), '.report .report-text');
    expect(lines).toEqual(seedLines);
  });

  it('each section page carries exactly its part of the seed', () => {
    const bodies = SECTION_PAGES.flatMap((p) => {
      const $ = page(dist, p);
      return [$('h1').text(), ...textLines($, '.report-text')];
    });
    // Preface first, signature (two lines) last; the sections hold everything between.
    expect(bodies).toEqual(seedLines.slice(1, -2));
  });
});

describe('links', () => {
  it('every internal link, anchor and asset resolves', () => {
    expect(brokenLinks(dist)).toEqual([]);
  });

  it('the checker does catch a broken link and a missing anchor', async () => {
    const { mkdtempSync, writeFileSync, mkdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const d = mkdtempSync(join(tmpdir(), 'links-'));
    mkdirSync(join(d, 'a'));
    writeFileSync(join(d, 'index.html'), '<a href="/a/#x">ok</a><a href="/a/#y">bad anchor</a><a href="/b/">bad</a><a href="https://e.test/">ext</a>');
    writeFileSync(join(d, 'a/index.html'), '<h2 id="x">x</h2>');
    expect(brokenLinks(d).map((b) => `${b.href} ${b.reason}`)).toEqual(['/a/#y no element with id="y"', '/b/ no such file']);
  });
});

function load(file: string) {
  return page(dist, relative(dist, file));
}
