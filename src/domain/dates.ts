/**
 * Dates are kept as ISO calendar dates ('2024-01-08'), the form 政务公开 metadata shows,
 * with no time zone to drift. YAML turns an unquoted 2024-01-08 into a Date at UTC
 * midnight, so both forms are accepted on the way in.
 */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Normalises a YAML date value to 'YYYY-MM-DD', or undefined when it is not a real date. */
export function toIsoDate(value: unknown): IsoDate | undefined {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  }
  if (typeof value === 'string' && isValidIsoDate(value.trim())) return value.trim();
  return undefined;
}

/** '2024-01-08' -> '2024年1月8日', as dates are printed in the text of official documents. */
export function formatChineseDate(iso: IsoDate): string {
  const m = ISO.exec(iso);
  if (!m) throw new RangeError(`不是 YYYY-MM-DD 格式的日期：${iso}`);
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** '2025年1月10日' -> '2025-01-10'; undefined when the text is not such a date. */
export function parseChineseDate(text: string): IsoDate | undefined {
  const m = /^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$/.exec(text);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : undefined;
}

/** Today's date where the bureau is (China Standard Time), as a record and the date rules count it. */
export function todayInChina(now = new Date()): IsoDate {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short' }).format(now);
}
