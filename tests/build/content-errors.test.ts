/**
 * A mistake in content stops `astro build` with a message that names the file, the field
 * and what was expected, before Astro reads an entry (src/integrations/content-check.ts runs
 * the check `npm run check` runs). Two cases prove the wiring, each a copy of the multi-year
 * fixture with one mistake: a schema error and a rule across entries. The messages themselves
 * are unit-tested word for word (tests/unit/schema.test.ts, tests/unit/rules/), and every
 * kind of bad edit is tried through both doors in tests/build/record.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite } from '../helpers/build';
import { FIXTURES_DIR } from '../helpers/fixtures';

function contentWith(edits: Record<string, (text: string) => string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'fznb-content-'));
  cpSync(join(FIXTURES_DIR, 'multi-year'), dir, { recursive: true });
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
  expect(existsSync(join(r.outDir, 'index.html'))).toBe(false);
  return { output: r.output, dir };
}

describe('npm run build refuses bad content', () => {
  it('a schema error: a year written as 二〇二二', () => {
    const { output, dir } = failingBuild({ 'reports/2022.mdx': (t) => t.replace('year: 2022', 'year: 二〇二二') });
    expect(output).toContain(`${dir}/reports/2022.mdx · 字段 year：year（报告年度）应为四位阿拉伯数字年份，例如 year: 2023（不要写成“二〇二三”等汉字）；收到 “二〇二二”`);
    expect(output).not.toMatch(/^\s+at /m);
  });

  it('a rule across entries: two sections of one year with the same order', () => {
    const { output } = failingBuild({
      'sections/2022/02.mdx': (t) => t.replace('order: 2', 'order: 1').replace('label: 二、', 'label: 一、'),
    });
    expect(output).toMatch(/sections\/2022\/02\.mdx · 字段 order：2022 年报告中有两部分的 order 都是 1（另一处：\S*sections\/2022\/01\.mdx）/);
  });
});
