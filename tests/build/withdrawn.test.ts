/**
 * A withdrawn report (撤回) in the production build of the withdrawn fixture: its pages stay at
 * their addresses with a dated public notice above the text, and it leaves search, the feed,
 * the home page's latest report and the comparisons across years; the sitemap and the open
 * data keep it, marked. Which reports are withdrawn comes from the fixture's entries.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { brokenLinks, htmlFiles, normaliseLines, page, textLines } from '../helpers/site';
import { validator } from '../helpers/json-schema';
import { AT_ROOT, builtFixture, runScript, type BuiltFixture } from '../helpers/fixtures';
import { buildSite } from '../helpers/build';
import { bodyLines, expectedSite, reportLines, type ExpectedReport } from '../helpers/expected';
import { isWithdrawn, printedHeading } from '../../src/domain/report.ts';
import { REQUIRED_ITEMS } from '../../src/domain/items.ts';
import { indexedUrls } from '../helpers/search-index';
import { reportFile } from '../../src/domain/layout.ts';
import type { ReportsData } from '../../src/domain/open-data';

const SITE = AT_ROOT.siteUrl!;

let built: BuiltFixture;
let reports: ExpectedReport[] = [];
/** The withdrawn reports, and the ones that stand, newest first. */
let gone: ExpectedReport[] = [];
let standing: ExpectedReport[] = [];
beforeAll(async () => {
  built = await builtFixture('withdrawn', AT_ROOT);
  reports = expectedSite(built.contentDir).reports;
  gone = reports.filter((r) => isWithdrawn(r.data));
  standing = reports.filter((r) => !isWithdrawn(r.data));
});
const at = (path: string) => page(built.dist, `/${path}`);
const read = (file: string) => readFileSync(join(built.dist, file), 'utf8');
const withdrawal = (r: ExpectedReport) => r.data.withdrawn!;
const goneSections = () => gone.flatMap((r) => r.sections);
const standingSections = () => standing.flatMap((r) => r.sections);
/** Whether a page links anywhere in a withdrawn report. */
const linksToGone = ($: CheerioAPI) =>
  $('main a[href]').map((_, a) => $(a).attr('href')).get().filter((h) => gone.some((r) => h.startsWith(`/${r.path}`)));

it('the fixture has a withdrawn newest report and a report that stands', () => {
  expect(gone.length).toBeGreaterThan(0);
  expect(standing.length).toBeGreaterThan(0);
  expect(isWithdrawn(reports[0]!.data)).toBe(true);
});

/** The notice on a page: a note labelled by its heading, saying 已撤回, the date and the reason. */
function expectNotice($: CheerioAPI, r: ExpectedReport, where: string) {
  const notice = $('main [role=note]');
  expect(notice, where).toHaveLength(1);
  const heading = notice.find('h2');
  expect(notice.attr('aria-labelledby'), where).toBe(heading.attr('id'));
  expect(heading.text(), where).toContain('已撤回');
  const rows = Object.fromEntries(notice.find('dl > div').map((_, d) => [[$(d).find('dt').text(), $(d).find('dd').text()]]).get());
  expect(rows, where).toEqual({ 撤回日期: withdrawal(r).date, 撤回原因: withdrawal(r).reason });
  expect(notice.find('time').attr('datetime'), where).toBe(withdrawal(r).date);
  // After the title, before the text, and not part of the text.
  expect(notice.prevAll('h1'), where).toHaveLength(1);
  expect(notice.nextAll('.report-text'), where).toHaveLength(1);
  expect(notice.closest('.report-text'), where).toHaveLength(0);
  // Shown on screen and in print alike: no attribute that hides it.
  expect(notice.closest('[hidden], [data-no-print], [data-chrome], .visually-hidden'), where).toHaveLength(0);
}

