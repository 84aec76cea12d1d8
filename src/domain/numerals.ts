/**
 * Chinese numerals: as printed in section headings and dates (一、二、… 十一、…), for 1–99, and
 * digit by digit, as a year is written (二〇二五年).
 */
const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) {
    throw new RangeError(`只支持 1–99 的序号，收到 ${n}`);
  }
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : DIGITS[tens]) + '十' + (ones ? DIGITS[ones] : '');
}

/** Inverse of toChineseNumeral; undefined for anything that is not such a numeral. */
export function parseChineseNumeral(s: string): number | undefined {
  for (let n = 1; n <= 99; n++) if (toChineseNumeral(n) === s) return n;
  return undefined;
}

/** The digits a year may be written in, one character each: 〇 ○ 零 and the letter or digit 0 as printed. */
const DIGIT_OF: Readonly<Record<string, number>> = { 〇: 0, '○': 0, 零: 0, Ｏ: 0, O: 0, '0': 0, '０': 0, ...Object.fromEntries(DIGITS.slice(1).map((d, i) => [d, i + 1])) };

/** A number written digit by digit (二〇二五, 二0二五) as its value; undefined for anything else. */
export function parseDigitwiseNumeral(s: string): number | undefined {
  const digits = [...s].map((c) => DIGIT_OF[c]);
  return digits.length && digits.every((d) => d !== undefined) ? Number(digits.join('')) : undefined;
}
