/** A year's files are written all or none, and replaced only as a whole. */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { existing, plan, planYear, writeYear } from '../../src/importer/write.ts';
import { ImportError } from '../../src/importer/errors.ts';

const fresh = () => mkdtempSync(join(tmpdir(), 'fznb-write-'));
const sections = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => ({ name: `0${i + 1}.mdx`, text: `${tag} ${i + 1}\n` }));

/** Every file under a folder with its text, dot folders included. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = join(dir, f);
    try {
      out[f] = readFileSync(full, 'utf8');
    } catch {
      // a folder
    }
  }
  return out;
}

describe('writing a year', () => {
  it('writes the report and its sections, creating folders, leaving nothing else', () => {
    const dir = fresh();
    const p = plan(dir, 2030, 'report\n', sections(2, 'new'));
    expect(existing(p)).toEqual([]);
    writeYear(p, dir, { force: false });
    expect(tree(dir)).toEqual({ 'reports/2030.mdx': 'report\n', 'sections/2030/01.mdx': 'new 1\n', 'sections/2030/02.mdx': 'new 2\n' });
    expect(existing(p)).toEqual([p.reportFile, p.sectionsDir]);
  });

  it('refuses an existing year without force and changes nothing', () => {
    const dir = fresh();
    writeYear(plan(dir, 2030, 'old\n', sections(1, 'old')), dir, { force: false });
    const before = tree(dir);
    expect(() => writeYear(plan(dir, 2030, 'new\n', sections(1, 'new')), dir, { force: false, show: () => '某处' })).toThrow(
      new ImportError('2030 年的报告已经存在（某处、某处），没有写入任何文件。要用这份原文整体替换它，请加 --force；如果这是另一年的报告，请用 --year 指定年度。'),
    );
    expect(tree(dir)).toEqual(before);
  });

  it('counts a sections folder alone as an existing year', () => {
    const dir = fresh();
    mkdirSync(join(dir, 'sections/2030'), { recursive: true });
    expect(() => writeYear(plan(dir, 2030, 'new\n', sections(1, 'new')), dir, { force: false })).toThrow(ImportError);
  });

  it('with force replaces the sections as a whole: no stale file is left', () => {
    const dir = fresh();
    writeYear(plan(dir, 2030, 'old\n', sections(8, 'old')), dir, { force: false });
    writeFileSync(join(dir, 'reports/2029.mdx'), 'other year\n');
    writeYear(plan(dir, 2030, 'new\n', sections(2, 'new')), dir, { force: true });
    expect(tree(dir)).toEqual({
      'reports/2029.mdx': 'other year\n',
      'reports/2030.mdx': 'new\n',
      'sections/2030/01.mdx': 'new 1\n',
      'sections/2030/02.mdx': 'new 2\n',
    });
    expect(readdirSync(dir).sort()).toEqual(['reports', 'sections']); // no scratch folder left
  });

  it('puts the old files back when a step fails, and leaves no scratch folder', () => {
    const dir = fresh();
    writeYear(plan(dir, 2030, 'old\n', sections(3, 'old')), dir, { force: false });
    const before = tree(dir);
    for (const failAt of [1, 2, 3, 4]) {
      let calls = 0;
      const rename = (from: string, to: string) => {
        if (++calls === failAt) throw new Error(`disk full at step ${failAt}`);
        renameSync(from, to);
      };
      expect(() => writeYear(plan(dir, 2030, 'new\n', sections(1, 'new')), dir, { force: true, ops: { rename } })).toThrow(
        `disk full at step ${failAt}`,
      );
      expect(tree(dir), `failing at step ${failAt}`).toEqual(before);
      expect(readdirSync(dir).sort()).toEqual(['reports', 'sections']);
    }
  });

  it('writes nothing at all for a new year when a step fails', () => {
    const dir = fresh();
    let calls = 0;
    const rename = (from: string, to: string) => {
      if (++calls === 2) throw new Error('disk full');
      renameSync(from, to);
    };
    expect(() => writeYear(plan(dir, 2030, 'new\n', sections(2, 'new')), dir, { force: false, ops: { rename } })).toThrow('disk full');
    expect(tree(dir)).toEqual({});
    expect(existsSync(join(dir, 'sections/2030'))).toBe(false);
  });

  it('places a rendered year where the content layout says, written by the one renderer', () => {
    const dir = fresh();
    const p = planYear(dir, {
      year: 2030,
      title: '示例局2030年报告（测试）',
      agency: '示例局',
      signedOn: '2031-01-10',
      preface: [{ kind: 'line', text: '示例前言。' }],
      sections: [{ order: 1, numeral: '一', heading: '示例', item: '主要举措和成效', body: [{ kind: 'line', text: '示例正文。' }] }],
    });
    expect([p.reportFile, p.sectionsDir]).toEqual([`${dir}/reports/2030.mdx`, `${dir}/sections/2030`]);
    writeYear(p, dir, { force: false });
    expect(tree(dir)).toEqual({
      'reports/2030.mdx': '---\nyear: 2030\ntitle: 示例局2030年报告（测试）\nagency: 示例局\nsignedOn: 2031-01-10\n---\n\n示例前言。\n',
      'sections/2030/01.mdx': '---\nreport: 2030\norder: 1\nnumeral: 一\nheading: 示例\nitem: 主要举措和成效\n---\n\n示例正文。\n',
    });
  });
});