describe('a withdrawn report’s pages', () => {
  it('the report page keeps its address and its whole text, under the notice, which precedes the metadata', () => {
    for (const r of gone) {
      const $ = at(r.path);
      expect($('h1').text()).toBe(r.data.title);
      expectNotice($, r, r.path);
      expect($('main [role=note]').nextAll('.doc-meta')).toHaveLength(1);
      expect(textLines($, '.report .report-text'), r.path).toEqual(reportLines(r));
      expect($('.contents a').map((_, a) => $(a).attr('href')).get()).toEqual(r.sections.map((s) => `#${s.anchor}`));
    }
  });

  it('the metadata block gains a 撤回日期 row, after the dates it had', () => {
    for (const r of gone) {
      const $ = at(r.path);
      const rows = $('.doc-meta div').map((_, d) => [[$(d).find('dt').text(), $(d).find('dd').text()]]).get();
      expect(rows.at(-1)).toEqual(['撤回日期', withdrawal(r).date]);
      expect(Object.fromEntries(rows)).toMatchObject({ 成文日期: r.data.signedOn, ...(r.data.publishedOn && { 发布日期: r.data.publishedOn }) });
    }
  });

  it('each section page keeps its text under the same notice, with its neighbours', () => {
    for (const r of gone) {
      for (const s of r.sections) {
        const $ = at(s.path);
        expectNotice($, r, s.path);
        expect([$('h1').text(), ...textLines($, '.report-text')], s.path).toEqual([printedHeading(s.data), ...bodyLines(s.entry.body)]);
        expect($('.pager-back a').attr('href')).toBe(`/${r.path}`);
      }
    }
  });

  it('the reports that stand show no notice and no 撤回日期', () => {
    for (const r of standing) {
      for (const path of [r.path, ...r.sections.map((s) => s.path)]) {
        expect(at(path)('.withdrawn-notice, [role=note]'), path).toHaveLength(0);
        expect(at(path)('.doc-meta').text(), path).not.toContain('撤回');
      }
    }
  });

  it('head metadata says it is withdrawn, when and why; the pages are not marked noindex', () => {
    for (const r of gone) {
      for (const path of [r.path, ...r.sections.map((s) => s.path)]) {
        const $ = at(path);
        expect($('title').text(), path).toContain('（已撤回）');
        const description = $('meta[name=Description]').attr('content')!;
        expect(description, path).toContain(`已撤回（${withdrawal(r).date}）`);
        expect(description, path).toContain(withdrawal(r).reason);
        expect(JSON.parse($('script[type="application/ld+json"]').text()), path).toMatchObject({ creativeWorkStatus: 'Withdrawn', description });
        expect($('meta[name=robots]'), path).toHaveLength(0);
      }
    }
  });
});

describe('search', () => {
  it('indexes only the sections of the reports that stand: no Pagefind attribute on a withdrawn report’s pages', () => {
    for (const s of goneSections()) expect(read(join(s.path, 'index.html')), s.path).not.toContain('data-pagefind');
    const indexed = htmlFiles(built.dist).filter((f) => page(built.dist, relative(built.dist, f))('[data-pagefind-body]').length > 0);
    expect(indexed.map((f) => relative(built.dist, f).replace(/index\.html$/, '')).sort()).toEqual(standingSections().map((s) => s.path).sort());
    // The standing reports' sections, and the preface of each standing report as a record of its own.
    expect(indexedUrls(built.dist)).toHaveLength(standingSections().length + new Set(standingSections().map((s) => s.year)).size);
  });

  it('the search page’s year filter offers only years whose report stands', () => {
    const $ = at('search/');
    expect($('#search-year option').map((_, o) => $(o).text()).get()).toEqual(['全部年度', ...standing.map((r) => `${r.year}年`)]);
  });
});

