/**
 * What a 政府网站 inspection looks for around the published reports, on builds of the
 * multi-year fixture with the configurations in tests/fixtures/inspection (SITE_CONFIG):
 * with every field set, the footer shows each registration and link, the header the 上级网站,
 * /contact/ its fields, all axe-clean on a phone and a desktop; with none, none of them. The
 * 网站地图 lists every page the build wrote but 404 and is itself in the sitemap. An imported
 * 文号 reaches the metadata block. `npm run check` prints each audit finding, and `--strict`
 * (or AUDIT_STRICT=1) fails on them, on a temporary copy of the fixture.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { runAxe, violationLines } from '../helpers/axe';
import { astroEnv, buildSite, ROOT } from '../helpers/build';
import { builtFixture, FIXTURES_DIR, inspectionBuild, INSPECTION_CONFIGS, type BuiltFixture } from '../helpers/fixtures';
import { brokenLinks, htmlFiles, page } from '../helpers/site';
import { servedSite } from '../helpers/served';
import { parseEntryFile } from '../../src/domain/entry-file.ts';
import full from '../fixtures/inspection/site.config.ts';
import { ICP_LOOKUP_URL } from '../../src/domain/site.ts';

const SITE = 'https://example.gov.cn';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Every built page, by its path on the site ('/2023/'), with its document. */
function builtPages(dist: string): { path: string; $: CheerioAPI }[] {
  return htmlFiles(dist).map((f) => {
    const rel = relative(dist, f);
    return { path: `/${rel.replace(/(^|\/)index\.html$/, '$1')}`, $: page(dist, rel) };
  });
}

