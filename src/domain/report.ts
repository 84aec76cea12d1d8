import type { ReportData } from './schema';
import { formatChineseDate } from './dates';

/** The signature block as printed: by default the agency, then the signing date. */
export function signatureLines(r: Pick<ReportData, 'agency' | 'signedOn' | 'signature'>): string[] {
  return r.signature ?? [r.agency, formatChineseDate(r.signedOn)];
}
