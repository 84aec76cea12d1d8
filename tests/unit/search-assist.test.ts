/** Reading the assist files, against files made by the build side. */
import { describe, expect, it } from 'vitest';
import { assistFiles } from '../../src/search/vocabulary';
import { assist } from '../../src/search/assist';

const seg = { cut: (t: string) => t.split('|'), cutForSearch: (t: string) => t.split('|') };
const READ: Record<string, string[]> = {
  优: ['you'], 待: ['dai'], 代: ['dai'], 证: ['zheng'], 金: ['jin'], 法: ['fa'], 律: ['lv'], 顾: ['gu'], 问: ['wen'], 文: ['wen'],
  正: ['zheng'], 社: ['she'], 会: ['hui', 'kuai'], 保: ['bao'], 普: ['pu'], 发: ['fa'], 宪: ['xian'], 示: ['shi'], 例: ['li'],
};
const readings = (c: string) => READ[c] ?? [];
const syllables = (w: string) => Array.from(w, (c) => readings(c)[0] ?? '');
const files = assistFiles(['优待证|优待金|优待金|法律顾问|社会|社会|普法|宪法|示例'], { ...seg, syllables, readings, commonChars: Object.keys(READ) });
const { wordsOneAway, wordsForPinyin, readingsOf } = assist(async <T,>(path: string, missing?: T) => (files.has(path) ? (JSON.parse(files.get(path)!) as T) : missing!));

describe('did you mean', () => {
  it('puts the site word that sounds the same first', async () => {
    expect((await wordsOneAway('法律顾文'))[0]).toBe('法律顾问');
    // 优待证 and 优待金 are both one away from 优待正; only 优待证 sounds the same.
    expect((await wordsOneAway('优待正'))[0]).toBe('优待证');
  });

  it('offers a two-character word only when it sounds the same, and so any word when asked to', async () => {
    expect(await wordsOneAway('优代')).toEqual([]); // 优待 is no site word here: only 优待证/优待金 are
    expect(await wordsOneAway('普发')).toEqual(['普法']);
    expect(await wordsOneAway('社保')).toEqual([]);
    expect(await wordsOneAway('优待正', true)).toEqual(['优待证']);
  });

  it('offers nothing for a term far from every site word', async () => {
    expect(await wordsOneAway('驾驶证')).toEqual([]);
  });
});

describe('pinyin and readings', () => {
  it('finds site words by full pinyin and by initials; a character by its readings', async () => {
    expect(await wordsForPinyin('youdaizheng')).toEqual(['优待证']);
    expect(await wordsForPinyin('ydz')).toEqual(['优待证']);
    expect(await readingsOf('会')).toEqual(['hui', 'kuai']);
  });
});