describe('with every inspection field configured', () => {
  let built: BuiltFixture;
  let pages: { path: string; $: CheerioAPI }[] = [];
  beforeAll(async () => {
    built = await builtFixture('multi-year', inspectionBuild('full'));
    pages = builtPages(built.dist);
  });

  it('every page’s footer shows each registration, ICP and 公安备案 linked to where they are looked up', () => {
    for (const { path, $ } of pages) {
      const rows = Object.fromEntries($('.site-footer dl > div').map((_, d) => [[$(d).find('dt').text(), $(d).find('dd')]]).get());
      expect(Object.keys(rows), path).toEqual(['主办单位：', '联系方式：', '网站标识码：', 'ICP备案编号：', '公安机关备案号：']);
      expect(rows['网站标识码：'].text(), path).toBe(full.footer.siteCode);
      expect(rows['ICP备案编号：'].find('a').attr('href'), path).toBe(ICP_LOOKUP_URL);
      expect(rows['ICP备案编号：'].text(), path).toBe(full.footer.icp);
      expect(rows['公安机关备案号：'].find('a').attr('href'), path).toBe(full.footer.policeUrl);
      expect(rows['公安机关备案号：'].text(), path).toBe(full.footer.police);
    }
  });

  it('every page shows the 党政机关网站标识 as issued: its image with alt text, linking where it was issued', () => {
    for (const { path, $ } of pages) {
      const badge = $('.site-footer a.footer-badge');
      expect(badge.attr('href'), path).toBe(full.footer.badge!.href);
      expect(badge.find('img').attr('src'), path).toBe(`/${full.footer.badge!.image}`);
      expect(badge.find('img').attr('alt'), path).toBe('党政机关网站标识');
    }
  });

  it('every page’s footer links 网站地图, 联系我们, 找错, the 互动 channel and 无障碍声明; the header the 上级网站', () => {
    for (const { path, $ } of pages) {
      const links = $('.footer-links a').map((_, a) => [[$(a).text(), $(a).attr('href')]]).get();
      expect(links, path).toEqual([
        ['网站地图', '/sitemap/'],
        ['联系我们', '/contact/'],
        ['我为政府网站找错', full.errorReportUrl],
        [full.interaction!.label, full.interaction!.url],
        ['无障碍声明', '/accessibility/'],
      ]);
      expect($('.parent-site a').attr('href'), path).toBe(full.parentSite!.url);
      expect($('.parent-site a').text(), path).toBe(full.parentSite!.name);
    }
  });

  it('/contact/ shows each contact field as configured, the e-mail as a mailto link', () => {
    const $ = page(built.dist, 'contact/index.html');
    expect($('h1').text()).toBe('联系我们');
    const rows = $('main dl > div').map((_, d) => [[$(d).find('dt').text(), $(d).find('dd').text()]]).get();
    const c = full.contactUs!;
    expect(rows).toEqual([
      ['地址', c.address],
      ['邮政编码', c.postcode],
      ['电话', c.telephone],
      ['电子邮箱', c.email],
      ['办公时间', c.hours],
    ]);
    expect($(`a[href="mailto:${c.email}"]`).length).toBe(1);
  });

  it('report pages carry the 网站标识码 as SiteIDCode', () => {
    expect(page(built.dist, '2023/index.html')('meta[name="SiteIDCode"]').attr('content')).toBe(full.footer.siteCode);
  });

  it('the 网站地图 lists every page the build wrote but 404, and nothing else', () => {
    const $ = page(built.dist, 'sitemap/index.html');
    const listed = new Set($('main .site-map a').map((_, a) => $(a).attr('href')).get());
    const written = new Set(pages.map((p) => p.path).filter((p) => p !== '/404.html'));
    expect([...listed].sort()).toEqual([...written].sort());
    expect($('main h2').map((_, h) => $(h).text()).get()).toEqual(['历年报告', '按报告事项浏览', '其他页面']);
  });

  it('the 网站地图 is in the sitemap; a report’s pages carry lastmod only from a known 发布日期', () => {
    const $ = load(readFileSync(join(built.dist, 'sitemap-0.xml'), 'utf8'), { xml: true });
    const urls = $('url').map((_, u) => [[$(u).find('loc').text(), $(u).find('lastmod').text()]]).get() as [string, string][];
    const lastmod = Object.fromEntries(urls);
    expect(lastmod).toHaveProperty(`${SITE}/sitemap/`);
    expect(lastmod).toHaveProperty(`${SITE}/contact/`);
    // multi-year: 2023 states 发布日期 2024-02-01; 2022 states none but was corrected on 2024-03-01; 2021 has neither.
    expect(lastmod[`${SITE}/2023/`]).toMatch(/^2024-02-01/);
    expect(lastmod[`${SITE}/2023/section-1/`]).toMatch(/^2024-02-01/);
    expect(lastmod[`${SITE}/2022/`]).toMatch(/^2024-03-01/);
    expect(lastmod[`${SITE}/2021/`]).toBe('');
    expect(lastmod[`${SITE}/sitemap/`]).toBe('');
  });

  it('every link on the site resolves', () => {
    expect(brokenLinks(built.dist)).toEqual([]);
  });

  it('the build prints the audit’s findings about the content as warnings, and builds', () => {
    expect(built.output).toContain('【检查指标】');
    expect(built.output).toMatch(/reports\/2022\.mdx · 字段 publishedOn：【检查指标】/);
  });
});

