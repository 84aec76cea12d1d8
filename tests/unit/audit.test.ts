/** The inspection self-audit (src/domain/audit.ts) on synthetic entries and configurations (示例/测试). */
import { describe, expect, it } from 'vitest';
import { audit, AUDIT_RULES, strictByEnv, unlabelledLinks, withoutAudited } from '../../src/domain/audit';
import { checkContent, contentView, type Entry } from '../../src/domain/check';
import { defineSiteConfig } from '../../src/domain/site';
import { REQUIRED_ITEMS } from '../../src/domain/items';
import type { ReportData, SectionData } from '../../src/domain/schema';

const report = (year: number, over: Partial<ReportData> = {}): Entry<ReportData> => ({
  id: String(year),
  filePath: `reports/${year}.mdx`,
  body: `${year}年，示例前言（测试）。`,
  data: { year, title: `示例局${year}年法治政府建设年度报告（测试）`, agency: '示例局', signedOn: `${year + 1}-01-08`, publishedOn: `${year + 1}-02-01`, draft: false, corrections: [], ...over },
});
const section = (year: number, order: number, item: SectionData['items'][number], body = '示例正文（测试）。'): Entry<SectionData> => ({
  id: `${year}/0${order}`,
  filePath: `sections/${year}/0${order}.mdx`,
  body,
  data: { report: String(year), order, label: `${['一', '二', '三', '四', '五'][order - 1]!}、`, heading: `示例${order}`, items: [item], figures: [] },
});
/** A year whose sections cover the four mandatory items. */
const fullYear = (year: number) => REQUIRED_ITEMS.filter((i) => i.mandatory).map((i, n) => section(year, n + 1, i.name));

const everything = defineSiteConfig({
  bureau: '示例局',
  siteName: '示例年报',
  footer: {
    siteCode: '示例0000000000',
    icp: '测ICP备00000000号',
    police: '测公网安备00000000000000号',
    badge: { image: 'favicon.svg', href: 'https://bszs.example.gov.cn/?id=TEST' },
  },
  interaction: { url: 'https://www.example.gov.cn/hdjl/', label: '咨询建言（示例）' },
});
const nothing = defineSiteConfig({ bureau: '示例局', siteName: '示例年报' });

const run = (reports: Entry<ReportData>[], sections: Entry<SectionData>[], site = everything, strict = false) =>
  audit({ view: contentView(reports, sections), site, configFile: 'site.config.ts' }, { strict });
const fields = (problems: { file: string; field: string }[]) => problems.map((p) => `${p.file} · ${p.field}`);

