/**
 * Questions about a report's structure and its years (intents.json): the five required items
 * are the one vocabulary every report shares, and each report's own year makes 今年 / 去年 /
 * 明年 mean something. Read as data so a bureau can extend it without touching code.
 */
import data from './intents.json' with { type: 'json' };
import { REQUIRED_ITEMS } from '../domain/items.ts';

/** Reader word → the names of the items it asks about. */
export const INTENT_ITEMS: ReadonlyMap<string, readonly string[]> = (() => {
  const out = new Map<string, string[]>();
  for (const [slug, words] of Object.entries(data.items)) {
    const item = REQUIRED_ITEMS.find((i) => i.slug === slug);
    if (!item) throw new Error(`intents.json: ${slug} is not a required item's slug`);
    for (const w of words) out.set(w, [...(out.get(w) ?? []), item.name]);
  }
  return out;
})();

/** Reader word → the year it names, relative to the report's own (明年: 1). */
export const RELATIVE_YEARS: ReadonlyMap<string, number> = new Map(Object.entries(data.years));

/** Every word intents.json reads. */
export const intentWords = (): Set<string> => new Set([...INTENT_ITEMS.keys(), ...RELATIVE_YEARS.keys()]);

/** The text a relative year word stands for in a report of `year`: 明年 in the 2023 report is 2024年. */
export const yearText = (year: number, offset: number) => `${year + offset}年`;
