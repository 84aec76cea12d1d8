import { describe, expect, it } from 'vitest';
import { nearWords, THESAURUS } from '../../src/search/thesaurus';

describe('the thesaurus', () => {
  it('puts the report word in place of a reader word, inside longer terms too', () => {
    const t = [{ report: '法治', readers: ['法制'] }];
    expect(nearWords('法制', t)).toEqual(['法治']);
    expect(nearWords('法制宣传', t)).toEqual(['法治宣传']);
    expect(nearWords('示例', t)).toEqual([]);
  });

  it('has entries that are well formed: report words are not their own reader words, none repeated', () => {
    const readers = THESAURUS.flatMap((e) => e.readers);
    expect(new Set(readers).size).toBe(readers.length);
    for (const e of THESAURUS) {
      expect(e.report.length).toBeGreaterThan(0);
      expect(e.readers).not.toContain(e.report);
      expect(e.readers.length).toBeGreaterThan(0);
    }
  });

  it('covers the domain words citizens ask about', () => {
    const reports = new Set(THESAURUS.map((e) => e.report));
    for (const w of ['退役军人', '信访', '就业', '优抚', '法治']) expect(reports).toContain(w);
  });
});
