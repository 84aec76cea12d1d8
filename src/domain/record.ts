/**
 * The record of what was published (发布记录), append-only. For every published year it holds
 * what a reader was shown: a digest of the text (preface, headings, bodies, signature), the
 * title, the 政务公开 metadata, the key figures, the attachments' digests, the correction
 * history and, once withdrawn, the withdrawal notice. It lives in the content folder
 * (published-digests.json, committed with the content) and is checked against the git
 * history of that file (record-history.ts), so deleting or editing it lets nothing through.
 *
 * The rules, one implementation for `npm run build` and `npm run check` alike:
 * - a published year never disappears and never becomes a draft again; it can be withdrawn
 *   with `withdrawn: { date, reason }`, and a withdrawal is never taken back or reworded;
 * - correction entries are added, never removed or reworded;
 * - text, title, metadata, figures and attachments change only together with a new correction;
 *   filling in metadata that was unknown (发布日期, 索引号, 主题分类, 文号, 有效性, 关键词) and adding key figures or
 *   attachments need no correction, but are recorded;
 * - `npm run check -- --accept` records what may be recorded; what may not stays a problem.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { parseDocument } from 'yaml';
import type { Entry, Problem } from './check.ts';
import type { ReportData, SectionData } from './schema.ts';
import { printedHeading, signatureLines } from './report.ts';
import { printedFigure } from './figures.ts';
import { toChineseNumeral } from './numerals.ts';

export const RECORD_FILE = 'published-digests.json';
const ACCEPT = 'npm run check -- --accept';

const dated = z.strictObject({ date: z.string(), note: z.string() });
const recordedYear = z.strictObject({
  text: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  title: z.string(),
  metadata: z.record(z.string(), z.string()),
  figures: z.record(z.string(), z.string()),
  attachments: z.array(z.strictObject({ name: z.string(), sha256: z.string() })),
  corrections: z.array(dated),
  withdrawn: z.strictObject({ date: z.string(), reason: z.string() }).optional(),
});
/** The record before it held everything: a digest of the text (attachments included) and how many corrections. */
const legacyYear = z.strictObject({ digest: z.string().regex(/^sha256:[0-9a-f]{64}$/), corrections: z.number().int().min(0) });
const recordFile = z.record(z.string().regex(/^\d{4}$/), z.union([recordedYear, legacyYear]));

export type RecordedYear = z.infer<typeof recordedYear>;
export type LegacyYear = z.infer<typeof legacyYear>;
export type RecordFile = z.infer<typeof recordFile>;

export const isLegacy = (r: RecordedYear | LegacyYear): r is LegacyYear => 'digest' in r;

/** A report as it stands in the content folder, in the record's terms. */
export interface Snapshot extends RecordedYear {
  year: number;
  file: string;
  draft: boolean;
  /** The digest the record held before it held everything: text and attachments together. */
  legacyDigest: string;
}

const sha256 = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex')}`;
const norm = (s = '') =>
  s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trim();

/** What a year's report shows, from its entries and attachments, as the record holds it. */
export function snapshotOf(
  report: Entry<ReportData>,
  sections: readonly Entry<SectionData>[],
  attachments: readonly { name: string; sha256: string }[],
): Snapshot {
  const own = [...sections].filter((s) => s.data.report === String(report.data.year)).sort((a, b) => a.data.order - b.data.order);
  const textParts = [
    norm(report.body),
    ...own.map((s) => `${printedHeading(s.data)}\n${norm(s.body)}`),
    signatureLines(report.data).join('\n'),
  ];
  const withAttachments = attachments.length ? [...textParts, attachments.map((a) => `附件 ${a.name} sha256:${a.sha256}`).join('\n')] : textParts;
  const d = report.data;
  const metadata = Object.fromEntries(
    (
      [
        ['agency', d.agency],
        ['signedOn', d.signedOn],
        ['publishedOn', d.publishedOn],
        ['indexNumber', d.indexNumber],
        ['topic', d.topic],
        ['documentNumber', d.documentNumber],
        ['validity', d.validity],
        ['keywords', d.keywords?.join('、')],
        ['signature', d.signature?.join('\n')],
      ] as const
    ).filter((kv): kv is [typeof kv[0], string] => kv[1] !== undefined),
  );
  const figures = Object.fromEntries(
    own.flatMap((s) => s.data.figures.map((f) => [f.key, `第${toChineseNumeral(s.data.order)}部分 ${f.label}：${printedFigure(f)}`])),
  );
  return {
    year: d.year,
    file: report.filePath,
    draft: d.draft,
    text: sha256(textParts.join('\n\n')),
    legacyDigest: sha256(withAttachments.join('\n\n')),
    title: d.title,
    metadata,
    figures,
    attachments: attachments.map((a) => ({ name: a.name, sha256: a.sha256 })),
    corrections: d.corrections.map((c) => ({ date: c.date, note: c.note })),
    ...(d.withdrawn ? { withdrawn: { date: d.withdrawn.date, reason: d.withdrawn.reason } } : {}),
  };
}

