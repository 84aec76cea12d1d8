/** Guesses staff confirm: the report's year and which required item each section reports on. */
import type { ItemName } from '../domain/items.ts';
import type { Block, YearSource } from './model.ts';

/**
 * Years a preface may name as the report's own. Narrower than a report year (isReportYear,
 * src/domain/layout.ts) on purpose: this picks a year out of free text, where an old date
 * (1949年) is history, not the report's year.
 */
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

/**
 * The first 'YYYY年' in the preface. A year that ends a range such as (2021-2025年) is
 * not the report's year, so a year right after a digit or a dash does not count.
 */
export function yearInPreface(preface: readonly Block[]): number | undefined {
  for (const b of preface) {
    if (b.kind !== 'line') continue;
    for (const m of b.text.matchAll(/(?<![\d\-－—–~～至到])(\d{4})\s*年/g)) {
      const y = Number(m[1]);
      if (y >= MIN_YEAR && y <= MAX_YEAR) return y;
    }
  }
  return undefined;
}

/** The report's year: from --year, else the preface, else the year before the signing. */
export function decideYear(
  option: number | undefined,
  preface: readonly Block[],
  signedOn: string,
): { year: number; source: YearSource } {
  if (option !== undefined) return { year: option, source: 'option' };
  const fromPreface = yearInPreface(preface);
  if (fromPreface !== undefined) return { year: fromPreface, source: 'preface' };
  return { year: Number(signedOn.slice(0, 4)) - 1, source: 'signature' };
}

/** Which of the five items a section's heading most likely reports on. */
export function guessItem(heading: string, year: number): ItemName {
  if (/不足|问题/.test(heading)) return '存在的不足和原因';
  if (/第一责任人|(主要负责人|主要领导).*职责/.test(heading)) return '第一责任人职责';
  if (/安排|计划|思路|打算|下一年|下一步|明年/.test(heading) || heading.includes(`${year + 1}年度`)) {
    return '下一年度主要安排';
  }
  if (/其他|其它/.test(heading)) return '其他需要报告的情况';
  return '主要举措和成效';
}
