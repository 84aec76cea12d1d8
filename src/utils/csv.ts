/**
 * CSV as RFC 4180 writes it: fields separated by commas, records ending in CRLF, a field
 * quoted when it holds a comma, a double quote, CR or LF (and then its quotes doubled).
 * Fields with leading or trailing spaces are quoted too, so no reader trims them. A byte
 * order mark goes first by default: Excel on Chinese Windows otherwise reads UTF-8 as GBK.
 */

export type CsvValue = string | number | null | undefined;

export function csvField(value: CsvValue): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly (readonly CsvValue[])[], { bom = true }: { bom?: boolean } = {}): string {
  return (bom ? '\uFEFF' : '') + rows.map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}
