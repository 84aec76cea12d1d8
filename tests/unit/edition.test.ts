/**
 * The 繁體 edition without a build: the conversion of the site's own words (OpenCC, phrase by
 * phrase), the path helpers both ways (src/utils/edition.ts), and the copy of one page
 * (src/integrations/traditional.ts) on a small page written like the built ones.
 */
import { describe, expect, it } from 'vitest';
import { editionOf, editionOfLang, inPageEdition, isPagePath, pageEdition, toEdition } from '../../src/utils/edition';
import { earlyCopies, GrowingTrie, simplifiedCharacter, toTraditional, traditionalPage, writeTraditionalEdition } from '../../src/integrations/traditional';
import { Trie, type DictGroup } from 'opencc-js/core';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Converter } from 'opencc-js/cn2t';
import { Converter as ToSimplified } from 'opencc-js/t2cn';
import { configs } from 'opencc-js/preset/cn2t';
import { routeData } from '../../src/utils/route-data';
import { ui } from '../../src/i18n/ui';

describe('conversion', () => {
  it.each([
    ['优待证', '優待證'],
    ['退役军人', '退役軍人'],
    ['退役军人事务局', '退役軍人事務局'],
    ['法治政府建设年度报告', '法治政府建設年度報告'],
    // Words of the fixtures (tests/fixtures/*/README.md and their sections).
    ['示例优待证', '示例優待證'],
    ['测试招聘会', '測試招聘會'],
    ['受理优待证申请', '受理優待證申請'],
    ['应急救助资金', '應急救助資金'],
    ['主要举措和成效', '主要舉措和成效'],
    ['存在的不足和原因', '存在的不足和原因'],
    ['下一年度主要安排', '下一年度主要安排'],
    ['已撤回', '已撤回'],
    ['网站地图', '網站地圖'],
  ])('%s → %s', (simplified, traditional) => {
    expect(toTraditional(simplified)).toBe(traditional);
  });

  it('resolves one-to-many characters by phrase, not by a character table', () => {
    expect(toTraditional('以后')).toBe('以後');
    expect(toTraditional('皇后')).toBe('皇后');
    expect(toTraditional('示例干部')).toBe('示例幹部');
    expect(toTraditional('干燥')).toBe('乾燥');
    expect(toTraditional('联系')).toBe('聯繫');
    expect(toTraditional('系统')).toBe('系統');
    expect(toTraditional('头发')).toBe('頭髮');
    expect(toTraditional('发放')).toBe('發放');
  });

  it('changes characters only, never the words of the document (no Taiwan vocabulary)', () => {
    expect(toTraditional('信息')).toBe('信息');
    expect(toTraditional('网络')).toBe('網絡');
    expect(toTraditional('联系我们')).toBe('聯繫我們');
  });

  it('leaves digits, Latin letters, punctuation and entities as they are', () => {
    const s = '2023年,共94.6% (一) &amp; &quot;ABC&quot; 《退役军人保障法》';
    expect(toTraditional(s)).toBe('2023年,共94.6% (一) &amp; &quot;ABC&quot; 《退役軍人保障法》');
  });

  it('the notice reads in traditional characters', () => {
    expect(toTraditional(ui.hantNotice)).toBe('本頁由簡體原文自動轉換為繁體，以原文為準。');
  });

  it("gives a character's simplified form as opencc-js's own t → cn Converter does, for every CJK character", () => {
    const opencc = ToSimplified({ from: 't', to: 'cn' });
    const ours = simplifiedCharacter();
    // The radicals, extension A, the unified block (the one the search's map reads) and the compatibility forms.
    const ranges = [[0x2e80, 0x2fdf], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff]];
    const differ: string[] = [];
    for (const [from, to] of ranges) {
      for (let c = from!; c <= to!; c++) {
        const ch = String.fromCodePoint(c);
        if (ours(ch) !== opencc(ch)) differ.push(`${ch} ${ours(ch)} ${opencc(ch)}`);
      }
    }
    expect(differ).toEqual([]);
    expect(ours('優')).toBe('优');
    expect(ours('乾')).toBe(opencc('乾'));
  });

  it("gives what opencc-js's own cn → tw Converter gives, for every phrase of its dictionary, each beside others", () => {
    // The preset's segmentation dictionaries are its phrase dictionaries (opencc-js's types call them one).
    const phrases = configs.s2tw!.segmentation as unknown as string[];
    const words = phrases.flatMap((dict) => dict.split('|').map((line) => line.split(' ')[0]!));
    expect(words.length).toBeGreaterThan(40_000);
    const opencc = Converter({ from: 'cn', to: 'tw' });
    // In the dictionary's order, backwards, and two at a time with a character between them.
    for (const text of [words.join(''), [...words].reverse().join(''), words.map((w, i) => (i % 2 ? `${w}系` : w)).join('')]) {
      expect(toTraditional(text)).toBe(opencc(text));
    }
  });
});

