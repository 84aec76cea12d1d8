/**
 * A report's 版本记录, after a correction made the documented way (edit the text, add a dated
 * corrections entry, npm run check -- --accept, commit): the page shows the correction, newest
 * first, with the old sentence and the new one marked by word and by <del>/<ins>; the RSS feed
 * and open data (/data/changes.json, valid against its schema) carry it. Where git does not hold
 * the earlier text (the content outside git), the page says so instead of guessing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
import { astroEnv, buildSite, ROOT } from '../helpers/build';
import { commit, committedSite, edit } from '../helpers/committed';
import { page } from '../helpers/site';
import { validator } from '../helpers/json-schema';
import type { ChangesData } from '../../src/domain/open-data';

const NOTE = '示例更正：第一部分中的普法活动场次（测试）';
/** Later than any correction the fixture already carries, so this one is the newest. */
const DATE = '2024-06-01';

/** The report entry with one more dated corrections entry, after any it already lists. */
function addCorrection(file: string): void {
  const entry = `  - date: ${DATE}\n    note: ${NOTE}\n`;
  if (/^corrections:$/m.test(readFileSync(file, 'utf8'))) edit(file, /^(corrections:\n(?: .*\n)*)/m, `$1${entry}`);
  else edit(file, /^(signedOn: .+\n)/m, `$1corrections:\n${entry}`);
}

/** The first sentence of a section's text that holds a figure, as the fixture prints it. */
function correct(content: string): { before: string; after: string } {
  const file = join(content, 'sections/2022/01.mdx');
  const sentence = /[^。\n]*普法活动4场[^。\n]*。/.exec(readFileSync(file, 'utf8'))![0];
  const after = sentence.replace('普法活动4场', '普法活动6场');
  edit(file, sentence, after);
  edit(file, 'value: "4"', 'value: "6"');
  addCorrection(join(content, 'reports/2022.mdx'));
  const accepted = spawnSync(process.execPath, [join(ROOT, 'scripts/check.ts'), '--accept'], { cwd: ROOT, env: astroEnv({ CONTENT_DIR: content }), encoding: 'utf8' });
  if (accepted.status !== 0) throw new Error(accepted.stdout + accepted.stderr);
  commit(content, '更正 2022 年报告（测试）');
  return { before: sentence, after };
}

let dist: string;
let changed: { before: string; after: string };

beforeAll(() => {
  const content = committedSite();
  changed = correct(content);
  const built = buildSite({ CONTENT_DIR: content });
  if (built.status !== 0) throw new Error(built.output);
  dist = built.outDir;
});

describe('the 版本记录 of a corrected report', () => {
  it('lists the correction first, dated, with its note, then the publication', () => {
    const $ = page(dist, '/2022/history/');
    expect($('h1').text()).toBe('2022年报告的版本记录');
    const entries = $('.history-entry');
    expect(entries.first().find('h2').text()).toBe(`${DATE} 更正`);
    expect(entries.first().find('.history-note').text()).toBe(NOTE);
    expect(entries.last().find('h2').text()).toContain('发布');
    expect($('.breadcrumbs a').map((_, a) => $(a).attr('href')).get()).toEqual(['/', '/2022/']);
  });

  it('marks the sentence taken out and the one put in, by word and by del/ins', () => {
    const change = page(dist, '/2022/history/')('.history-entry').first().find('.history-change');
    expect(change.find('.history-removed').text()).toBe(`删去：${changed.before}`);
    expect(change.find('del').text()).toBe(changed.before);
    expect(change.find('.history-added').text()).toBe(`新增：${changed.after}`);
    expect(change.find('ins').text()).toBe(changed.after);
  });

  it('names the key figure that changed with it', () => {
    const fields = page(dist, '/2022/history/')('.history-entry').first().find('.history-fields li').map((_, li) => li.children.map((c) => ('data' in c ? c.data : '')).join('')).get();
    expect(fields.join('\n')).toContain('主要数据（law-outreach-events）：由“第一部分 普法活动：4场”改为“第一部分 普法活动：6场”');
  });

  it('is linked from the report’s 更正记录 and its record fingerprint, and listed in the 网站地图', () => {
    const $ = page(dist, '/2022/');
    expect($('#corrections a').attr('href')).toBe('/2022/history/');
    expect($('.record-fingerprint a').attr('href')).toBe('/2022/history/');
    expect(page(dist, '/sitemap/')('a[href="/2022/history/"]').length).toBe(1);
  });

  it('the feed carries the correction, dated, linking to its entry', () => {
    const $ = load(readFileSync(join(dist, 'feed.xml'), 'utf8'), { xml: true });
    const item = $('item').filter((_, i) => $(i).find('title').text().startsWith('更正：')).first();
    expect(item.find('title').text()).toBe(`更正：示例局2022年法治政府建设年度报告（测试数据）（${DATE}）`);
    expect(item.find('link').text()).toMatch(/^\/2022\/history\/#entry-[0-9a-f]{16}$/);
    expect(item.find('description').text()).toBe(NOTE);
    expect(new Date(item.find('pubDate').text()).toISOString().slice(0, 10)).toBe(DATE);
  });

  it('open data carries it, valid against its schema', () => {
    const data = JSON.parse(readFileSync(join(dist, 'data/changes.json'), 'utf8')) as ChangesData;
    const schema = JSON.parse(readFileSync(join(dist, 'data/changes.schema.json'), 'utf8'));
    expect(validator(schema)(data)).toEqual([]);
    const entry = data.reports.find((r) => r.year === 2022)!.entries[0]!;
    expect(entry).toMatchObject({ event: 'correct', date: DATE, note: NOTE, sentences: [{ removed: [changed.before], added: [changed.after] }] });
  });
});

describe('without the earlier text in git', () => {
  it('says that the earlier version cannot be shown, instead of guessing', () => {
    const content = committedSite();
    correct(content);
    const outside = mkdtempSync(join(tmpdir(), 'fznb-history-nogit-'));
    cpSync(content, outside, { recursive: true });
    const built = buildSite({ CONTENT_DIR: outside });
    expect(built.status, built.output).toBe(0);
    const entry = page(built.outDir, '/2022/history/')('.history-entry').first();
    expect(entry.find('.history-unknown').text()).toBe('这一版的全文无法取得：网站不是从 git 仓库构建的，只有发布记录中的摘要。');
    expect(entry.find('del, ins').length).toBe(0);
  });
});
