/**
 * A mistake in content stops `astro build` with a message that names the file, the field
 * and what was expected. Each case builds a copy of the real content with one mistake.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, ROOT } from '../helpers/build';

function contentWith(edits: Record<string, (text: string) => string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'fznb-content-'));
  cpSync(join(ROOT, 'src/content'), dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(dir, file);
    const before = readFileSync(path, 'utf8');
    const after = edit(before);
    if (after === before) throw new Error(`fixture edit changed nothing in ${file}`);
    writeFileSync(path, after);
  }
  return dir;
}

function failingBuild(edits: Record<string, (text: string) => string>) {
  const dir = contentWith(edits);
  const r = buildSite({ CONTENT_DIR: dir });
  expect(r.status, r.output).not.toBe(0);
  expect(existsSync(join(r.outDir, '2023/index.html'))).toBe(false);
  return { output: r.output, dir };
}

describe('npm run build refuses bad content', () => {
  it('a year written as 二〇二三', () => {
    const { output, dir } = failingBuild({ 'reports/2023.mdx': (t) => t.replace('year: 2023', 'year: 二〇二三') });
    expect(output).toContain(`${dir}/reports/2023.mdx`);
    expect(output).toContain('year: year（报告年度）应为四位阿拉伯数字年份，例如 year: 2023');
  });

  it('a malformed date', () => {
    const { output, dir } = failingBuild({ 'reports/2023.mdx': (t) => t.replace('signedOn: 2024-01-08', 'signedOn: 2024-1-8') });
    expect(output).toContain(`${dir}/reports/2023.mdx`);
    expect(output).toContain('signedOn（成文日期）应为 YYYY-MM-DD 格式的真实日期，例如 2024-01-08；收到 “2024-1-8”');
  });

  it('two sections of one year with the same order', () => {
    const { output } = failingBuild({
      'sections/2023/02.mdx': (t) => t.replace('order: 2', 'order: 1').replace('numeral: 二', 'numeral: 一'),
    });
    expect(output).toMatch(/sections\/2023\/02\.mdx · 字段 order：2023 年报告中有两部分的 order 都是 1（另一处：\S*sections\/2023\/01\.mdx）/);
  });

  it('a key figure its section does not print', () => {
    const { output } = failingBuild({ 'sections/2023/02.mdx': (t) => t.replace('value: "63"', 'value: "64"') });
    expect(output).toMatch(/sections\/2023\/02\.mdx · 字段 figures\[0\]\.value：主要数据“参加适应性培训”的数值“64”在本部分正文中找不到。主要数据只能照正文摘录/);
  });

  it('a key figure written as an unquoted decimal', () => {
    const { output } = failingBuild({ 'sections/2023/02.mdx': (t) => t.replace('value: "21.40"', 'value: 21.40') });
    expect(output).toContain('figures.7.value: value（数值）有小数时请加引号照正文写');
  });

  it('a section whose report does not exist', () => {
    const { output } = failingBuild({ 'sections/2023/03.mdx': (t) => t.replace('report: 2023', 'report: 2022') });
    expect(output).toMatch(/sections\/2023\/03\.mdx · 字段 report：找不到 2022 年的报告。已有报告：2023/);
  });
});