describe('edition paths', () => {
  it.each([
    ['/', '/', 'hans'],
    ['/zh-hant/', '/', 'hant'],
    ['/zh-hant', '/', 'hant'],
    ['/zh-hant/2023/section-1/', '/', 'hant'],
    ['/2023/', '/', 'hans'],
    ['/fzbg/zh-hant/2023/', '/fzbg/', 'hant'],
    ['/fzbg/2023/?q=zh-hant/', '/fzbg/', 'hans'],
    // zh-hant at the root is not the edition of a site under /fzbg/.
    ['/zh-hant/2023/', '/fzbg/', 'hans'],
    ['/fzbg/zh-hantx/', '/fzbg/', 'hans'],
  ] as const)('editionOf(%s, %s) is %s', (path, base, edition) => {
    expect(editionOf(path, base)).toBe(edition);
  });

  it('moves a page to the other edition and back, keeping query and fragment', () => {
    const base = '/fzbg/';
    for (const p of ['/fzbg/', '/fzbg/2023/', '/fzbg/2023/section-2/?highlight=示例 优待证#section-2', '/fzbg/search/?q=a&year=2023', '/fzbg/404.html']) {
      const hant = toEdition(p, 'hant', base);
      expect(hant.startsWith('/fzbg/zh-hant/'), hant).toBe(true);
      expect(editionOf(hant, base)).toBe('hant');
      expect(toEdition(hant, 'hant', base)).toBe(hant);
      expect(toEdition(hant, 'hans', base)).toBe(p);
      expect(toEdition(p, 'hans', base)).toBe(p);
    }
    expect(toEdition('/fzbg/2023/section-2/?highlight=x#top', 'hant', base)).toBe('/fzbg/zh-hant/2023/section-2/?highlight=x#top');
    expect(toEdition('/fzbg', 'hant', base)).toBe('/fzbg/zh-hant/');
    expect(toEdition('/', 'hant', '/')).toBe('/zh-hant/');
    expect(toEdition('/zh-hant', 'hans', '/')).toBe('/');
  });

  it('full addresses stay full', () => {
    expect(toEdition('https://example.gov.cn/fzbg/2023/', 'hant', '/fzbg/')).toBe('https://example.gov.cn/fzbg/zh-hant/2023/');
    expect(toEdition('https://example.gov.cn/fzbg/zh-hant/2023/#x', 'hans', '/fzbg/')).toBe('https://example.gov.cn/fzbg/2023/#x');
  });

  it('leaves what is not a page of the site: feeds, data, files, the search index, other sites', () => {
    for (const p of ['/fzbg/feed.xml', '/fzbg/figures.csv', '/fzbg/data/reports.json', '/fzbg/2024/files/报告.docx', '/fzbg/pagefind/pagefind.js', '/other/2023/', 'mailto:a@example.gov.cn', '#section-1']) {
      expect(toEdition(p, 'hant', '/fzbg/')).toBe(p);
    }
    expect(isPagePath('pagefind/')).toBe(false);
    expect(isPagePath('')).toBe(true);
  });

  it("reads the page's edition from <html lang>", () => {
    expect(editionOfLang('zh-Hant')).toBe('hant');
    expect(editionOfLang('zh-TW')).toBe('hant');
    expect(editionOfLang('zh-CN')).toBe('hans');
    expect(editionOfLang('')).toBe('hans');
    expect(pageEdition({ documentElement: { lang: 'zh-Hant' } })).toBe('hant');
    expect(pageEdition({ documentElement: { lang: 'zh-CN' } })).toBe('hans');
    // No document (Node): the simplified edition.
    expect(pageEdition()).toBe('hans');
    expect(inPageEdition('/fzbg/2023/section-1/?highlight=x', '/fzbg/', { documentElement: { lang: 'zh-Hant' } })).toBe('/fzbg/zh-hant/2023/section-1/?highlight=x');
  });

  it("route data gives each page's twin: root-relative for the switch, a full address for hreflang only when the site is known", () => {
    const ctx = { base: '/fzbg/', pathname: '/fzbg/figures/', bureau: '示例局', siteName: '示例年报' };
    expect(routeData({ kind: 'figures' }, { ...ctx, site: 'https://example.gov.cn' }).editions).toEqual({
      hans: { href: '/fzbg/figures/', address: 'https://example.gov.cn/fzbg/figures/' },
      hant: { href: '/fzbg/zh-hant/figures/', address: 'https://example.gov.cn/fzbg/zh-hant/figures/' },
    });
    expect(routeData({ kind: 'figures' }, ctx).editions.hant).toEqual({ href: '/fzbg/zh-hant/figures/', address: undefined });
    // The 404 page has no address of its own: its switch goes to the other edition's home page.
    expect(routeData({ kind: 'not-found' }, { ...ctx, pathname: '/fzbg/404.html' }).editions.hant.href).toBe('/fzbg/zh-hant/');
  });
});

