/**
 * The production build, read as a reader's browser receives it, compared with the content it
 * was built from. Runs on the multi-year fixture and on the same fixture after a next year has
 * been imported from Word and accepted the way staff do it (tests/helpers/fixtures.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import site from '../../site.config.ts';
import { brokenLinks, fileFor, htmlFiles, normaliseLines, page, textLines } from '../helpers/site';
import { formatBytes, readAttachments } from '../../src/domain/attachments.ts';
import { builtFixture, NEXT_YEAR, type BuiltFixture, type FixtureName } from '../helpers/fixtures';
import { bodyLines, expectedSite, reportLines, sourceTexts, type ExpectedSite } from '../helpers/expected';
import { ITEM_NAMES } from '../../src/domain/items.ts';
import { indexedUrls } from '../helpers/search-index';
import { printedHeading, signatureLines } from '../../src/domain/report.ts';

const FIXTURES: FixtureName[] = ['multi-year', 'next-year'];
const href = (path: string) => `/${path}`;

describe.each(FIXTURES)('the %s site', (name) => {
  let built: BuiltFixture;
  let expected: ExpectedSite;
  beforeAll(async () => {
    built = await builtFixture(name);
    expected = expectedSite(built.contentDir);
  });
  const at = (path: string) => page(built.dist, href(path));

  describe('pages', () => {
    it('exist for every report, section, item and site page, plus 404, all in zh-CN', () => {
      const files = htmlFiles(built.dist).map((f) => relative(built.dist, f).replace(/index\.html$/, ''));
      expect(files.filter((f) => /^\d{4}\//.test(f)).sort()).toEqual(expected.pages.filter((p) => /^\d{4}\//.test(p)).sort());
      for (const p of [...expected.pages, '404.html']) expect(files, p).toContain(p);
      for (const f of htmlFiles(built.dist)) expect(page(built.dist, relative(built.dist, f))('html').attr('lang'), f).toBe('zh-CN');
    });

    it('home puts the latest report first, then every year with its dates', () => {
      const $ = at('');
      const [latest] = expected.reports;
      expect($('h1').text()).toBe(latest!.data.title);
      expect($('h1 a').attr('href')).toBe(href(latest!.path));
      expect($('.latest .contents a').map((_, a) => $(a).attr('href')).get()).toEqual(latest!.sections.map((s) => href(s.path)));
      const years = $('.year-list li');
      expect(years.map((_, li) => $(li).find('a').attr('href')).get()).toEqual(expected.reports.map((r) => href(r.path)));
      years.each((i, li) => {
        const r = expected.reports[i]!.data;
        expect(normaliseLines($(li).find('.report-dates').text()).join(' ')).toContain(r.publishedOn ?? r.signedOn);
      });
    });

    it('each report page shows title, the known metadata only, contents and signature', () => {
      for (const r of expected.reports) {
        const $ = at(r.path);
        expect($('title').text()).toBe(`${r.data.title} - ${site.siteName}`);
        expect($('h1').text()).toBe(r.data.title);
        const meta = Object.fromEntries($('.doc-meta div').map((_, d) => [[$(d).find('dt').text(), $(d).find('dd').text()]]).get());
        const known = { 索引号: r.data.indexNumber, 发布机构: r.data.agency, 主题分类: r.data.topic, 成文日期: r.data.signedOn, 发布日期: r.data.publishedOn };
        for (const [label, value] of Object.entries(known)) expect(meta[label], `${r.path} ${label}`).toBe(value);
        const contents = $('.contents a').map((_, a) => [[$(a).attr('href'), $(a).text()]]).get();
        expect(contents).toEqual(r.sections.map((s) => [`#${s.anchor}`, printedHeading(s.data)]));
        expect($('.report-text > section').map((_, s) => $(s).attr('id')).get()).toEqual(r.sections.map((s) => s.anchor));
        for (const s of r.sections) expect($(`.report-text > section a[href="${href(s.path)}"]`), s.path).toHaveLength(1);
        expect($('.signature p').map((_, p) => $(p).text()).get()).toEqual(signatureLines(r.data));
        expect($('.report-text > :last-child').hasClass('signature')).toBe(true);
      }
    });

    it('keeps sub-headings as headings inside their section', () => {
      for (const r of expected.reports) {
        const $ = at(r.path);
        for (const s of r.sections) {
          const subheadings = [...(s.entry.body ?? '').matchAll(/^### (.+)$/gm)].map((m) => bodyLines(m[1])[0]);
          expect($(`#${s.anchor} h3`).map((_, h) => $(h).text()).get(), s.path).toEqual(subheadings);
        }
      }
    });

    it('each section page has the report title, the section, its neighbours and the way back', () => {
      for (const r of expected.reports) {
        for (const [i, s] of r.sections.entries()) {
          const $ = at(s.path);
          expect($('.eyebrow a').text()).toBe(r.data.title);
          expect($('.eyebrow a').attr('href')).toBe(href(r.path));
          expect($('.pager-back a').attr('href')).toBe(href(r.path));
          expect($('a[rel=prev]').attr('href')).toBe(r.sections[i - 1] && href(r.sections[i - 1]!.path));
          expect($('a[rel=next]').attr('href')).toBe(r.sections[i + 1] && href(r.sections[i + 1]!.path));
          expect($('h1').text()).toBe(printedHeading(s.data));
          expect($('title').text()).toBe(`${printedHeading(s.data)} - ${r.year}年报告 - ${site.siteName}`);
          // Sub-headings become h2 under the page's h1, the level below them h3, so heading levels stay in order.
          const levels = $('main :is(h1, h2, h3, h4)').map((_, h) => Number(h.tagName[1])).get();
          expect(levels[0]).toBe(1);
          expect(levels.filter((l, k) => k > 0 && l > levels[k - 1]! + 1)).toEqual([]);
          expect($('main h3:not(.third-level)')).toHaveLength(0);
        }
      }
    });

    it('shows no 在仓库中编辑 link while the repository is not configured', () => {
      const s = expected.reports[0]!.sections[0]!;
      expect(at(s.path)('.edit-link')).toHaveLength(0);
    });

    it('the 404 page is in Chinese and leads home', () => {
      const $ = at('404.html');
      expect($('h1').text()).toBe('页面未找到');
      expect($('main a').attr('href')).toBe('/');
    });

    it('the footer shows the configured 主办单位 and no unconfigured registration', () => {
      const $ = at('');
      expect($('.site-footer').text()).toContain(site.footer.sponsor);
      if (!site.footer.icp) expect($('.site-footer').text()).not.toMatch(/ICP/);
      if (!site.footer.siteCode) expect($('.site-footer').text()).not.toMatch(/网站标识码/);
      if (!site.footer.police) expect($('.site-footer').text()).not.toMatch(/公安/);
      expect($('.site-footer').text()).not.toMatch(/X{3,}|0{6,}/);
    });
  });

  describe('search in the built site', () => {
    it('every page has the header search field, a plain GET form to the search page; the search page has its own only', () => {
      for (const f of htmlFiles(built.dist)) {
        const $ = page(built.dist, relative(built.dist, f));
        if (relative(built.dist, f) === 'search/index.html') {
          expect($('header form[role=search]'), f).toHaveLength(0);
          expect($('main form[role=search] input[name=q]'), f).toHaveLength(1);
          continue;
        }
        const form = $('header form[role=search]');
        expect(form.attr('action'), f).toBe('/search/');
        expect(form.attr('method'), f).toBe('get');
        const input = form.find('input[name=q]');
        expect($(`label[for="${input.attr('id')}"]`).text(), f).toBe('搜索报告内容');
      }
    });

    it('indexes each section and each preface once, with year and item filters', () => {
      const indexed = htmlFiles(built.dist).filter((f) => page(built.dist, relative(built.dist, f))('[data-pagefind-body]').length > 0);
      const sections = expected.reports.flatMap((r) => r.sections);
      expect(indexed.map((f) => relative(built.dist, f).replace(/index\.html$/, '')).sort()).toEqual(sections.map((s) => s.path).sort());
      for (const s of sections) {
        const $ = at(s.path);
        expect($('[data-pagefind-body]').attr('data-pagefind-filter')).toBe(`year:${s.year}`);
        expect($('h1').attr('data-pagefind-filter')).toBe(s.data.items.map((i) => `item:${i}`).join(', '));
      }
      // Every section page, and each report's preface as a record of its own.
      expect(indexedUrls(built.dist)).toHaveLength(sections.length + expected.reports.length);
    });

    it('the search page offers every year, every item and the order as plain form fields', () => {
      const $ = at('search/');
      expect($('#search-year option').map((_, o) => $(o).text()).get()).toEqual(['全部年度', ...expected.reports.map((r) => `${r.year}年`)]);
      expect($('#search-item option').map((_, o) => $(o).attr('value')).get()).toEqual(['', ...ITEM_NAMES]);
      expect($('#search-sort option').map((_, o) => $(o).text()).get()).toEqual(['按相关度', '按年度，新的在前']);
    });
  });

  describe('fidelity', () => {
    it('each report page carries its entries’ text, in order, and nothing else', () => {
      for (const r of expected.reports) {
        expect(textLines(at(r.path), '.report .report-text'), r.path).toEqual(reportLines(r));
      }
    });

    it('each section page carries exactly its part of the report', () => {
      for (const r of expected.reports) {
        for (const s of r.sections) {
          const $ = at(s.path);
          expect([$('h1').text(), ...textLines($, '.report-text')], s.path).toEqual([printedHeading(s.data), ...bodyLines(s.entry.body)]);
        }
      }
    });
  });

  describe('原文下载', () => {
    it('each report page offers its original files with type, size and SHA-256, served byte for byte', () => {
      let offered = 0;
      for (const r of expected.reports) {
        const files = readAttachments(built.contentDir, r.year);
        const $ = at(r.path);
        const items = $('#attachments li');
        expect(items.length, r.path).toBe(files.length);
        files.forEach((f, i) => {
          const li = items.eq(i);
          const href = li.find('a').attr('href')!;
          expect(li.find('a').text()).toBe(f.name);
          expect(li.find('dd').map((_, d) => $(d).text()).get()).toEqual([f.type, formatBytes(f.bytes), f.sha256]);
          expect(readFileSync(fileFor(built.dist, href)!).equals(Buffer.from(f.data)), href).toBe(true);
          offered++;
        });
      }
      if (name === 'next-year') expect(offered).toBeGreaterThan(0);
    });
  });

  describe('links', () => {
    it('every internal link, anchor and asset resolves', () => {
      expect(brokenLinks(built.dist)).toEqual([]);
    });
  });
});

describe('a year imported from Word the way staff do it', () => {
  it('equals its source text, line for line', async () => {
    const built = await builtFixture('next-year');
    const sources = sourceTexts(NEXT_YEAR.sources);
    expect(sources.size).toBeGreaterThan(0);
    for (const [year, lines] of sources) {
      const $ = page(built.dist, `/${year}/`);
      // A title line printed in the source is the page's h1; the rest is the report's text.
      const text = lines[0] === $('h1').text() ? lines.slice(1) : lines;
      expect(textLines($, '.report .report-text')).toEqual(text);
    }
  });

  it('keeps headings two levels below a part (1. under （一）) as headings: h4 on the report page, h3 on the section page', async () => {
    const built = await builtFixture('next-year');
    for (const [year, lines] of sourceTexts(NEXT_YEAR.sources)) {
      const $ = page(built.dist, `/${year}/`);
      const third = $('.report-text h4.third-level').map((_, h) => $(h).text()).get();
      expect(third.length).toBeGreaterThan(0);
      for (const h of third) expect(lines).toContain(h);
      const sectionPages = $('.report-text h4.third-level').closest('section').find('.section-own-page a').map((_, a) => $(a).attr('href')).get();
      const onOwnPages = [...new Set(sectionPages)].flatMap((href) => {
        const s = page(built.dist, href);
        return s('.report-text h3.third-level').map((_, h) => s(h).text()).get();
      });
      expect(onOwnPages).toEqual(third);
    }
  });
});

describe('the link checker', () => {
  it('does catch a broken link and a missing anchor', async () => {
    const { mkdtempSync, writeFileSync, mkdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const d = mkdtempSync(join(tmpdir(), 'links-'));
    mkdirSync(join(d, 'a'));
    writeFileSync(join(d, 'index.html'), '<a href="/a/#x">ok</a><a href="/a/#y">bad anchor</a><a href="/b/">bad</a><a href="https://e.test/">ext</a>');
    writeFileSync(join(d, 'a/index.html'), '<h2 id="x">x</h2>');
    expect(brokenLinks(d).map((b) => `${b.href} ${b.reason}`)).toEqual(['/a/#y no element with id="y"', '/b/ no such file']);
  });
});