describe('feed and sitemap', () => {
  it('/feed.xml has an item for each report that stands, none to read a withdrawn one, and the withdrawal as news', () => {
    const $ = load(read('feed.xml'), { xml: true });
    const reportLinks = $('item link').map((_, l) => $(l).text()).get().filter((l) => !l.includes('/history/'));
    expect(reportLinks).toEqual(standing.map((r) => `${SITE}/${r.path}`));
    const titles = $('item title').map((_, t) => $(t).text()).get();
    for (const r of gone) expect(titles.filter((t) => t.includes(r.data.title))).toEqual([`撤回：${r.data.title}（${withdrawal(r).date}）`]);
  });

  it('the sitemap keeps a withdrawn report’s pages, which are still there', async () => {
    const $ = load(read('sitemap-0.xml'), { xml: true });
    const locs = $('loc').map((_, l) => $(l).text()).get();
    for (const r of reports) for (const path of [r.path, ...r.sections.map((s) => s.path)]) expect(locs).toContain(`${SITE}/${path}`);
  });
});

describe('the home page', () => {
  it('shows the newest report that stands as the latest', () => {
    const $ = at('');
    const [latest] = standing;
    expect($('.latest h1').text()).toBe(latest!.data.title);
    expect($('.latest h1 a').attr('href')).toBe(`/${latest!.path}`);
    expect($('.latest .contents a').map((_, a) => $(a).attr('href')).get()).toEqual(latest!.sections.map((s) => `/${s.path}`));
    expect($('.latest').text()).not.toContain('已撤回');
  });

  it('lists every year, a withdrawn one marked 已撤回 in its link, with its 撤回日期', () => {
    const $ = at('');
    const items = $('.year-list li');
    expect(items.map((_, li) => $(li).find('a').attr('href')).get()).toEqual(reports.map((r) => `/${r.path}`));
    items.each((i, li) => {
      const r = reports[i]!;
      const mark = $(li).find('a .withdrawn-mark');
      expect(mark.text(), r.path).toBe(isWithdrawn(r.data) ? '已撤回' : '');
      const dates = normaliseLines($(li).find('.report-dates').text()).join(' ');
      if (isWithdrawn(r.data)) expect(dates).toContain(`撤回日期：${withdrawal(r).date}`);
      else expect(dates).not.toContain('撤回');
    });
  });
});

describe('comparisons across years', () => {
  it('/items/ counts, and each item’s page shows, only the reports that stand', () => {
    const $ = at('items/');
    for (const item of REQUIRED_ITEMS) {
      const years = standing.filter((r) => r.sections.some((s) => s.data.items.includes(item.name)));
      const sections = years.flatMap((r) => r.sections.filter((s) => s.data.items.includes(item.name)));
      const summary = $(`.item-list a[href="/items/${item.slug}/"]`).closest('li').find('p').text();
      expect(summary, item.slug).toContain(years.length ? `${years.length} 年报告，共 ${sections.length} 个部分` : '还没有');
      const p = at(`items/${item.slug}/`);
      expect(p('.item-year h2').map((_, h) => p(h).text()).get(), item.slug).toEqual(years.map((r) => `${r.year}年报告`));
      expect(linksToGone(p), item.slug).toEqual([]);
    }
  });

  it('/figures/, /figures.json and /figures.csv leave a withdrawn report out, and a key only it had', () => {
    const $ = at('figures/');
    const figures = (rs: ExpectedReport[]) => rs.flatMap((r) => r.sections.flatMap((s) => s.data.figures));
    const years = standing.filter((r) => figures([r]).length > 0).map((r) => r.year);
    expect($('.figures-table thead th').map((_, t) => $(t).text()).get().filter((t) => /年$/.test(t))).toEqual(years.map((y) => `${y}年`));
    const keys = [...new Set(figures(standing).map((f) => f.key))].sort();
    expect($('.figures-table tbody tr').map((_, tr) => $(tr).attr('id')).get().sort()).toEqual(keys.map((k) => `figure-${k}`));
    expect(figures(gone).some((f) => !keys.includes(f.key)), 'the fixture has a key only the withdrawn report states').toBe(true);
    expect(linksToGone($)).toEqual([]);

    const json = JSON.parse(read('figures.json'));
    expect(json.years).toEqual(years);
    expect(json.figures.map((f: { key: string }) => f.key).sort()).toEqual(keys);
    const csvYears = read('figures.csv').trim().split('\r\n').slice(1).map((line) => Number(line.split(',')[0]));
    expect(new Set(csvYears)).toEqual(new Set(years));
  });

  it('a withdrawn report page no longer picks out its key figures, but its text still states them', () => {
    for (const r of gone) {
      const $ = at(r.path);
      expect($('.figures-panel')).toHaveLength(0);
      for (const s of r.sections) for (const f of s.data.figures) expect($(`#${s.anchor}`).text()).toContain(f.value);
    }
  });
});