describe('the traditional copy of a page', () => {
  const page = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'"><title>示例优待证 - 示例年报</title><script src="/fzbg/_astro/prefs.js"></script><meta name="Description" content="发放优待证"><meta property="og:url" content="https://example.gov.cn/fzbg/2023/section-1/"><meta property="og:locale" content="zh_CN"><link rel="canonical" href="https://example.gov.cn/fzbg/2023/section-1/"><link rel="alternate" type="application/rss+xml" title="订阅" href="/fzbg/feed.xml"><link rel="alternate" hreflang="zh-Hans" href="https://example.gov.cn/fzbg/2023/section-1/"><link rel="alternate" hreflang="zh-Hant" href="https://example.gov.cn/fzbg/zh-hant/2023/section-1/"><script type="application/ld+json">{"name":"示例优待证"}</script><style>.a::after{content:"后"}</style></head><body><header><form action="/fzbg/search/" method="get"><input name="q" placeholder="如：优待证"><select name="item"><option value="主要举措和成效">主要举措和成效</option></select></form><a class="edition-switch" href="/fzbg/zh-hant/2023/section-1/" hreflang="zh-Hant" lang="zh-Hant" data-edition-switch data-edition-hans="/fzbg/2023/section-1/">繁體版</a></header><main id="main" tabindex="-1"><nav aria-label="当前位置"><a href="/fzbg/">首页</a></nav><article data-pagefind-body data-pagefind-filter="year:2023"><h1>一、以<wbr>后<wbr>工作</h1><p>受理<a href="/fzbg/2023/#preface">优待证</a>申请；<a href="/fzbg/feed.xml">订阅</a> <a href="/fzbg/2023/files/a.docx">原文</a> <a href="https://other.example.com/x/">外站</a> <a href="#section-1">本节</a> <img src="/fzbg/a.png" alt="示例图"></p></article><p>本页网址：<span data-print-url>/fzbg/2023/section-1/</span> <span>https://example.gov.cn/fzbg/2023/section-1/</span></p></main><script type="module" src="/fzbg/_astro/search.js"></script><script type="module">const s = "优待证";</script></body></html>`;
  const copy = traditionalPage(page, { base: '/fzbg/', site: 'https://example.gov.cn', pathname: '/fzbg/2023/section-1/' });

  it('is in traditional characters with <html lang="zh-Hant">, its title and spoken attributes too', () => {
    expect(copy).toContain('<html lang="zh-Hant">');
    expect(copy).toContain('<title>示例優待證 - 示例年報</title>');
    expect(copy).toContain('<meta name="Description" content="發放優待證">');
    expect(copy).toContain('placeholder="如：優待證"');
    expect(copy).toContain('alt="示例圖"');
    expect(copy).toContain('aria-label="當前位置"');
    expect(copy).not.toContain('og:locale');
  });

  it('converts a phrase across the <wbr> a title is broken with', () => {
    expect(copy).toContain('<h1>一、以<wbr>後<wbr>工作</h1>');
  });

  it('keeps every script, style and the CSP byte for byte', () => {
    for (const kept of [
      `<meta http-equiv="Content-Security-Policy" content="default-src 'self'">`,
      '<script src="/fzbg/_astro/prefs.js"></script>',
      '<script type="application/ld+json">{"name":"示例优待证"}</script>',
      '<style>.a::after{content:"后"}</style>',
      '<script type="module" src="/fzbg/_astro/search.js"></script>',
      '<script type="module">const s = "优待证";</script>',
    ]) {
      expect(copy).toContain(kept);
    }
  });

  it("moves links to the site's pages into the edition, and leaves feeds, files, other sites and filters", () => {
    expect(copy).toContain('action="/fzbg/zh-hant/search/"');
    expect(copy).toContain('<a href="/fzbg/zh-hant/">首頁</a>');
    expect(copy).toContain('<a href="/fzbg/zh-hant/2023/#preface">優待證</a>');
    expect(copy).toContain('<link rel="canonical" href="https://example.gov.cn/fzbg/zh-hant/2023/section-1/">');
    expect(copy).toContain('<meta property="og:url" content="https://example.gov.cn/fzbg/zh-hant/2023/section-1/">');
    expect(copy).toContain('href="/fzbg/feed.xml">訂閱</a>');
    expect(copy).toContain('title="訂閱" href="/fzbg/feed.xml"');
    expect(copy).toContain('href="/fzbg/2023/files/a.docx"');
    expect(copy).toContain('href="https://other.example.com/x/"');
    expect(copy).toContain('href="#section-1"');
    expect(copy).toContain('<option value="主要举措和成效">主要舉措和成效</option>');
    expect(copy).toContain('<span data-print-url>/fzbg/zh-hant/2023/section-1/</span>');
    expect(copy).toContain('<span>https://example.gov.cn/fzbg/zh-hant/2023/section-1/</span>');
  });

  it('keeps the hreflang alternates as they are: they name both editions', () => {
    expect(copy).toContain('<link rel="alternate" hreflang="zh-Hans" href="https://example.gov.cn/fzbg/2023/section-1/">');
    expect(copy).toContain('<link rel="alternate" hreflang="zh-Hant" href="https://example.gov.cn/fzbg/zh-hant/2023/section-1/">');
  });

  it('is not indexed by search', () => {
    expect(copy).not.toContain('data-pagefind-body');
    expect(copy).toContain('<article data-pagefind-filter="year:2023">');
  });

  it('turns the switch round to the simplified page, and says at the top of <main> that it is a conversion', () => {
    expect(copy).toContain(`href="/fzbg/2023/section-1/" hreflang="zh-Hans" lang="zh-CN" data-edition-switch data-edition-hans="/fzbg/2023/section-1/">${ui.editionToHans}</a>`);
    expect(copy).not.toContain(ui.editionToHant);
    expect(copy).toMatch(
      /<main id="main" tabindex="-1"><div class="wrap edition-note" id="edition-note"><p>本頁由簡體原文自動轉換為繁體，以原文為準。<a href="\/fzbg\/2023\/section-1\/" hreflang="zh-Hans">查看簡體原文<\/a><\/p><\/div><nav/,
    );
  });

  it('without the site address, root-relative links still move and full ones to elsewhere stay', () => {
    const bare = traditionalPage('<html lang="zh-CN"><body><a href="/2023/">报告</a><a href="https://example.gov.cn/2023/">外</a></body></html>', { base: '/', pathname: '/' });
    expect(bare).toBe('<html lang="zh-Hant"><body><a href="/zh-hant/2023/">報告</a><a href="https://example.gov.cn/2023/">外</a></body></html>');
  });
});

