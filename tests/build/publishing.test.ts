/**
 * The staff's publishing commands as they run them, on copies of the multi-year fixture whose
 * reports have been published (their digests accepted): npm run new, npm run check (and
 * --accept), drafts kept out of production, corrections shown on the report page.
 */
import type { RecordFile } from '../../src/domain/record';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import site from '../../site.config.ts';
import { astroEnv, buildSite, ROOT } from '../helpers/build';
import { page } from '../helpers/site';
import { builtFixture, EDIT_URL, FIXTURES_DIR, inspectionBuild, runScript } from '../helpers/fixtures';
import { expectedSite } from '../helpers/expected';
import { loadContent } from '../../scripts/lib/content.ts';
import { sectionFile } from '../../src/domain/layout.ts';

/** A copy of the multi-year fixture, its reports published: `npm run check -- --accept` has recorded them. */
function copyOfContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fznb-publish-'));
  cpSync(join(FIXTURES_DIR, 'multi-year'), dir, { recursive: true });
  runScript('scripts/check.ts', ['--accept'], dir);
  return dir;
}

function npmScript(script: string, args: string[], contentDir: string) {
  const r = spawnSync(process.execPath, [join(ROOT, `scripts/${script}.ts`), ...args], {
    cwd: ROOT,
    env: astroEnv({ CONTENT_DIR: contentDir }),
    encoding: 'utf8',
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

const edit = (file: string, from: string, to: string) => {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${from} not in ${file}`);
  writeFileSync(file, text.replace(from, to));
};

describe('npm run check', () => {
  it('passes on published content, saying what it checked', () => {
    const dir = copyOfContent();
    const { reports, sections } = loadContent(dir);
    const r = npmScript('check', [], dir);
    expect(r.err).toBe('');
    // A copy outside git: the check says it could not verify the record's history.
    expect(r.out).toContain('无法核对发布记录的历史');
    expect(r.out.trim().split('\n').at(-1)).toBe(`内容检查通过：${reports.length} 份报告，${sections.length} 个部分。`);
    expect(r.status).toBe(0);
  });

  it('names the file, the field and the fix for a schema violation, with no stack trace', () => {
    const dir = copyOfContent();
    edit(join(dir, 'sections/2023/04.mdx'), 'items: [存在的不足和原因]', 'items: [不足]');
    const r = npmScript('check', [], dir);
    expect(r.status).toBe(1);
    expect(r.out).toContain('sections/2023/04.mdx · 字段 items.0：items（报告事项）应为以下之一');
    expect(r.out).toContain('没有哪一部分的 items 包括：存在的不足和原因');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('fails when published text changes without a correction, until one is added and accepted', () => {
    const dir = copyOfContent();
    const section = join(dir, 'sections/2023/02.mdx');
    edit(section, '受理示例优待证申请约20人', '受理示例优待证申请约25人');
    // The key figure taken from that sentence must follow the text, or the check stops there.
    let r = npmScript('check', [], dir);
    expect(r.status).toBe(1);
    expect(r.out).toContain('sections/2023/02.mdx · 字段 figures[0].value：主要数据“受理优待证申请”的数值“约20”在本部分正文中找不到');
    edit(section, 'value: "20"', 'value: "25"');
    r = npmScript('check', [], dir);
    expect(r.status).toBe(1);
    expect(r.out).toContain('reports/2023.mdx · 字段 corrections：2023 年报告已经发布，以下内容有改动，却没有新的更正说明：正文');

    r = npmScript('check', ['--accept'], dir);
    expect(r.status).toBe(1);

    edit(join(dir, 'reports/2023.mdx'), 'signedOn: 2024-01-10\n', 'signedOn: 2024-01-10\ncorrections:\n  - date: 2024-03-01\n    note: 示例更正：优待证申请人数\n');
    r = npmScript('check', [], dir);
    expect(r.status).toBe(1);
    expect(r.out).toContain('请运行 npm run check -- --accept');

    r = npmScript('check', ['--accept'], dir);
    expect(r.status).toBe(0);
    expect(r.out).toContain('已记入发布记录：2023 年');
    const entries = (JSON.parse(readFileSync(join(dir, 'published-digests.json'), 'utf8')) as RecordFile).entries;
    expect(entries.filter((e) => e.event === 'correct' && e.year === 2023).map((e) => ({ year: e.year, date: e.date, note: e.note }))).toEqual([
      { year: 2023, date: '2024-03-01', note: '示例更正：优待证申请人数' },
    ]);
    expect(npmScript('check', [], dir).status).toBe(0);

    // The corrected report shows 最后更新 and its correction history.
    const built = buildSite({ CONTENT_DIR: dir });
    expect(built.status, built.output).toBe(0);
    const $ = page(built.outDir, '/2023/');
    expect($('.doc-meta div').map((_, d) => $(d).text()).get()).toContain('最后更新2024-03-01');
    expect($('#corrections li').text()).toBe('2024-03-01：示例更正：优待证申请人数');
  });
});

describe('npm run new and drafts', () => {
  it('scaffolds a draft with one section per required item, refuses an existing year, and the draft stays out of production', () => {
    const dir = copyOfContent();
    const years = expectedSite(dir).reports.length;
    const r = npmScript('new', ['2024'], dir);
    expect(r.status, r.err).toBe(0);
    expect(readdirSync(join(dir, 'sections/2024'))).toEqual(['01.mdx', '02.mdx', '03.mdx', '04.mdx', '05.mdx']);
    const report = readFileSync(join(dir, 'reports/2024.mdx'), 'utf8');
    expect(report).toContain('draft: true');
    expect(report).toContain(`title: ${site.bureau}2024年法治政府建设年度报告`);
    expect(readFileSync(join(dir, 'sections/2024/04.mdx'), 'utf8')).toContain('heading: 2025年度推进法治政府建设的主要安排');

    const again = npmScript('new', ['2024'], dir);
    expect(again.status).toBe(1);
    expect(again.err).toContain('2024 年的报告已经有了，没有改动任何文件');

    for (const bad of ['二〇二四', '0999']) expect(npmScript('new', [bad], dir).err).toContain('用法：npm run new -- <年度>');

    const check = npmScript('check', [], dir);
    expect(check.out).toContain('（草稿：2024 年，不会发布）');
    expect(check.status).toBe(0);

    const built = buildSite({ CONTENT_DIR: dir });
    expect(built.status, built.output).toBe(0);
    expect(existsSync(join(built.outDir, '2024'))).toBe(false);
    expect(page(built.outDir, '/').html()).not.toContain('2024年法治政府建设年度报告');
    expect(page(built.outDir, '/search/')('#search-year option').length).toBe(years + 1);
  });
});

describe('在仓库中编辑', () => {
  it('links each section page to its source file when the repository is configured', async () => {
    const built = await builtFixture('multi-year', inspectionBuild('full'));
    for (const s of expectedSite(built.contentDir).reports.flatMap((r) => r.sections)) {
      expect(page(built.dist, s.path)('.edit-link a').attr('href')).toBe(`${EDIT_URL}${sectionFile(s.year, s.data.order, 'tests/fixtures/multi-year')}`);
    }
  });
});