describe('/data/reports.json', () => {
  const data = () => JSON.parse(read('data/reports.json')) as ReportsData;

  it('keeps every report, each with withdrawn: its date and reason, or null', () => {
    const d = data();
    expect(d.reports.map((r) => r.year)).toEqual(reports.map((r) => r.year));
    d.reports.forEach((r, i) => {
      const e = reports[i]!;
      expect(r.withdrawn, String(r.year)).toEqual(isWithdrawn(e.data) ? { date: withdrawal(e).date, reason: withdrawal(e).reason } : null);
      expect(r.sections.map((s) => s.path)).toEqual(e.sections.map((s) => `/${s.path}`));
    });
  });

  it('is valid against /data/reports.schema.json, which requires the field on every report', () => {
    const schema = JSON.parse(read('data/reports.schema.json'));
    const validate = validator(schema);
    expect(validate(data())).toEqual([]);
    const broken = data() as unknown as { reports: Record<string, unknown>[] };
    delete broken.reports[0]!.withdrawn;
    expect(validate(broken)).toEqual(["/reports/0 must have required property 'withdrawn'"]);
  });
});

it('every internal link, anchor and asset resolves', () => {
  expect(brokenLinks(built.dist)).toEqual([]);
});

describe('when every report is withdrawn', () => {
  let dist = '';
  beforeAll(() => {
    // The fixture with its standing reports withdrawn too, in a folder of its own, recorded as staff record it.
    const content = mkdtempSync(join(tmpdir(), 'fznb-all-withdrawn-'));
    cpSync(built.contentDir, content, { recursive: true });
    for (const r of standing) {
      const file = reportFile(r.year, content);
      const mdx = readFileSync(file, 'utf8').replace(/^---\n/, '---\nwithdrawn:\n  date: 2025-03-01\n  reason: 测试：全部撤回\n');
      writeFileSync(file, mdx);
    }
    runScript('scripts/check.ts', ['--accept'], content);
    const r = buildSite({ CONTENT_DIR: content });
    if (r.status !== 0) throw new Error(r.output);
    dist = r.outDir;
  });

  it('the home page says so in Chinese and still lists every year, each marked', () => {
    const $ = page(dist, '/');
    expect($('.latest')).toHaveLength(0);
    expect($('main h1')).toHaveLength(1);
    expect($('.no-latest').text()).toContain('均已撤回');
    expect($('.year-list li')).toHaveLength(reports.length);
    expect($('.year-list .withdrawn-mark')).toHaveLength(reports.length);
  });

  it('search indexes nothing, not every page whole, and the feed announces only the withdrawals', () => {
    expect(htmlFiles(dist).filter((f) => readFileSync(f, 'utf8').includes('data-pagefind'))).toEqual([]);
    expect(indexedUrls(dist)).toEqual([]);
    const feed = load(readFileSync(join(dist, 'feed.xml'), 'utf8'), { xml: true });
    const withdrawals = [...gone.map((r) => `撤回：${r.data.title}（${withdrawal(r).date}）`), ...standing.map((r) => `撤回：${r.data.title}（2025-03-01）`)];
    expect(feed('item title').map((_, t) => feed(t).text()).get().sort()).toEqual(withdrawals.sort());
  });
});
