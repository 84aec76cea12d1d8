/**
 * The head script pages load (src/scripts/prefs.js) is src/scripts/prefs.source.js minified,
 * and small: with the header search it must stay within 2 KB compressed before interaction
 * (tests/a11y/text-size.test.ts measures the pages). After editing the source, rebuild it:
 *   UPDATE_HEAD_SCRIPT=1 npm run test:unit -- tests/unit/head-script.test.ts
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { minifySync } from 'vite';

const DIR = join(import.meta.dirname, '../../src/scripts');
const source = readFileSync(join(DIR, 'prefs.source.js'), 'utf8');

function minified(): string {
  const out = minifySync('prefs.js', source, { compress: { target: 'es2015' } });
  if (out.errors.length) throw new Error(out.errors.map((e) => e.message).join('\n'));
  return `${out.code}\n`;
}

describe('the head script', () => {
  it('is prefs.source.js minified', () => {
    const expected = minified();
    if (process.env.UPDATE_HEAD_SCRIPT) writeFileSync(join(DIR, 'prefs.js'), expected);
    expect(readFileSync(join(DIR, 'prefs.js'), 'utf8'), 'src/scripts/prefs.js 与 prefs.source.js 不一致：请运行 UPDATE_HEAD_SCRIPT=1 npm run test:unit -- tests/unit/head-script.test.ts').toBe(expected);
  });

  it('is a classic script: no import or export statement, no newer syntax than ES2015 and import()', () => {
    const shipped = readFileSync(join(DIR, 'prefs.js'), 'utf8');
    expect(shipped).not.toMatch(/(^|[;}])\s*(import|export)\s*[{*\w]/);
    expect(shipped).not.toMatch(/\?\.|\?\?|catch\{|\*\*/);
  });

  it('stays under 700 bytes compressed, leaving the header search its share of 2 KB', () => {
    expect(gzipSync(readFileSync(join(DIR, 'prefs.js')), { level: 9 }).length).toBeLessThanOrEqual(700);
  });
});
