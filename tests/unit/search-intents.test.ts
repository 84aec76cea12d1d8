import { describe, expect, it } from 'vitest';
import { INTENT_ITEMS, RELATIVE_YEARS, yearText } from '../../src/search/intents';
import { REQUIRED_ITEMS } from '../../src/domain/items';
import { readerWords } from '../../src/search/thesaurus';

describe('intents.json', () => {
  it('keys each structure word on a required item, each word on one item only', () => {
    const names = new Set<string>(REQUIRED_ITEMS.map((i) => i.name));
    for (const [word, items] of INTENT_ITEMS) {
      expect(items.every((i) => names.has(i)), word).toBe(true);
      expect(items, word).toHaveLength(1);
    }
    expect(INTENT_ITEMS.get('短板')).toEqual(['存在的不足和原因']);
  });

  it('reads relative years against a report’s own year', () => {
    expect(RELATIVE_YEARS.get('明年')).toBe(1);
    expect(RELATIVE_YEARS.get('去年')).toBe(-1);
    expect(yearText(2023, RELATIVE_YEARS.get('明年')!)).toBe('2024年');
  });

  it('shares no word with the thesaurus’s reader words', () => {
    const readers = readerWords();
    for (const w of [...INTENT_ITEMS.keys(), ...RELATIVE_YEARS.keys()]) expect(readers.has(w), w).toBe(false);
  });
});
