/** Every built page, of both editions (简体 and the 繁體 copies), is valid HTML (html-validate, recommended rules; .htmlvalidate.json). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { htmlFiles } from '../helpers/site';
import { ROOT } from '../helpers/build';
import { builtFixture, PORTAL, type BuildOptions, type FixtureName } from '../helpers/fixtures';

// The built site lives outside the project, so the project's config is loaded explicitly.
const config = JSON.parse(readFileSync(join(ROOT, '.htmlvalidate.json'), 'utf8'));
const validator = () => new HtmlValidate(new StaticConfigLoader(config));

const BUILDS: [FixtureName, BuildOptions][] = [
  ['multi-year', {}],
  ['multi-year', PORTAL],
  ['next-year', {}],
];

describe('html-validate', () => {
  it.each(BUILDS)('finds zero errors on every built page of %s %o', async (name, options) => {
    const { dist } = await builtFixture(name, options);
    const html = validator();
    const errors: string[] = [];
    const files = htmlFiles(dist, { traditional: true });
    expect(files.some((f) => relative(dist, f).startsWith('zh-hant/'))).toBe(true);
    expect(files.length).toBeGreaterThan(8);
    for (const file of files) {
      const report = await html.validateFile(file);
      for (const r of report.results) {
        for (const m of r.messages) errors.push(`${relative(dist, file)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
      }
    }
    expect(errors).toEqual([]);
  });

  it('would catch an error', async () => {
    const report = await validator().validateString('<!doctype html><html lang="zh-CN"><head><title>x</title></head><body><p><div></div></p></body></html>');
    expect(report.valid).toBe(false);
  });
});
