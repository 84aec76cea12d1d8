/**
 * The one test of the real content (src/content), driven by the files there: every report
 * that has its source text kept in sources/YYYY.txt is published verbatim, and the content
 * passes `npm run check`. Adding a year adds a source file and nothing else; a fork with its
 * own bureau's reports passes as it is.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { astroEnv, ROOT } from '../helpers/build';
import { builtFixture, type BuiltFixture } from '../helpers/fixtures';
import { expectedSite, reportLines, sourceTexts } from '../helpers/expected';
import { page, textLines } from '../helpers/site';

const sources = sourceTexts(join(ROOT, 'sources'));
let built: BuiltFixture;
beforeAll(async () => {
  built = await builtFixture('real');
});

describe('the real content', () => {
  it('passes npm run check', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/check.ts')], { cwd: ROOT, env: astroEnv(), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^内容检查通过：/m);
    expect(r.status).toBe(0);
  });

  it('builds a page for every published report, carrying its entries’ text', () => {
    for (const r of expectedSite(built.contentDir).reports) {
      expect(textLines(page(built.dist, r.path), '.report .report-text'), r.path).toEqual(reportLines(r));
    }
  });

  it.each([...sources.keys()])('the %i report equals sources/%i.txt, line for line', (year) => {
    const $ = page(built.dist, `${year}/`);
    const lines = sources.get(year)!;
    // A title line printed in the source is the page's h1; the rest is the report's text.
    const text = lines[0] === $('h1').text() ? lines.slice(1) : lines;
    expect(textLines($, '.report .report-text')).toEqual(text);
  });
});