/** The record as written to the file: the snapshot without what only the content folder knows. */
export function recordOf(s: Snapshot): RecordedYear {
  const { year: _y, file: _f, draft: _d, legacyDigest: _l, ...recorded } = s;
  return recorded;
}

/** Reads the record file's text; a Chinese problem naming the line for a merge conflict or broken JSON. */
export function parseRecordFile(text: string, file: string): { record: RecordFile } | { problem: Problem } {
  const fix = `不要手工编辑这个文件：用 git 恢复它（git checkout -- ${file}），然后运行 ${ACCEPT}`;
  const conflict = text.split('\n').findIndex((l) => /^(<{7}|={7}|>{7})( |$)/.test(l));
  if (conflict >= 0) {
    return {
      problem: {
        file,
        field: `第 ${conflict + 1} 行`,
        message: `发布记录中有合并冲突标记（${text.split('\n')[conflict]!.slice(0, 7)}）。两个分支都发布或更正了报告：保留冲突两边的全部年份和更正（删掉 <<<<<<<、=======、>>>>>>> 三行，同一年取更正较多的一边），再运行 ${ACCEPT} 核对`,
      },
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    // V8 names a position only for some mistakes; the YAML parser (JSON is YAML) finds the rest.
    const at = /position (\d+)/.exec(String((e as Error).message))?.[1] ?? parseDocument(text, { prettyErrors: false }).errors[0]?.pos[0];
    const line = at === undefined ? undefined : text.slice(0, Number(at)).split('\n').length;
    return { problem: { file, field: line ? `第 ${line} 行` : '(文件)', message: `发布记录不是有效的 JSON（可能被手工改坏了）。${fix}` } };
  }
  const parsed = recordFile.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || '(文件)';
    return { problem: { file, field: where, message: `发布记录的内容格式不对（${where}）。${fix}` } };
  }
  return { record: parsed.data };
}

/** The record file's text: years in order, two-space JSON, a final newline (stable diffs). */
export function formatRecordFile(record: RecordFile): string {
  return `${JSON.stringify(Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b))), null, 2)}\n`;
}

const sameDated = (a: { date: string; note: string }, b: { date: string; note: string }) => a.date === b.date && a.note === b.note;
const showCorrection = (c: { date: string; note: string }) => `${c.date}“${c.note}”`;

/** How many corrections a recorded year had, in either form. */
const correctionCount = (r: RecordedYear | LegacyYear) => (isLegacy(r) ? r.corrections : r.corrections.length);

/**
 * One version of the record that git holds, oldest first: what a year's entry in the record
 * file must still extend. Its corrections are every correction any version recorded.
 */
export interface Baseline {
  entry: RecordedYear | LegacyYear;
  corrections: { date: string; note: string }[];
  /** Where it was recorded: a commit, for messages. */
  commit: string;
}

/** The newest recorded entry per year across the file's history, with every correction ever recorded. */
export function baselineOf(versions: readonly { commit: string; record: RecordFile }[]): Map<string, Baseline> {
  const out = new Map<string, Baseline>();
  for (const { commit, record } of versions) {
    for (const [year, entry] of Object.entries(record)) {
      const before = out.get(year);
      const corrections = [...(before?.corrections ?? [])];
      if (!isLegacy(entry)) for (const c of entry.corrections) if (!corrections.some((x) => sameDated(x, c))) corrections.push(c);
      out.set(year, { entry, corrections, commit });
    }
  }
  return out;
}

/**
 * What changed between a recorded year and the report as it stands, in words for staff: what
 * needs a new correction, and what only needs recording. The importer asks the same before it
 * re-imports a published year.
 */
export function changesSince(before: RecordedYear | LegacyYear, now: Snapshot): { needCorrection: string[]; additions: string[] } {
  if (isLegacy(before)) {
    return {
      needCorrection: before.digest === now.legacyDigest ? [] : ['正文（前言、各部分标题和正文、落款）或附件'],
      additions: ['发布记录升级为完整记录（标题、文件信息、主要数据、更正说明）'],
    };
  }
  return changes(before, now);
}