describe('with every field configured, in a browser', () => {
  const served = servedSite(() => builtFixture('multi-year', inspectionBuild('full')));

  for (const width of [360, 1280]) {
    for (const path of ['', '2023/', 'contact/', 'sitemap/']) {
      it(`/${path} at ${width} px has no axe violations (header, footer, page)`, async () => {
        const context = await served.browser.newContext({ viewport: { width, height: 800 } });
        try {
          const p = await context.newPage();
          await p.goto(served.site.url + path);
          const { violations } = await runAxe(p, { tags: TAGS });
          expect(violationLines(violations)).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }
});

describe('with nothing configured but the names', () => {
  let pages: { path: string; $: CheerioAPI }[] = [];
  let output = '';
  beforeAll(async () => {
    const built = await builtFixture('multi-year', inspectionBuild('empty'));
    pages = builtPages(built.dist);
    output = built.output;
  });

  it('the build warns about the configuration as npm run check does, naming the file and field', () => {
    expect(output).toContain('tests/fixtures/inspection/empty.site.config.ts · 字段 footer.icp');
    expect(output).toContain('empty.site.config.ts · 字段 interaction');
  });

  it('no page shows a registration, the badge, the 上级网站 or any link but the site’s own 网站地图 and 无障碍声明', () => {
    for (const { path, $ } of pages) {
      expect($('.site-footer dl').length, path).toBe(0);
      expect($('.site-footer img').length, path).toBe(0);
      expect($('.parent-site').length, path).toBe(0);
      expect($('.footer-links a').map((_, a) => $(a).attr('href')).get(), path).toEqual(['/sitemap/', '/accessibility/']);
      expect($('meta[name="SiteIDCode"]').length, path).toBe(0);
    }
  });

  it('has no /contact/ page', () => {
    expect(pages.map((p) => p.path)).not.toContain('/contact/');
    expect(pages.map((p) => p.path)).toContain('/sitemap/');
  });
});

/** Runs one of the project's scripts on a content folder, as `npm run …` would. */
function run(script: string, contentDir: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, script), ...args], {
    cwd: ROOT,
    env: astroEnv({ CONTENT_DIR: contentDir, INIT_CWD: ROOT, ...env }),
    encoding: 'utf8',
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

const work = mkdtempSync(join(tmpdir(), 'fznb-inspection-'));

describe('importing a report with a 文号 under its title', () => {
  const content = join(work, 'imported');
  const source = join(work, '示例文号.txt');
  let imported = { status: 0 as number | null, out: '' };
  let dist = '';
  beforeAll(() => {
    mkdirSync(content, { recursive: true });
    writeFileSync(
      source,
      [
        '示例局2030年法治政府建设年度报告（测试）',
        '示例〔2031〕1号',
        '2030年,示例局(测试单位,本文全部为示例文字)坚持依法行政,现将有关情况报告如下:',
        '一、推进法治政府建设的主要举措和成效',
        '测试：主要举措（示例）。',
        '二、推进法治政府建设存在的不足和原因',
        '测试：存在的不足（示例）。',
        '三、党政主要负责人履行推进法治建设第一责任人职责情况',
        '测试：第一责任人（示例）。',
        '四、2031年度推进法治政府建设的主要安排',
        '测试：下一年度安排（示例）。',
        '示例局',
        '2031年1月10日',
      ].join('\n'),
    );
    imported = run('scripts/import.ts', content, [source]);
    const accepted = run('scripts/check.ts', content, ['--accept']);
    if (accepted.status !== 0) throw new Error(`npm run check -- --accept failed:\n${accepted.out}`);
    const built = buildSite({ CONTENT_DIR: content });
    if (built.status !== 0) throw new Error(`astro build failed:\n${built.output}`);
    dist = built.outDir;
  });

  it('the summary prints the 文号 and the report entry holds it verbatim, out of the preface', () => {
    expect(imported.status, imported.out).toBe(0);
    expect(imported.out).toContain('文号：示例〔2031〕1号');
    const read = parseEntryFile(readFileSync(join(content, 'reports/2030.mdx'), 'utf8'), 'reports/2030.mdx');
    if ('problem' in read) throw new Error(read.problem.message);
    expect(read.entry.frontmatter.documentNumber).toBe('示例〔2031〕1号');
    expect(read.entry.body).not.toContain('〔2031〕');
  });

  it('the report page shows it in the metadata block, after 成文日期', () => {
    const $ = page(dist, '2030/index.html');
    const labels = $('.doc-meta dt').map((_, d) => $(d).text()).get();
    expect(labels).toContain('文号');
    expect(labels.indexOf('文号')).toBeGreaterThan(labels.indexOf('成文日期'));
    expect($('.doc-meta div').filter((_, d) => $(d).find('dt').text() === '文号').find('dd').text()).toBe('示例〔2031〕1号');
  });
});

describe('npm run check and the audit', () => {
  const content = join(work, 'audited');
  beforeAll(() => {
    cpSync(join(FIXTURES_DIR, 'multi-year'), content, { recursive: true });
    // A draft year with what the audit looks for: published late, a bare link, an empty section.
    writeFileSync(
      join(content, 'reports/2024.mdx'),
      '---\nyear: 2024\ntitle: 示例局2024年法治政府建设年度报告（测试）\nagency: 示例局（测试）\nsignedOn: 2025-01-10\npublishedOn: 2025-04-10\ndraft: true\n---\n\n2024年，示例前言（测试）。\n',
    );
    mkdirSync(join(content, 'sections/2024'), { recursive: true });
    writeFileSync(
      join(content, 'sections/2024/01.mdx'),
      '---\nreport: 2024\norder: 1\nnumeral: 一\nheading: 示例举措（测试）\nitem: 主要举措和成效\n---\n\n示例正文，详见 https://www.example.gov.cn/test/ 。\n',
    );
    writeFileSync(join(content, 'sections/2024/02.mdx'), '---\nreport: 2024\norder: 2\nnumeral: 二\nheading: 示例不足（测试）\nitem: 存在的不足和原因\n---\n\n### (一)只有小标题\n');
  });

  it('prints each finding as a warning, naming file and field, and passes', () => {
    const r = run('scripts/check.ts', content, [], { SITE_CONFIG: INSPECTION_CONFIGS.empty });
    expect(r.status, r.out).toBe(0);
    for (const where of [
      'tests/fixtures/inspection/empty.site.config.ts · 字段 footer.siteCode',
      'empty.site.config.ts · 字段 footer.icp',
      'empty.site.config.ts · 字段 footer.police',
      'empty.site.config.ts · 字段 footer.badge',
      'empty.site.config.ts · 字段 interaction',
      'reports/2022.mdx · 字段 publishedOn：【检查指标】',
      'reports/2024.mdx · 字段 publishedOn：发布日期 2025-04-10 晚于规定',
      'sections/2024/01.mdx · 字段 第 9 行：【检查指标】链接只写了网址 https://www.example.gov.cn/test/',
      'sections/2024/02.mdx · 字段 正文：【检查指标】',
    ]) {
      expect(r.out).toContain(where);
    }
    expect(r.out).toContain('提醒（');
    // published-by-deadline is listed once, as the audit's.
    expect(r.out.split('晚于规定').length - 1).toBe(1);
  });

  it('fails on them with --strict, or with AUDIT_STRICT=1', () => {
    const strict = run('scripts/check.ts', content, ['--strict'], { SITE_CONFIG: INSPECTION_CONFIGS.empty });
    expect(strict.status, strict.out).toBe(1);
    expect(strict.out).toContain('内容检查未通过');
    expect(strict.out).toContain('字段 footer.icp');
    expect(run('scripts/check.ts', content, [], { SITE_CONFIG: INSPECTION_CONFIGS.empty, AUDIT_STRICT: '1' }).status).toBe(1);
  });

  it('with every field configured, finds nothing about the configuration', () => {
    const r = run('scripts/check.ts', content, [], { SITE_CONFIG: INSPECTION_CONFIGS.full });
    expect(r.status, r.out).toBe(0);
    expect(r.out).not.toMatch(/字段 footer\.|字段 interaction/);
  });

  it('npm run new writes the bureau of the configuration SITE_CONFIG names', () => {
    const r = run('scripts/new.ts', content, ['2031'], { SITE_CONFIG: INSPECTION_CONFIGS.full });
    expect(r.status, r.out).toBe(0);
    expect(readFileSync(join(content, 'reports/2031.mdx'), 'utf8')).toContain('agency: 示例局（测试）');
    rmSync(join(content, 'reports/2031.mdx'));
    rmSync(join(content, 'sections/2031'), { recursive: true });
  });

  it('refuses an unknown option in Chinese, naming --strict among those it knows', () => {
    const r = run('scripts/check.ts', content, ['--strcit']);
    expect(r.status).toBe(2);
    expect(r.out).toContain('不认识的选项 --strcit。是不是 --strict？');
  });
});
