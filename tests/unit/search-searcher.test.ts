/**
 * Search's real path, in memory: the search files made from synthetic units with the build's
 * own tools (jieba, pinyin-pro, OpenCC, stopwords-iso: site-files.ts), read by the searcher the
 * browser uses (searcher.ts → analyze.ts → engine.ts). Expected units are named by their text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { searchFiles } from '../../src/search/site-files';
import { siteTools } from '../../src/search/build-tools';
import { searcher, type SearchOutcome } from '../../src/search/searcher';
import type { UnitSource } from '../../src/search/fragments';

const UNITS: UnitSource[] = [
  {
    url: '/2023/section-1/',
    title: '一、示例举措：测试服务保障',
    content: '示例局在2023年受理示例优待证申请约20人。举办示例专场招聘会2场，提供岗位400个；发放测试救助资金约8.30万元。',
    year: 2023,
    items: ['主要举措和成效'],
    order: 1,
  },
  { url: '/2023/section-2/', title: '二、存在的不足和原因', content: '示例宣传方式比较单一，测试覆盖面不够广。', year: 2023, items: ['存在的不足和原因'], order: 2 },
  { url: '/2023/section-3/', title: '三、2024年度示例安排', content: '2024年，示例局将开展测试普法进社区活动。', year: 2023, items: ['下一年度主要安排'], order: 3 },
  { url: '/2023/section-4/', title: '四、示例负责人履行第一责任人职责', content: '示例局主要负责人主持测试专题会议3次。', year: 2023, items: ['第一责任人职责'], order: 4 },
  { url: '/2022/section-1/', title: '一、示例举措：测试就业服务', content: '示例局在2022年举办测试招聘会1场，示例优待证发放工作有序开展。', year: 2022, items: ['主要举措和成效'], order: 1 },
  { url: '/2022/#preface', title: '前言', content: '这是示例局2022年的测试前言。', year: 2022, items: [], order: 0 },
];

let site: ReturnType<typeof searcher>;
let urls: string[];

beforeAll(async () => {
  const files = searchFiles(UNITS, siteTools());
  site = searcher(async <T,>(path: string, missing?: T) => {
    const json = files.get(path);
    if (json === undefined) {
      if (missing !== undefined) return missing;
      throw new Error(`404 ${path}`);
    }
    return JSON.parse(json) as T;
  });
  const ix = await site.loadIndex();
  urls = await Promise.all(ix.units.map(async (u) => (await site.text(u, 'hans')).url));
});

const first = (o: SearchOutcome) => (o.hits[0] ? urls[o.hits[0].n] : undefined);
const listed = (o: SearchOutcome) => o.hits.map((h) => urls[h.n]);
/** The unit whose text holds every one of these. */
const holding = (...texts: string[]) => {
  const found = UNITS.filter((u) => texts.every((t) => (u.title + u.content).includes(t)));
  expect(found).toHaveLength(1);
  return found[0]!.url;
};

describe('queries as citizens type and speak them', () => {
  it('a spoken question with chatter and question words', async () => {
    const o = await site.search('麻烦问下咱们这里示例优待证怎么申请的呀');
    expect(first(o)).toBe(holding('示例优待证申请'));
  });

  it('a particle stuck to a word', async () => {
    expect(first(await site.search('测试招聘会办了吗'))).toBe(holding('测试招聘会'));
  });

  it('Chinese numerals read as the digits the text prints', async () => {
    expect(first(await site.search('二十人申请'))).toBe(holding('20人'));
    expect(first(await site.search('八点三万元'))).toBe(holding('8.30万元'));
    expect(first(await site.search('二〇二四年度安排'))).toBe(holding('2024年度'));
  });

  it('mixed script and pinyin with tone marks or spaces', async () => {
    expect(first(await site.search('2023年优待证'))).toBe(holding('2023年', '优待证'));
    expect(first(await site.search('yōudàizhèng'))).toBe(holding('2023年', '优待证'));
    expect(first(await site.search('zhuan chang'))).toBe(holding('专场'));
  });

  it('a typo inside a long question, offered as such', async () => {
    const o = await site.search('请问示例优待症怎么申请');
    expect(first(o)).toBe(holding('示例优待证申请'));
    expect(o.suggestion).toContain('优待证');
  });

  it('a year relative to each report: the 2023 report’s 明年 is its 2024 plan', async () => {
    expect(first(await site.search('明年有什么打算'))).toBe(holding('2024年度示例安排'));
  });

  it('a question about the report’s structure finds the section of that item', async () => {
    expect(first(await site.search('有什么短板'))).toBe(holding('存在的不足和原因'));
    expect(first(await site.search('谁牵头'))).toBe(holding('第一责任人职责'));
  });
});

describe('words found nowhere', () => {
  it('never empty the page: the rest of the query is answered and the word is named', async () => {
    const o = await site.search('示例优待证 社保卡');
    expect(o.missing).toEqual(['社保卡']);
    expect(o.hits.length).toBeGreaterThan(0);
    // No result lists a unit holding none of the reader's words.
    for (const url of listed(o)) expect(UNITS.find((u) => u.url === url)!.content).toContain('优待证');
  });

  it('a noun character stuck to a site word makes the word the reader means, named when the site does not print it', async () => {
    const o = await site.search('救助金怎么领');
    expect(o.missing).toContain('救助金');
    expect(first(o)).toBe(holding('救助资金'));
  });

  it('a query of only missing words lists nothing', async () => {
    const o = await site.search('社保卡 驾驶证');
    expect(o.hits).toEqual([]);
    expect(o.missing).toEqual(['社保卡', '驾驶证']);
  });

  it('an exact search takes the query’s parts as typed', async () => {
    expect((await site.search('示例优待症', {}, { exact: true })).hits).toEqual([]);
    expect((await site.search('示例优待症')).hits.length).toBeGreaterThan(0);
  });
});

describe('ranking, filters and counts', () => {
  it('ranks by whole-term occurrences, newest first on request, and filters by year and item while counting all', async () => {
    const all = await site.search('示例优待证');
    expect(listed(all).sort()).toEqual([holding('示例优待证申请'), holding('示例优待证发放')].sort());
    expect((await site.search('示例优待证', { sort: 'newest' })).hits.map((h) => h.year)).toEqual([2023, 2022]);
    const in2022 = await site.search('示例优待证', { year: 2022 });
    expect(listed(in2022)).toEqual([holding('示例优待证发放')]);
    expect([...in2022.counts.year].sort()).toEqual([
      [2022, 1],
      [2023, 1],
    ]);
    expect((await site.search('示例优待证', { item: '存在的不足和原因' })).hits).toEqual([]);
  });

  it('a partial match is said so; a full one is complete', async () => {
    const partial = await site.search('专场 就业');
    expect(partial.partial).toBe(true);
    expect(partial.hits.length).toBeGreaterThan(0);
    const full = await site.search('测试招聘会');
    expect(full.complete).toBe(true);
    expect(listed(full)).toEqual([holding('测试招聘会')]);
  });
});