function changes(before: RecordedYear, now: Snapshot): { needCorrection: string[]; additions: string[] } {
  const needCorrection: string[] = [];
  const additions: string[] = [];
  if (before.text !== now.text) needCorrection.push('正文（前言、各部分标题和正文、落款）');
  if (before.title !== now.title) needCorrection.push(`标题（title）：原为“${before.title}”，现为“${now.title}”`);
  for (const key of new Set([...Object.keys(before.metadata), ...Object.keys(now.metadata)])) {
    const [b, n] = [before.metadata[key], now.metadata[key]];
    if (b === n) continue;
    if (b === undefined) additions.push(`补充 ${key}：${n}`);
    else needCorrection.push(`${key}：原为“${b}”，现为${n === undefined ? '空' : `“${n}”`}`);
  }
  for (const key of new Set([...Object.keys(before.figures), ...Object.keys(now.figures)])) {
    const [b, n] = [before.figures[key], now.figures[key]];
    if (b === n) continue;
    if (b === undefined) additions.push(`新增主要数据 ${key}`);
    else needCorrection.push(`主要数据 ${key}：原为“${b}”，现为${n === undefined ? '已删除' : `“${n}”`}`);
  }
  for (const a of before.attachments) {
    const n = now.attachments.find((x) => x.name === a.name);
    if (!n) needCorrection.push(`附件 ${a.name} 已删除`);
    else if (n.sha256 !== a.sha256) needCorrection.push(`附件 ${a.name} 的内容已改变`);
  }
  for (const n of now.attachments) if (!before.attachments.some((a) => a.name === n.name)) additions.push(`新增附件 ${n.name}`);
  return { needCorrection, additions };
}

export interface RecordCheck {
  problems: Problem[];
  /** The record to write: what was recorded, plus what `accept` may record. */
  record: RecordFile;
  /** Years whose record this run changed (only with accept). */
  recorded: string[];
}

/**
 * Compares the reports as they stand with the record: the record file's own entries, each of
 * which must extend what git last recorded for its year (`history`; empty outside git).
 */
