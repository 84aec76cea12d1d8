/**
 * The five items a report must cover under 《法治政府建设与责任落实督察工作规定》
 * (厅字〔2019〕28号). `name` is what staff write in a section's `item` field; `slug`
 * is its stable URL form; the first four are mandatory in every published report.
 */
export const REQUIRED_ITEMS = [
  {
    name: '主要举措和成效',
    slug: 'measures',
    full: '推进法治政府建设的主要举措和成效',
    mandatory: true,
  },
  {
    name: '存在的不足和原因',
    slug: 'shortcomings',
    full: '推进法治政府建设存在的不足和原因',
    mandatory: true,
  },
  {
    name: '第一责任人职责',
    slug: 'first-responsibility',
    full: '党政主要负责人履行推进法治建设第一责任人职责情况',
    mandatory: true,
  },
  {
    name: '下一年度主要安排',
    slug: 'next-year',
    full: '下一年度推进法治政府建设的主要安排',
    mandatory: true,
  },
  {
    name: '其他需要报告的情况',
    slug: 'other',
    full: '其他需要报告的情况',
    mandatory: false,
  },
] as const;

export type RequiredItem = (typeof REQUIRED_ITEMS)[number];
export type ItemName = RequiredItem['name'];

/** The five names, for the schema's enum. (Pure: a bundle that does not use it drops it.) */
export const ITEM_NAMES = /* @__PURE__ */ REQUIRED_ITEMS.map((i) => i.name) as [ItemName, ...ItemName[]];

/** The item a section's `item` field names, if it is one of the five. */
export function itemByName(name: string): RequiredItem | undefined {
  return REQUIRED_ITEMS.find((i) => i.name === name);
}

/**
 * The mandatory items none of `covered` names, in the regulation's order: what a report (or
 * an import's guesses) still lacks. Empty when the four mandatory items are covered.
 */
export function missingMandatoryItems(covered: Iterable<string>): ItemName[] {
  const names = new Set(covered);
  return REQUIRED_ITEMS.filter((i) => i.mandatory && !names.has(i.name)).map((i) => i.name);
}
