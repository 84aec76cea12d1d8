/**
 * Numbers as people write and say them: 六十三人, 九十四点六分, 二〇二四年度, 百分之一百, 两千.
 * The reports print digits (63人, 94.6分, 2024年度, 100%), so a run of Chinese numerals in a
 * query is also searched as digits, and digits as Chinese numerals (20 → 二十, 2024 → 二〇二四),
 * both as alternatives beside what the reader typed. Reading and writing numerals is nzh's
 * (its simplified-Chinese module); a year said digit by digit (二〇二四) and 百分之 are read here.
 * The browser loads this module only for a query with a number in it (analyze.ts).
 */

/** A text's forms: itself, its numerals in digits and its digits in numerals, decimals with a zero more or less. */
export function numberForms(text: string, measures = ''): string[] {
  const out = new Set([text]);
  const digits = withDigits(text, measures);
  if (digits) out.add(digits);
  for (const t of [...out]) {
    const m = /^(\d+(?:\.\d+)?)(.*)$/u.exec(t);
    if (!m) continue;
    for (const d of decimalForms(m[1]!)) out.add(d + m[2]);
    if (!m[1]!.includes('.')) for (const n of digitsToNumerals(m[1]!)) out.add(n + m[2]);
  }
  return [...out];
}
import Nzh from 'nzh/cn';
import { NUMERAL_RUN } from './query.ts';
const DIGITS = '〇一二三四五六七八九';
const PLACES = /[十百千万亿]/u;

/** A run of Chinese numerals as digits (undefined when it is no number, as 点 alone). */
export function numeralToDigits(run: string): string | undefined {
  const percent = run.startsWith('百分之');
  const body = (percent ? run.slice(3) : run).replace(/两/g, '二').replace(/零/g, PLACES.test(run) ? '零' : '〇');
  if (!body || body.startsWith('点') || body.endsWith('点')) return undefined;
  let value: string;
  if (!PLACES.test(body)) {
    // Said digit by digit: 二〇二四, 九四点六.
    value = Array.from(body, (c) => (c === '点' ? '.' : String(DIGITS.indexOf(c)))).join('');
  } else {
    const n = Number(Nzh.decodeS(body));
    if (!Number.isFinite(n) || n === 0) return undefined;
    value = String(n);
  }
  if (/-1/.test(value)) return undefined;
  return percent ? `${value}%` : value;
}

/** Digits as Chinese numerals: by places (20 → 二十), and a four-digit year also digit by digit (2024 → 二〇二四). */
export function digitsToNumerals(digits: string): string[] {
  const out = new Set<string>();
  const n = Number(digits);
  if (!/^\d+(\.\d+)?$/.test(digits) || !Number.isFinite(n)) return [];
  out.add(Nzh.encodeS(n));
  if (/^\d{4}$/.test(digits)) out.add(Array.from(digits, (d) => DIGITS[Number(d)]).join(''));
  out.delete(digits);
  return [...out];
}

/**
 * The forms a decimal is printed in: 21.4 is printed 21.40, 94.60 may be printed 94.6. So
 * a decimal also matches with a trailing zero more or less.
 */
export function decimalForms(digits: string): string[] {
  const m = /^(\d+)\.(\d+)$/.exec(digits);
  if (!m) return [digits];
  const frac = m[2]!;
  const out = new Set([digits, `${m[1]}.${frac}0`]);
  if (frac.endsWith('0') && frac.length > 1) out.add(`${m[1]}.${frac.slice(0, -1)}`);
  return [...out];
}

/** A text with every numeral run in digits (六十三人 → 63人), or undefined when it has none to read; `measures`: the characters after which a lone numeral is a number. */
export function withDigits(text: string, measures = ''): string | undefined {
  let changed = false;
  const out = text.replace(NUMERAL_RUN, (run, at: number) => {
    // A lone numeral character is a word (一是, 统一, 二十大 keep theirs) unless a measure follows it (三场).
    if (Array.from(run).length < 2 && !measures.includes(text[at + run.length] ?? '-')) return run;
    const d = numeralToDigits(run);
    if (d === undefined) return run;
    changed = true;
    return d;
  });
  return changed ? out : undefined;
}
