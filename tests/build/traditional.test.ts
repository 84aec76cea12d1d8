/**
 * The 繁體 edition in production builds (src/integrations/traditional.ts): the multi-year
 * fixture as a district portal's 专栏 (base /fzbg/, address known) and at the root without an
 * address, and the withdrawn fixture. Every simplified page has a traditional twin under
 * zh-hant/ in traditional characters, each names the other (hreflang, the 简/繁 switch), links
 * stay in their edition, scripts are the same, and search indexes the simplified pages only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { brokenLinks, htmlFiles, textLines } from '../helpers/site';
import { AT_ROOT, builtFixture, PORTAL, type BuiltFixture } from '../helpers/fixtures';
import { expectedSite, type ExpectedSite } from '../helpers/expected';
import { toTraditional } from '../../src/integrations/traditional.ts';
import { TRADITIONAL_PREFIX } from '../../src/utils/edition.ts';
import { isWithdrawn } from '../../src/domain/report.ts';
import { ui } from '../../src/i18n/ui.ts';
import { indexedUrls } from '../helpers/search-index';

const SITE = PORTAL.siteUrl!;
const BASE = PORTAL.base!;

/** A built file's page path below the base: 2023/index.html → 2023/. */
const pathOf = (file: string) => file.replace(/(^|\/)index\.html$/, '$1');
/** The simplified pages of a build, as files below its folder (not the copies, not Pagefind's). */
const simplifiedFiles = (dist: string) =>
  htmlFiles(dist)
    .map((f) => relative(dist, f).split('\\').join('/'))
    .filter((f) => !f.startsWith(TRADITIONAL_PREFIX) && !f.startsWith('pagefind/'))
    .sort();
const load$ = (dist: string, file: string) => load(readFileSync(join(dist, file), 'utf8'));
const scripts = ($: CheerioAPI) => $('script').map((_, s) => $.html(s)).get();


