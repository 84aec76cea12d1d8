/**
 * Corrections are public: once a report is published its text changes only together with a
 * new dated 更正说明. A digest of each published report's text is recorded in the content
 * folder (published-digests.json, committed), so the rule holds in a clean clone too.
 */
import type { Problem } from './check.ts';

export const DIGESTS_FILE = 'published-digests.json';

export interface Recorded {
  /** Digest of the report's text: preface, section headings and bodies. */
  digest: string;
  /** How many corrections the report had when this digest was recorded. */
  corrections: number;
}

export type DigestRecord = Record<string, Recorded>;

export interface PublishedReport {
  year: number;
  filePath: string;
  draft: boolean;
  digest: string;
  corrections: number;
}

const ACCEPT = 'npm run check -- --accept';

/**
 * Compares the published reports with the recorded digests. `accept` records what may be
 * recorded (a first publication, or changed text with a new correction); what may not be
 * stays a problem either way.
 */
export function checkPublished(
  reports: readonly PublishedReport[],
  recorded: DigestRecord,
  accept = false,
): { problems: Problem[]; record: DigestRecord } {
  const problems: Problem[] = [];
  const record: DigestRecord = { ...recorded };
  for (const r of reports) {
    if (r.draft) continue;
    const key = String(r.year);
    const before = recorded[key];
    const now = { digest: r.digest, corrections: r.corrections };
    if (!before) {
      if (accept) record[key] = now;
      else
        problems.push({
          file: r.filePath,
          field: '正文',
          message: `${key} 年报告将要发布，但还没有记录它的内容摘要。确认内容无误后运行 ${ACCEPT}，并把 ${DIGESTS_FILE} 一起提交`,
        });
      continue;
    }
    if (before.digest === r.digest) {
      if (accept) record[key] = now;
      continue;
    }
    if (r.corrections > before.corrections) {
      if (accept) record[key] = now;
      else
        problems.push({
          file: r.filePath,
          field: 'corrections',
          message: `${key} 年报告的正文已改动，也有新的更正说明。请运行 ${ACCEPT} 记录改动后的内容，并把 ${DIGESTS_FILE} 一起提交`,
        });
      continue;
    }
    problems.push({
      file: r.filePath,
      field: 'corrections',
      message: `${key} 年报告已经发布，正文却有改动而没有新的更正说明。请在 corrections 中加一条（date: 更正日期，note: 改了什么），然后运行 ${ACCEPT}；如果改动是误操作，请撤销改动`,
    });
  }
  return { problems, record };
}
