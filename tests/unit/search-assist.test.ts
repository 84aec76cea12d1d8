/** The browser side of the assist files, against files made by the build side (fetch stubbed). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { assistFiles } from '../../src/search/vocabulary';

const cut = (t: string) => t.split('|');
const READ: Record<string, string[]> = {
  优: ['you'], 待: ['dai'], 代: ['dai'], 证: ['zheng'], 金: ['jin'], 法: ['fa'], 律: ['lv'], 顾: ['gu'], 问: ['wen'], 文: ['wen'],
  正: ['zheng'], 社: ['she'], 会: ['hui', 'kuai'], 保: ['bao'], 普: ['pu'], 发: ['fa'], 宪: ['xian'], 示: ['shi'], 例: ['li'],
};
const readings = (c: string) => READ[c] ?? [];
const syllables = (w: string) => Array.from(w, (c) => readings(c)[0] ?? '');

let wordsOneAway: (term: string) => Promise<string[]>;

beforeEach(async () => {
  const files = assistFiles(['优待证|优待金|优待金|法律顾问|社会|社会|普法|宪法|示例'], { cut, syllables, toSimplified: (c) => c, readings, commonChars: Object.keys(READ) });
  vi.stubGlobal('fetch', async (url: string) => {
    const path = Object.keys(Object.fromEntries(files)).find((p) => url.endsWith(p));
    return path ? new Response(files.get(path)!) : new Response('', { status: 404 });
  });
  vi.resetModules();
  ({ wordsOneAway } = await import('../../src/search/assist'));
});
afterEach(() => vi.unstubAllGlobals());

describe('did you mean', () => {
  it('puts the site word that sounds the same first', async () => {
    expect((await wordsOneAway('法律顾文'))[0]).toBe('法律顾问');
    // 优待证 and 优待金 are both one away from 优待正; only 优待证 sounds the same.
    expect((await wordsOneAway('优待正'))[0]).toBe('优待证');
  });

  it('offers a two-character word only when it sounds the same', async () => {
    expect(await wordsOneAway('优代')).toEqual([]); // 优待 is no site word here: only 优待证/优待金 are
    expect(await wordsOneAway('普发')).toEqual(['普法']);
    expect(await wordsOneAway('社保')).toEqual([]);
  });

  it('offers nothing for a term far from every site word', async () => {
    expect(await wordsOneAway('驾驶证')).toEqual([]);
  });
});
