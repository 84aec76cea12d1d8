/** Chinese numerals as printed in section headings (一、二、… 十一、…), for 1–99. */
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