describe('the multi-year fixture as a portal 专栏 (base /fzbg/, address known)', () => {
  let built: BuiltFixture;
  let expected: ExpectedSite;
  let files: string[] = [];
  beforeAll(async () => {
    built = await builtFixture('multi-year', PORTAL);
    expected = expectedSite(built.contentDir);
    files = simplifiedFiles(built.dist);
  });
  /** Each simplified page with its twin, and the twin's path (404.html has one too). */
  const pairs = () =>
    files.map((file) => ({
      file,
      path: pathOf(file),
      hans: load$(built.dist, file),
      hant: load$(built.dist, TRADITIONAL_PREFIX + file),
    }));

  it('every simplified page has a traditional twin, and nothing else is copied', () => {
    expect(files.length).toBeGreaterThan(expected.pages.length - 1);
    for (const p of expected.pages) expect(files, p).toContain(`${p}index.html`);
    for (const f of files) expect(existsSync(join(built.dist, TRADITIONAL_PREFIX, f)), f).toBe(true);
    const copies = htmlFiles(join(built.dist, TRADITIONAL_PREFIX)).map((f) => relative(join(built.dist, TRADITIONAL_PREFIX), f).split('\\').join('/'));
    expect(copies.sort()).toEqual(files);
    // Feeds, data and files exist once.
    expect(readdirSync(join(built.dist, TRADITIONAL_PREFIX)).filter((f) => !f.endsWith('.html') && !files.some((p) => p.startsWith(`${f}/`)))).toEqual([]);
  });

  it('the twin is in traditional characters and says so; the original keeps zh-CN', () => {
    for (const { file, hans, hant } of pairs()) {
      expect(hans('html').attr('lang'), file).toBe('zh-CN');
      expect(hant('html').attr('lang'), file).toBe('zh-Hant');
      expect(hant('title').text(), file).toBe(toTraditional(hans('title').text()));
      expect(hant('#edition-note').text(), file).toBe(toTraditional(ui.hantNotice + ui.hantOriginal));
      expect(hans('#edition-note').length, file).toBe(0);
    }
  });

  it("a section page's text is the original converted, line by line", () => {
    for (const s of expected.reports.flatMap((r) => r.sections)) {
      const hans = load$(built.dist, `${s.path}index.html`);
      const hant = load$(built.dist, `${TRADITIONAL_PREFIX}${s.path}index.html`);
      const lines = textLines(hans, 'article');
      expect(lines.length).toBeGreaterThan(0);
      expect(textLines(hant, 'article'), s.path).toEqual(lines.map(toTraditional));
      // The fixture's words are simplified, so the conversion changed something.
      expect(textLines(hant, 'article'), s.path).not.toEqual(lines);
    }
  });

  it('every page of both editions names both by hreflang, with full addresses', () => {
    for (const { file, path, hans, hant } of pairs()) {
      const own = file === '404.html' ? '' : path;
      for (const $ of [hans, hant]) {
        expect($('link[rel=alternate][hreflang="zh-Hans"]').attr('href'), file).toBe(`${SITE}${BASE}${own}`);
        expect($('link[rel=alternate][hreflang="zh-Hant"]').attr('href'), file).toBe(`${SITE}${BASE}${TRADITIONAL_PREFIX}${own}`);
        expect($('link[rel=alternate][hreflang]').length, file).toBe(3);
      }
      if (file !== '404.html') {
        expect(hans('link[rel=canonical]').attr('href'), file).toBe(`${SITE}${BASE}${path}`);
        expect(hant('link[rel=canonical]').attr('href'), file).toBe(`${SITE}${BASE}${TRADITIONAL_PREFIX}${path}`);
      }
    }
  });

  it('the 简/繁 switch on every page goes to the same page in the other edition', () => {
    for (const { file, path, hans, hant } of pairs()) {
      const own = file === '404.html' ? '' : path;
      const toHant = hans('a[data-edition-switch]');
      const toHans = hant('a[data-edition-switch]');
      expect(toHant.length, file).toBe(1);
      expect(toHans.length, file).toBe(1);
      expect(toHant.attr('href'), file).toBe(`${BASE}${TRADITIONAL_PREFIX}${own}`);
      expect(toHant.text(), file).toBe(ui.editionToHant);
      expect(toHant.attr('lang'), file).toBe('zh-Hant');
      expect(toHans.attr('href'), file).toBe(`${BASE}${own}`);
      expect(toHans.text(), file).toBe(ui.editionToHans);
      expect(toHans.attr('lang'), file).toBe('zh-CN');
      expect(hant('#edition-note a').attr('href'), file).toBe(`${BASE}${own}`);
    }
  });

  it("links to the site's pages stay in their edition; feeds, data and files are shared", () => {
    const pageLink = (href: string) => href.startsWith(BASE) && /\/([?#].*)?$/.test(href) && !href.startsWith(`${BASE}pagefind/`);
    for (const { file, hans, hant } of pairs()) {
      const own = ($: CheerioAPI) =>
        $('a[href], form[action]')
          .not('[data-edition-switch], #edition-note a')
          .map((_, el) => $(el).attr('href') ?? $(el).attr('action'))
          .get()
          .map((h) => (h.startsWith(SITE) ? h.slice(SITE.length) : h));
      const hantLinks = own(hant).filter(pageLink);
      expect(hantLinks.length, file).toBeGreaterThan(3);
      expect(hantLinks.filter((h) => !h.startsWith(BASE + TRADITIONAL_PREFIX)), file).toEqual([]);
      expect(own(hans).filter(pageLink).filter((h) => h.startsWith(BASE + TRADITIONAL_PREFIX)), file).toEqual([]);
      // What is not a page is the same file for both.
      expect(own(hant).filter((h) => !pageLink(h) && h.startsWith(BASE)), file).toEqual(own(hans).filter((h) => !pageLink(h) && h.startsWith(BASE)));
      expect(hant('link[rel=alternate][type="application/rss+xml"]').attr('href'), file).toBe(`${BASE}feed.xml`);
    }
    expect(brokenLinks(built.dist, BASE)).toEqual([]);
  });

  it('scripts, styles and the CSP are the same in both editions', () => {
    for (const { file, hans, hant } of pairs()) {
      expect(scripts(hant), file).toEqual(scripts(hans));
      expect(hant('link[rel=stylesheet]').map((_, l) => hant(l).attr('href')).get(), file).toEqual(hans('link[rel=stylesheet]').map((_, l) => hans(l).attr('href')).get());
      expect(hant('meta[http-equiv="Content-Security-Policy"]').attr('content'), file).toBe(hans('meta[http-equiv="Content-Security-Policy"]').attr('content'));
      expect(hant('[style]').length, file).toBe(0);
    }
  });

  it('search indexes the simplified sections only, so a passage is found once from either edition', () => {
    const urls = indexedUrls(built.dist);
    const sections = expected.reports.flatMap((r) => (isWithdrawn(r.data) ? [] : r.sections));
    expect(urls.filter((u) => u.includes(TRADITIONAL_PREFIX))).toEqual([]);
    for (const s of sections) expect(urls, s.path).toContain(`/${s.path}`);
    for (const { file, hant } of pairs()) expect(hant('[data-pagefind-body]').length, file).toBe(0);
  });

  it('the search page exists in the traditional edition, with the same search script', () => {
    const hans = load$(built.dist, 'search/index.html');
    const hant = load$(built.dist, `${TRADITIONAL_PREFIX}search/index.html`);
    expect(hant('#search-q').length).toBe(1);
    // The page's own form has no action, so it submits to itself, the traditional search page;
    // the header's form on every other traditional page goes there too.
    expect(hant('#search-form').attr('action')).toBeUndefined();
    const home = load$(built.dist, `${TRADITIONAL_PREFIX}index.html`);
    expect(home('form[role=search]').attr('action')).toBe(`${BASE}${TRADITIONAL_PREFIX}search/`);
    expect(scripts(hant)).toEqual(scripts(hans));
  });

  it('the 网站地图 of the traditional edition lists its pages; sitemap.xml and the feed list the simplified ones', () => {
    const map = load$(built.dist, `${TRADITIONAL_PREFIX}sitemap/index.html`);
    const links = map('main a[href]').not('#edition-note a').map((_, a) => map(a).attr('href')).get();
    for (const r of expected.reports) expect(links).toContain(`${BASE}${TRADITIONAL_PREFIX}${r.path}`);
    const xml = readdirSync(built.dist).filter((f) => /^sitemap.*\.xml$/.test(f)).map((f) => readFileSync(join(built.dist, f), 'utf8')).join('');
    expect(xml).toContain(`${SITE}${BASE}${expected.reports[0]!.path}`);
    expect(xml).not.toContain(TRADITIONAL_PREFIX);
    expect(readFileSync(join(built.dist, 'feed.xml'), 'utf8')).not.toContain(TRADITIONAL_PREFIX);
  });

  it('the build says how many pages it converted', () => {
    expect(built.output).toMatch(new RegExp(`繁體版已生成：${files.length} 个页面`));
  });
});

describe('the multi-year fixture at the root, address unknown', () => {
  let built: BuiltFixture;
  beforeAll(async () => {
    built = await builtFixture('multi-year');
  });

  it('without the site’s address: no hreflang links (they must be full addresses), the switch root-relative, and every link resolves', () => {
    for (const file of simplifiedFiles(built.dist).filter((f) => f !== '404.html')) {
      const path = pathOf(file);
      for (const $ of [load$(built.dist, file), load$(built.dist, TRADITIONAL_PREFIX + file)]) {
        expect($('link[rel=alternate][hreflang]').length, file).toBe(0);
      }
      expect(load$(built.dist, file)('a[data-edition-switch]').attr('href'), file).toBe(`/${TRADITIONAL_PREFIX}${path}`);
      expect(load$(built.dist, TRADITIONAL_PREFIX + file)('a[data-edition-switch]').attr('href'), file).toBe(`/${path}`);
    }
    expect(brokenLinks(built.dist, '/')).toEqual([]);
  });
});

describe('the withdrawn fixture', () => {
  let built: BuiltFixture;
  let expected: ExpectedSite;
  beforeAll(async () => {
    built = await builtFixture('withdrawn', AT_ROOT);
    expected = expectedSite(built.contentDir);
  });

  it("a withdrawn report's traditional pages keep the withdrawal notice, converted", () => {
    const gone = expected.reports.filter((r) => isWithdrawn(r.data));
    expect(gone.length).toBeGreaterThan(0);
    for (const r of gone) {
      for (const path of [r.path, ...r.sections.map((s) => s.path)]) {
        const hans = load$(built.dist, `${path}index.html`);
        const hant = load$(built.dist, `${TRADITIONAL_PREFIX}${path}index.html`);
        expect(hant('#withdrawn').length, path).toBe(1);
        expect(hant('#withdrawn').text(), path).toBe(toTraditional(hans('#withdrawn').text()));
        expect(hant('#withdrawn').text(), path).toContain(toTraditional(r.data.withdrawn!.reason));
        expect(hant('#withdrawn time').attr('datetime'), path).toBe(r.data.withdrawn!.date);
      }
    }
    expect(indexedUrls(built.dist).filter((u) => u.includes(TRADITIONAL_PREFIX) || gone.some((r) => u.startsWith(`/${r.path}`)))).toEqual([]);
  });
});
