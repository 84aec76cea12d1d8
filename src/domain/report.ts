import type { ReportData } from './schema.ts';
import { formatChineseDate } from './dates.ts';

/** The signature block as printed: by default the agency, then the signing date. */
export function signatureLines(r: Pick<ReportData, 'agency' | 'signedOn' | 'signature'>): string[] {
  return r.signature ?? [r.agency, formatChineseDate(r.signedOn)];
}

/** Date of the latest correction (最后更新), if the report has been corrected. */
export function lastCorrection(r: Pick<ReportData, 'corrections'>): string | undefined {
  return r.corrections.map((c) => c.date).sort().at(-1);
}
