/**
 * CSV as RFC 4180 writes it: fields separated by commas, records ending in CRLF, a field
 * quoted when it holds a comma, a double quote, CR or LF (and then its quotes doubled).
 * Fields with leading or trailing spaces are quoted too, so no reader trims them. A byte
 * order mark goes first by default: Excel on Chinese Windows otherwise reads UTF-8 as GBK.
 *
 * Text that a spreadsheet would take for a formula (OWASP "CSV Injection": a field starting
 * with =, +, -, @, a tab or a carriage return) gets a single quote in front, so Excel and
 * WPS show it as text instead of running it. Figure values are digits, but labels and
 * headings are free text. Numbers (the year) are written as they are: they cannot be formulas.
 */

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvValue): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly (readonly CsvValue[])[], { bom = true }: { bom?: boolean } = {}): string {
  return (bom ? '\uFEFF' : '') + rows.map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}
