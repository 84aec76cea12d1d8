/**
 * What every built page carries in <head> (Page.astro, src/utils/meta.ts): the reading-aids
 * script first and external, the feed link, canonical address and Open Graph card; on report
 * and section pages the 政府网站 meta names and schema.org JSON-LD, claiming a publication date
 * only where the report states its 发布日期 (the fixture has years with and without one). Nothing a strict CSP
 * would block: no inline script, no style attribute.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join, relative } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import type { CheerioAPI } from 'cheerio';
import site from '../../site.config.ts';
import { htmlFiles, page } from '../helpers/site';
import { builtFixture } from '../helpers/fixtures';
import { expectedSite, type ExpectedReport } from '../helpers/expected';
import { knownPublicationDate } from '../../src/domain/report.ts';

let pages: { name: string; $: CheerioAPI }[] = [];
let reports: ExpectedReport[] = [];
let scripts: { name: string; code: string }[] = [];
beforeAll(async () => {
  const { dist, contentDir } = await builtFixture('multi-year');
  const assets = join(dist, '_astro');
  scripts = readdirSync(assets).filter((f) => f.endsWith('.js')).map((name) => ({ name, code: readFileSync(join(assets, name), 'utf8') }));
  pages = htmlFiles(dist).map((f) => ({ name: relative(dist, f), $: page(dist, relative(dist, f)) }));
  reports = expectedSite(contentDir).reports;
});

describe('every page’s head', () => {
  it('loads the reading-aids script first, as an external classic script', () => {
    for (const { name, $ } of pages) {
      const first = $('head script').first();
      expect(first.attr('src'), name).toMatch(/^\/_astro\/prefs\.[\w-]+\.js$/);
      expect(first.attr('type') ?? '', name).toBe('');
      expect(first.is('[async], [defer]'), name).toBe(false);
      expect(first.prevAll('link[rel=stylesheet]'), name).toHaveLength(0);
    }
  });

  it('loads later code without a preloading helper, and that code brings no stylesheet the helper would have loaded', () => {
    // src/integrations/vite-plain-dynamic-import.ts: dynamic import() is the browser’s own.
    const lazy = scripts.filter((s) => s.code.includes('__vite__mapDeps'));
    expect(lazy.length, 'scripts that load code later').toBeGreaterThan(0);
    for (const { name, code } of lazy) {
      const deps = /m\.f=\[([^\]]*)\]/.exec(code)?.[1] ?? '';
      expect(deps, name).not.toMatch(/\.css/);
    }
    const helper = scripts.filter((s) => s.name.startsWith('preload-helper.'));
    for (const { name, code } of helper) expect(code.length, name).toBeLessThan(100);
  });

  it('has no script a strict Content-Security-Policy would block, and no style attribute', () => {
    for (const { name, $ } of pages) {
      const inline = $('script:not([src])').filter((_, s) => $(s).attr('type') !== 'application/ld+json');
      expect(inline.length, name).toBe(0);
      expect($('[style]').length, name).toBe(0);
      expect($('[onclick], [onload], [onerror], [onchange], [onsubmit]').length, name).toBe(0);
    }
  });

  it('links the RSS feed and describes itself for sharing', () => {
    for (const { name, $ } of pages) {
      const feed = $('link[rel=alternate][type="application/rss+xml"]');
      expect(feed.length, name).toBe(1);
      expect(feed.attr('href'), name).toBe('/feed.xml');
      expect(feed.attr('title'), name).toContain(site.siteName);
      expect($('meta[property="og:site_name"]').attr('content'), name).toBe(`${site.bureau}${site.siteName}`);
      expect($('meta[property="og:locale"]').attr('content'), name).toBe('zh_CN');
      expect($('meta[property="og:title"]').attr('content'), name).toBeTruthy();
      const descriptions = $('meta[name]').filter((_, m) => $(m).attr('name')!.toLowerCase() === 'description');
      expect(descriptions.length, name).toBe(1);
    }
  });

  it('has no canonical link while no site address is configured (a relative one is invalid)', () => {
    for (const { name, $ } of pages) {
      expect($('link[rel=canonical]').length, name).toBe(0);
    }
  });
});

describe('report and section pages', () => {
  it('are 文章 pages for sharing and 政府网站 metadata, with JSON-LD a script cannot break out of', () => {
    // Page.astro emits these from its `doc` prop, which the report and section pages pass.
    const docs = pages.filter((p) => /^\d{4}\/(section-\d+\/)?index\.html$/.test(p.name));
    expect(docs.length).toBe(reports.reduce((n, r) => n + 1 + r.sections.length, 0));
    for (const { name, $ } of docs) {
      const report = reports.find((r) => name.startsWith(`${r.year}/`))!.data;
      const meta = (n: string) => $(`meta[name="${n}"]`).attr('content');
      expect($('meta[property="og:type"]').attr('content'), name).toBe('article');
      expect(meta('ColumnName'), name).toBe(site.siteName);
      expect(meta('SiteName'), name).toBe(`${site.bureau}${site.siteName}`);
      expect(meta('ContentSource'), name).toBe(report.agency);
      expect(meta('PubDate'), name).toBe(knownPublicationDate(report));
      expect($('meta[property="article:published_time"]').attr('content'), name).toBe(knownPublicationDate(report));
      expect(meta('ArticleTitle'), name).toBe($('h1').text());
      const raw = $('script[type="application/ld+json"]').html()!;
      expect(raw, name).not.toMatch(/</);
      const ld = JSON.parse(raw);
      expect(ld, name).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'Report',
        name: $('h1').text(),
        inLanguage: 'zh-CN',
        dateCreated: report.signedOn,
        publisher: { '@type': 'GovernmentOrganization', name: site.bureau },
        author: { '@type': 'GovernmentOrganization', name: report.agency },
      });
      expect(ld.datePublished, name).toBe(knownPublicationDate(report));
    }
  });

  it('the fixture holds years with and without a 发布日期, so both cases are built', () => {
    const known = reports.map((r) => knownPublicationDate(r.data) !== undefined);
    expect(known).toContain(true);
    expect(known).toContain(false);
    const undated = reports.find((r) => !r.data.publishedOn)!;
    const $ = pages.find((p) => p.name === `${undated.year}/index.html`)!.$;
    expect($('meta[name="PubDate"]').length).toBe(0);
    expect(JSON.parse($('script[type="application/ld+json"]').html()!)).not.toHaveProperty('datePublished');
  });
});
