/**
 * The build's worker hands each section page to the search index as Astro makes it
 * (indexWhileMade, src/integrations/search-index.ts). The search files must still be those of
 * the built pages: the same files when the built pages are the ones handed over, and the built
 * text, never the handed text, when a built page differs or was never built.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSearchFiles, indexWhileMade } from '../../src/integrations/search-index.ts';
import { pagefindPath } from '../../src/utils/routes.ts';
import { builtFixture } from '../helpers/fixtures.ts';

const quiet = { info: () => {} };
const MARK = '示例改动测试句';

let dist: string;
const folders: string[] = [];

/** A copy of the fixture's simplified pages, without its search files or 繁體 edition. */
function pagesCopy(): string {
  const out = mkdtempSync(join(tmpdir(), 'fznb-while-made-'));
  folders.push(out);
  cpSync(dist, out, { recursive: true, filter: (src) => !src.includes(`${pagefindPath.replace(/\/$/, '')}`) && !src.includes('zh-hant') });
  return out;
}

/** The section pages of a built site: their files (relative to it) and HTML. */
function sectionPages(out: string): [string, string][] {
  return readdirSync(out, { recursive: true, encoding: 'utf8' })
    .filter((f) => /^\d{4}\/[^/]+\/index\.html$/.test(f) && readFileSync(join(out, f), 'utf8').includes('data-pagefind-body'))
    .sort()
    .map((f) => [f, readFileSync(join(out, f), 'utf8')]);
}

/** Every search file of a built site, by path. */
function searchFiles(out: string): Map<string, string> {
  const root = join(out, pagefindPath);
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).sort();
  return new Map(files.map((f) => [f, readFileSync(join(root, f), 'utf8')]));
}

const holds = (files: Map<string, string>, text: string) => [...files.values()].some((json) => json.includes(text));

beforeAll(async () => {
  dist = (await builtFixture('multi-year')).dist;
});

afterAll(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

describe('section pages indexed while the pages are made', () => {
  it('give the very search files of the built pages when the built pages are the ones handed over', async () => {
    const plain = pagesCopy();
    await buildSearchFiles(plain, quiet);
    const early = pagesCopy();
    const sections = sectionPages(early);
    expect(sections.length).toBeGreaterThan(2);
    for (const [file, html] of sections) indexWhileMade(file, html);
    await buildSearchFiles(early, quiet);
    expect(searchFiles(early)).toEqual(searchFiles(plain));
  });

  it('are read again from the built site when one built page differs from the page handed over', async () => {
    const out = pagesCopy();
    const sections = sectionPages(out);
    for (const [file, html] of sections) indexWhileMade(file, html);
    const [file, html] = sections[1]!;
    const sentence = /<p>([^<]{8,})<\/p>/.exec(html.slice(html.indexOf('data-pagefind-body')))![1]!;
    writeFileSync(join(out, file), html.replace(sentence, MARK));
    await buildSearchFiles(out, quiet);
    const files = searchFiles(out);
    expect(holds(files, MARK)).toBe(true);
    expect(holds(files, sentence)).toBe(false);
  });

  it('never put a page into search that was handed over but not built', async () => {
    const out = pagesCopy();
    const [file, html] = sectionPages(out)[0]!;
    indexWhileMade('2099/section-1/index.html', html.replace(/<p>[^<]{8,}<\/p>/, `<p>${MARK}</p>`));
    indexWhileMade(file, html);
    await buildSearchFiles(out, quiet);
    expect(holds(searchFiles(out), MARK)).toBe(false);
  });
});