describe('the inspection self-audit', () => {
  it('is a list of named rules', () => {
    expect(AUDIT_RULES.map((r) => r.name)).toEqual([
      'registrations-set',
      'interaction-linked',
      'publication-date-known',
      'published-by-deadline',
      'item-pages-filled',
      'sections-have-text',
      'links-labelled',
    ]);
  });

  it('finds nothing when every registration is set and the content is complete', () => {
    expect(run([report(2023)], fullYear(2023))).toEqual([]);
  });

  it('names each unset registration and the missing 互动 channel, with the file and field to fill', () => {
    const found = run([report(2023)], fullYear(2023), nothing);
    expect(fields(found)).toEqual([
      'site.config.ts · footer.siteCode',
      'site.config.ts · footer.icp',
      'site.config.ts · footer.police',
      'site.config.ts · footer.badge',
      'site.config.ts · interaction',
    ]);
    expect(found.every((p) => p.warning && p.message.startsWith('【检查指标】'))).toBe(true);
    expect(found[1]!.message).toContain('请在 site.config.ts 的 footer.icp 填写');
    expect(found[4]!.message).toContain('单项否决');
  });

  it('skips the configuration’s rules when no configuration is given', () => {
    expect(audit({ view: contentView([report(2023)], fullYear(2023)), configFile: 'site.config.ts' })).toEqual([]);
  });

  it('asks a published report for its 发布日期, not a draft', () => {
    const found = run([report(2023, { publishedOn: undefined }), report(2024, { publishedOn: undefined, draft: true })], [...fullYear(2023), ...fullYear(2024)]);
    expect(fields(found)).toEqual(['reports/2023.mdx · publishedOn']);
    expect(found[0]!.message).toContain('视为不更新');
  });

  it('reuses published-by-deadline, and the content check’s copy of it is dropped so it is listed once', () => {
    const late = [report(2023, { publishedOn: '2024-04-01' })];
    const found = run(late, fullYear(2023));
    expect(fields(found)).toEqual(['reports/2023.mdx · publishedOn']);
    expect(found[0]!.message).toContain('4 月 1 日前');
    const content = checkContent(late, fullYear(2023));
    expect(content.some((p) => p.message === found[0]!.message)).toBe(true);
    expect(withoutAudited(content, found).some((p) => p.message === found[0]!.message)).toBe(false);
  });

  it('counts a mandatory item no standing report covers as an empty item page; the optional item is not counted', () => {
    const found = run([report(2023, { withdrawn: { date: '2024-06-01', reason: '示例（测试）' } })], fullYear(2023));
    expect(found.map((p) => p.message.match(/items\/[a-z-]+/)?.[0])).toEqual(
      REQUIRED_ITEMS.filter((i) => i.mandatory).map((i) => `items/${i.slug}`),
    );
    expect(found.every((p) => p.file === 'reports/' && p.field === 'item')).toBe(true);
  });

  it('finds a section with no text, headings and comments not counting as text', () => {
    const sections = [...fullYear(2023), section(2023, 5, '其他需要报告的情况', '### (一)示例小标题\n\n{/* 示例注释 */}\n')];
    expect(fields(run([report(2023)], sections))).toEqual(['sections/2023/05.mdx · 正文']);
    expect(run([report(2023)], sections)[0]!.message).toBe('【检查指标】这一部分（五、示例5）没有正文，页面会是空的。请照原文写入正文，或删掉这一部分并调整其余部分的 order');
  });

  it('does not advise deleting an empty section of a report already in the record: that is a correction', () => {
    const sections = [...fullYear(2023), section(2023, 5, '其他需要报告的情况', '### (一)示例小标题\n')];
    const view = contentView([report(2023)], sections, { recorded: new Set([2023]) });
    expect(audit({ view, site: everything, configFile: 'site.config.ts' }).map((p) => p.message)).toEqual([
      '【检查指标】这一部分（五、示例5）没有正文，页面会是空的。请照原文写入正文。2023 年报告已经发布，只能公开地改：误改的，请用 git 找回（例如 git checkout -- sections/2023/05.mdx）；确要这样改的，请在 corrections 中加一条更正说明（date: 更正日期，note: 改了什么、为什么），然后运行 npm run check -- --accept',
    ]);
  });

  it('finds links out of the site shown as a bare address, with the line', () => {
    const body = '示例正文。\n\n见 [https://www.example.gov.cn/a](https://www.example.gov.cn/a) 和 <https://example.gov.cn/b>。\n\n另见 https://example.gov.cn/c，以及 [示例网站（测试）](https://example.gov.cn/d)。';
    const sections = [section(2023, 1, '主要举措和成效', body), ...fullYear(2023).slice(1)];
    const found = run([report(2023)], sections);
    expect(fields(found)).toEqual(['sections/2023/01.mdx · 第 3 行', 'sections/2023/01.mdx · 第 3 行', 'sections/2023/01.mdx · 第 5 行']);
    // Read from a file, the line is the file's, frontmatter counted.
    const raw = `---\nreport: 2023\n---\n${body}`;
    const fromFile = run([report(2023)], [{ ...sections[0]!, raw }, ...sections.slice(1)]);
    expect(fields(fromFile)).toEqual(['sections/2023/01.mdx · 第 6 行', 'sections/2023/01.mdx · 第 6 行', 'sections/2023/01.mdx · 第 8 行']);
    expect(found[2]!.message).toContain('[链接到的网站或文件的名称](https://example.gov.cn/c)');
  });

  it('reads unlabelled links out of one line', () => {
    expect(unlabelledLinks('见[示例](https://example.gov.cn/x)。')).toEqual([]);
    expect(unlabelledLinks('见 https://example.gov.cn/x。')).toEqual(['https://example.gov.cn/x']);
    expect(unlabelledLinks('[ https://example.gov.cn/y ](https://example.gov.cn/y)')).toEqual(['https://example.gov.cn/y']);
    expect(unlabelledLinks('www{""}.example.com 是照原文印出的文字')).toEqual([]);
  });

  it('makes every finding an error when strict, by option or by AUDIT_STRICT', () => {
    const found = run([report(2023)], fullYear(2023), nothing, true);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((p) => !p.warning)).toBe(true);
    expect([strictByEnv({ AUDIT_STRICT: '1' }), strictByEnv({ AUDIT_STRICT: 'true' }), strictByEnv({}), strictByEnv({ AUDIT_STRICT: '0' })]).toEqual([true, true, false, false]);
  });
});