export function checkRecord(
  snapshots: readonly Snapshot[],
  file: RecordFile,
  history: ReadonlyMap<string, Baseline>,
  {
    accept = false,
    recordPath = RECORD_FILE,
    reportFileOf = (year: string) => `reports/${year}.mdx`,
    unreadable = new Set<string>(),
  }: {
    accept?: boolean;
    recordPath?: string;
    reportFileOf?: (year: string) => string;
    /** Years whose report file is there but could not be read: their record is kept, not compared. */
    unreadable?: ReadonlySet<string>;
  } = {},
): RecordCheck {
  const problems: Problem[] = [];
  const record: RecordFile = {};
  const recorded: string[] = [];
  const years = new Set([...Object.keys(file), ...history.keys()]);

  // 1. The record file's entries, each checked against git's.
  const effective = new Map<string, RecordedYear | LegacyYear>();
  for (const year of years) {
    const own = file[year];
    const base = history.get(year);
    if (own && (!base || extendsBaseline(own, base))) effective.set(year, own);
    else if (base) {
      effective.set(year, base.entry);
      // A year missing from the file is put back from history by --accept.
      if (!own && accept) continue;
      problems.push({
        file: recordPath,
        field: year,
        message: own
          ? `发布记录中 ${year} 年的记录与 git 历史（提交 ${base.commit.slice(0, 8)}）记下的不一致：记录只能随新的更正说明更新，不能改写或删减。请用 git 恢复这个文件（git checkout -- ${recordPath}），然后运行 ${ACCEPT}`
          : `发布记录中缺少 ${year} 年（git 历史的提交 ${base.commit.slice(0, 8)} 中记录过）。已发布的记录不能删除：请运行 ${ACCEPT} 从历史中恢复，并把 ${recordPath} 一起提交`,
      });
    }
  }

  // 2. Every recorded year against its report.
  const byYear = new Map(snapshots.map((s) => [String(s.year), s]));
  for (const [year, before] of effective) {
    record[year] = before;
    const now = byYear.get(year);
    if (!now && unreadable.has(year)) continue;
    if (!now) {
      problems.push({
        file: reportFileOf(year),
        field: '(文件)',
        message: `${year} 年报告已经发布（见 ${recordPath}），不能删除。请恢复这份报告的文件；要撤下它，在报告中加上 withdrawn: { date: 撤回日期, reason: 撤回原因 }，页面会保留并标明“已撤回”`,
      });
      continue;
    }
    const own: Problem[] = [];
    const at = (field: string, message: string) => own.push({ file: now.file, field, message });
    if (now.draft) at('draft', `${year} 年报告已经发布，不能改回草稿（draft: true）。请删掉 draft；要撤下它，请加上 withdrawn: { date: 撤回日期, reason: 撤回原因 }`);
    const baseCorrections = history.get(year)?.corrections ?? [];
    const kept = isLegacy(before) ? baseCorrections : [...before.corrections, ...baseCorrections.filter((c) => !before.corrections.some((x) => sameDated(x, c)))];
    for (const c of kept) {
      if (now.corrections.some((x) => sameDated(x, c))) continue;
      const reworded = now.corrections.find((x) => x.date === c.date && !kept.some((k) => sameDated(k, x)));
      at(
        'corrections',
        reworded
          ? `已公开的更正说明不能改写：${showCorrection(c)} 现在写成了“${reworded.note}”。请恢复原文；要补充说明，请另加一条新的更正`
          : `已公开的更正说明不能删除：少了 ${showCorrection(c)}。请把它加回 corrections`,
      );
    }
    if (isLegacy(before) && now.corrections.length < before.corrections) {
      at('corrections', `已公开的更正说明不能删除：记录中有 ${before.corrections} 条，现在只有 ${now.corrections.length} 条。请把删掉的加回 corrections`);
    }
    if (!isLegacy(before) && before.withdrawn) {
      if (!now.withdrawn) at('withdrawn', `${year} 年报告已于 ${before.withdrawn.date} 撤回，撤回不能取消。请恢复 withdrawn: { date: ${before.withdrawn.date}, reason: ${before.withdrawn.reason} }`);
      else if (now.withdrawn.date !== before.withdrawn.date || now.withdrawn.reason !== before.withdrawn.reason)
        at('withdrawn', `已公开的撤回说明不能改动：原为 ${before.withdrawn.date}“${before.withdrawn.reason}”。请恢复原文`);
    }
    const newCorrection = now.corrections.length > correctionCount(before);
    const diff = changesSince(before, now);
    if (diff.needCorrection.length && !newCorrection) {
      at(
        'corrections',
        `${year} 年报告已经发布，以下内容有改动，却没有新的更正说明：${diff.needCorrection.join('；')}。` +
          `请在 corrections 中加一条（date: 更正日期，note: 改了什么），然后运行 ${ACCEPT}；如果改动是误操作，请撤销改动`,
      );
    }
    const withdrawing = !isLegacy(before) && !before.withdrawn && now.withdrawn;
    const pending = diff.needCorrection.length > 0 || diff.additions.length > 0 || newCorrection || Boolean(withdrawing);
    if (own.length) problems.push(...own);
    else if (pending && accept) {
      record[year] = recordOf(now);
      recorded.push(year);
    } else if (pending && !isLegacy(before)) {
      at('(发布记录)', `${year} 年报告的改动（${[...diff.needCorrection, ...diff.additions, ...(newCorrection ? ['新的更正说明'] : []), ...(withdrawing ? ['撤回'] : [])].join('；')}）还没有记入发布记录。请运行 ${ACCEPT}，并把 ${recordPath} 一起提交`);
      problems.push(...own);
    } else if (pending) {
      problems.push({ file: recordPath, field: year, warning: true, message: `${year} 年的发布记录是旧格式，只记了正文摘要。请运行 ${ACCEPT} 升级为完整记录，并把 ${recordPath} 一起提交` });
    }
  }

  // 3. Reports published for the first time.
  for (const now of snapshots) {
    const year = String(now.year);
    if (effective.has(year) || now.draft) continue;
    if (accept) {
      record[year] = recordOf(now);
      recorded.push(year);
    } else {
      problems.push({
        file: now.file,
        field: '(发布记录)',
        message: `${year} 年报告将要发布，但还没有记入发布记录。确认内容无误后运行 ${ACCEPT}，并把 ${recordPath} 一起提交`,
      });
    }
  }
  return { problems, record, recorded };
}

/** Whether the record file's entry for a year is one git's last version could have become by accepting corrections. */
function extendsBaseline(own: RecordedYear | LegacyYear, base: Baseline): boolean {
  if (isLegacy(own)) return isLegacy(base.entry) && own.digest === base.entry.digest && own.corrections >= base.entry.corrections;
  if (!base.corrections.every((c) => own.corrections.some((x) => sameDated(x, c)))) return false;
  if (isLegacy(base.entry)) {
    // The old form digested the text with the attachments; without attachments that is the text digest.
    const same = own.attachments.length > 0 || own.text === base.entry.digest;
    return own.corrections.length > base.entry.corrections || (same && own.corrections.length === base.entry.corrections);
  }
  const b = base.entry;
  if (b.withdrawn && (own.withdrawn?.date !== b.withdrawn.date || own.withdrawn?.reason !== b.withdrawn.reason)) return false;
  const { needCorrection } = changes(b, { ...own, year: 0, file: '', draft: false, legacyDigest: '' });
  return needCorrection.length === 0 || own.corrections.length > b.corrections.length;
}