describe('copies made while the pages are built', () => {
  const where = { base: '/fzbg/' };
  const page = (text: string) => `<!DOCTYPE html><html lang="zh-CN"><body><main><p>${text}</p></main></body></html>`;

  it('are the copy of the page handed over, used only for the same page in the same file', () => {
    const copies = earlyCopies(where, 1_000_000);
    copies.add('2023/index.html', page('示例优待证'));
    copies.add('feed.xml', '<rss>优待证</rss>');
    expect(copies.of('2023/index.html', page('示例优待证'))).toBe(traditionalPage(page('示例优待证'), { ...where, pathname: '/fzbg/2023/' }));
    expect(copies.of('2023/index.html', page('示例优待金'))).toBeUndefined();
    expect(copies.of('2024/index.html', page('示例优待证'))).toBeUndefined();
    expect(copies.of('feed.xml', '<rss>优待证</rss>')).toBeUndefined();
  });

  it('stop at the characters they may keep; later pages are copied after the build', () => {
    const copies = earlyCopies(where, page('示例').length * 3);
    copies.add('a/index.html', page('示例'));
    copies.add('b/index.html', page('示例'));
    expect(copies.of('a/index.html', page('示例'))).toBeDefined();
    expect(copies.of('b/index.html', page('示例'))).toBeUndefined();
  });

  it('are written for the pages they were made from, and every other page is converted from its built file', () => {
    const out = mkdtempSync(join(tmpdir(), 'fznb-edition-'));
    for (const [file, text] of [['2023/index.html', '示例报告'], ['2023/section-1/index.html', '示例优待证']] as const) {
      mkdirSync(join(out, file, '..'), { recursive: true });
      writeFileSync(join(out, file), page(text));
    }
    const made = new Map([['2023/index.html', '<p>made early</p>'], ['2023/section-1/index.html', '<p>not this page</p>']]);
    const early = { add: () => {}, of: (file: string, html: string) => (html === page('示例报告') ? made.get(file) : undefined) };
    writeTraditionalEdition(out, where, { info: () => {} }, early);
    expect(readFileSync(join(out, 'zh-hant/2023/index.html'), 'utf8')).toBe('<p>made early</p>');
    expect(readFileSync(join(out, 'zh-hant/2023/section-1/index.html'), 'utf8')).toBe(traditionalPage(page('示例优待证'), { ...where, pathname: '/fzbg/2023/section-1/' }));
  });
});

describe('the 繁體 converter’s trie, grown a first character at a time', () => {
  it('matches as opencc-js’s whole trie does, whichever entry of a group comes first', () => {
    // 示例 dictionaries: a source repeated within one and across two, a longer phrase over a
    // shorter, a character outside the BMP, an entry with a second space, an empty source
    // (kept under the space its place starts with: texts with spaces reach it).
    const group: DictGroup = ['甲 A|甲乙 AB|甲 A2|丙丁戊 CDE|𠀀 X| Y|己 F G', [['甲', 'first'], ['丙丁', 'CD'], ['庚', 'H']]];
    const whole = new Trie();
    whole.loadDictGroup(group);
    const grown = new GrowingTrie(group);
    for (const text of ['甲乙丙丁戊己庚', '丙丁甲𠀀己', '乙甲甲乙丙丁', '⿰氵甲丙丁戊', '无一匹配', '甲 乙 丙', ' 己 ']) {
      expect(grown.convert(text)).toBe(whole.convert(text));
    }
  });
});
