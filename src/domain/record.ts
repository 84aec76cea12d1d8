/**
 * The record of what was published (发布记录): an append-only chain of entries, one for each
 * publication, correction, withdrawal and supplement of a year's report. Each entry holds the
 * state it published (a digest of the text a reader sees, the title, the 政务公开 metadata,
 * the items of each section, the key figures and the attachments' digests), its date and the
 * day it was recorded, and the hash of the entry before it; its own hash covers all of that.
 * So an entry cannot be changed, dropped or reordered without changing every hash after it,
 * and a fingerprint (the start of an entry's hash) that a reader, an archive or the district
 * portal kept shows, ever after, whether the record still extends what they saw.
 *
 * The rules, one implementation for `npm run check`, `npm run build`, the importer and
 * `npm run verify`:
 * - a published year never disappears and never becomes a draft again; it can be withdrawn
 *   with `withdrawn: { date, reason }`, and a withdrawal is never taken back or reworded;
 * - correction notes are added, never removed or reworded;
 * - text, title, metadata, items, figures and attachments change only with a new correction;
 *   filling in metadata that was unknown (发布日期, 索引号, 主题分类, 文号, 有效性, 关键词),
 *   adding key figures or attachments needs none, and is recorded as a supplement;
 * - `npm run check -- --accept` appends what may be recorded; what may not stays a problem.
 * Its history in git is held to the same: every committed version extends the one before
 * (record-history.ts).
 */
import { z } from 'zod';
import { parseDocument } from 'yaml';
import type { Entry, Problem } from './check.ts';
import type { ReportData, SectionData } from './schema.ts';
import { printedHeading, signatureLines } from './report.ts';
import { printedFigure } from './figures.ts';
import { toChineseNumeral } from './numerals.ts';
import { canonicalJson, digestOf } from './digest.ts';
import { RECORD_FILE, reportFile, sectionFile } from './layout.ts';

export { RECORD_FILE };

/** The record file's format, named in it; the file of any other form is not this record. */
export const RECORD_FORMAT = 'fznb-record/2';
export const ACCEPT = 'npm run check -- --accept';

const DIGEST = /^sha256:[0-9a-f]{64}$/;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const stateSchema = z.strictObject({
  text: z.string().regex(DIGEST).describe('读者看到的全文（前言、各部分标题和正文、落款）的 SHA-256'),
  title: z.string().describe('标题'),
  metadata: z.record(z.string(), z.string()).describe('文件信息：agency、signedOn、publishedOn、indexNumber、topic、documentNumber、validity、keywords、signature'),
  items: z.record(z.string(), z.string()).describe('各部分（按顺序号）报告的规定事项，几项之间用“、”'),
  figures: z.record(z.string(), z.string()).describe('主要数据，按数据代码'),
  attachments: z.array(z.strictObject({ name: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })).describe('附件的文件名和 SHA-256'),
});

export const RECORD_EVENTS = ['publish', 'correct', 'withdraw', 'supplement'] as const;

const entrySchema = z.strictObject({
  year: z.number().int().describe('报告年度'),
  event: z.enum(RECORD_EVENTS).describe('publish 发布、correct 更正、withdraw 撤回、supplement 补充文件信息、主要数据或附件'),
  date: isoDate.nullable().describe('发布日期（不知道时为 null）、更正日期、撤回日期，或补充的记录日期'),
  note: z.string().optional().describe('更正说明、撤回原因，或补充了什么'),
  recordedOn: isoDate.describe('记入发布记录的日期（中国标准时间）'),
  state: stateSchema.describe('这一条记录之后，报告公开的内容'),
  prev: z.string().regex(DIGEST).nullable().describe('前一条记录的 hash；第一条为 null'),
  hash: z.string().regex(DIGEST).describe('这一条记录（不含 hash 本身）规范 JSON 的 SHA-256'),
});

export const recordFileSchema = z
  .strictObject({
    format: z.literal(RECORD_FORMAT),
    /** The version of the record this chain was made from, when it replaced an earlier form of the file. */
    migratedFrom: z.strictObject({ commit: z.string().regex(/^[0-9a-f]{40}$/), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).optional(),
    entries: z.array(entrySchema),
  })
  .meta({ title: '发布记录', description: '每一次发布、更正、撤回和补充一条，依次以 hash 相连，只能追加' });

export type PublishedState = z.infer<typeof stateSchema>;
export type RecordEntry = z.infer<typeof entrySchema>;
export type RecordFile = z.infer<typeof recordFileSchema>;

export const emptyRecord = (): RecordFile => ({ format: RECORD_FORMAT, entries: [] });

/** An entry's hash: of its canonical JSON without the hash itself. */
export function entryHash(entry: Omit<RecordEntry, 'hash'> & { hash?: string }): string {
  const { hash: _hash, ...rest } = entry;
  return digestOf(canonicalJson(rest));
}

/** The short form of an entry's hash shown on pages and kept by readers: its first 16 hex digits. */
export const fingerprintOf = (entry: Pick<RecordEntry, 'hash'>): string => entry.hash.slice('sha256:'.length, 'sha256:'.length + 16);

/** Whether a fingerprint a reader kept (8 or more hex digits) names this entry. */
export const isFingerprintOf = (fingerprint: string, entry: Pick<RecordEntry, 'hash'>): boolean =>
  /^[0-9a-f]{8,64}$/i.test(fingerprint) && entry.hash.slice('sha256:'.length).startsWith(fingerprint.toLowerCase());

// --- what a report publishes ------------------------------------------------------------------

/** A read entry with the text its reader sees (body.ts readerText), block by block. */
export type Readable<T> = Entry<T> & { text: readonly string[] };

/**
 * The text a reader sees of a report, as one string: the preface, each section's printed
 * heading and text, the signature; blocks on lines of their own, parts between blank lines.
 * `npm run verify` reads the same parts back from a report page.
 */
export function recordText(prefaceBlocks: readonly string[], sections: readonly { heading: string; blocks: readonly string[] }[], signature: readonly string[]): string {
  return [prefaceBlocks.join('\n'), ...sections.map((s) => [s.heading, ...s.blocks].join('\n')), signature.join('\n')].join('\n\n');
}

/** A report as it stands in the content folder, in the record's terms. */
export interface Snapshot {
  year: number;
  file: string;
  draft: boolean;
  state: PublishedState;
  publishedOn?: string;
  corrections: { date: string; note: string }[];
  withdrawn?: { date: string; reason: string };
}

function metadataOf(d: ReportData): Record<string, string> {
  const fields: [string, string | undefined][] = [
    ['agency', d.agency],
    ['signedOn', d.signedOn],
    ['publishedOn', d.publishedOn],
    ['indexNumber', d.indexNumber],
    ['topic', d.topic],
    ['documentNumber', d.documentNumber],
    ['validity', d.validity],
    ['keywords', d.keywords?.join('、')],
    ['signature', d.signature?.join('\n')],
  ];
  return Object.fromEntries(fields.filter((kv): kv is [string, string] => kv[1] !== undefined));
}

/** A report's sections in order. */
const sectionsOf = (report: Readable<ReportData>, sections: readonly Readable<SectionData>[]) =>
  sections.filter((s) => s.data.report === String(report.data.year)).sort((a, b) => a.data.order - b.data.order);

/** The text a reader sees of a report (recordText), from its entries. */
export const yearText = (report: Readable<ReportData>, sections: readonly Readable<SectionData>[]): string =>
  recordText(report.text, sectionsOf(report, sections).map((s) => ({ heading: printedHeading(s.data), blocks: s.text })), signatureLines(report.data));

/** What a year's report shows, from its entries and attachments, as the record holds it. */
export function snapshotOf(report: Readable<ReportData>, sections: readonly Readable<SectionData>[], attachments: readonly { name: string; sha256: string }[]): Snapshot {
  const d = report.data;
  const own = sectionsOf(report, sections);
  const text = yearText(report, sections);
  const part = (s: Readable<SectionData>) => `第${toChineseNumeral(s.data.order)}部分`;
  return {
    year: d.year,
    file: report.filePath,
    draft: d.draft,
    state: {
      text: digestOf(text),
      title: d.title,
      metadata: metadataOf(d),
      items: Object.fromEntries(own.map((s) => [String(s.data.order), s.data.items.join('、')])),
      figures: Object.fromEntries(own.flatMap((s) => s.data.figures.map((f) => [f.key, `${part(s)} ${f.label}：${printedFigure(f)}`]))),
      attachments: attachments.map((a) => ({ name: a.name, sha256: a.sha256 })),
    },
    ...(d.publishedOn ? { publishedOn: d.publishedOn } : {}),
    corrections: d.corrections.map((c) => ({ date: c.date, note: c.note })),
    ...(d.withdrawn ? { withdrawn: { date: d.withdrawn.date, reason: d.withdrawn.reason } } : {}),
  };
}

// --- reading and writing the file ------------------------------------------------------------

const FIX = (file: string) => `不要手工编辑这个文件：用 git 恢复它（git checkout -- ${file}），然后运行 ${ACCEPT}`;

/** Where a text breaks as JSON, as a line number. */
function jsonErrorLine(text: string, e: unknown): number | undefined {
  const at = /position (\d+)/.exec(String((e as Error).message))?.[1] ?? parseDocument(text, { prettyErrors: false }).errors[0]?.pos[0];
  return at === undefined ? undefined : text.slice(0, Number(at)).split('\n').length;
}

/** The first entry whose link or hash does not hold, as a problem. */
function brokenLink(record: RecordFile, file: string): Problem | undefined {
  let prev: string | null = null;
  for (const [i, e] of record.entries.entries()) {
    const where = { file, field: `entries[${i}]` };
    if (e.prev !== prev) return { ...where, message: `发布记录第 ${i + 1} 条（${e.year} 年）与前一条接不上：记录中间有一条被删除、插入或换了位置。${FIX(file)}` };
    if (entryHash(e) !== e.hash) return { ...where, message: `发布记录第 ${i + 1} 条（${e.year} 年）的内容与它的校验值（hash）不符：这一条被改动过。${FIX(file)}` };
    prev = e.hash;
  }
  return undefined;
}

/** Reads the record file's text; a Chinese problem for a merge conflict, broken JSON, a wrong form or a broken chain. */
export function parseRecordFile(text: string, file: string): { record: RecordFile } | { problem: Problem } {
  const conflict = text.split('\n').findIndex((l) => /^(<{7}|={7}|>{7})( |$)/.test(l));
  if (conflict >= 0) {
    const message = `发布记录中有合并冲突标记（${text.split('\n')[conflict]!.slice(0, 7)}）。发布记录只能追加：请保留 main 分支上的版本（git checkout --theirs 或 --ours，选 main 那一边），再运行 ${ACCEPT}，把另一个分支的发布和更正按内容追加上去`;
    return { problem: { file, field: `第 ${conflict + 1} 行`, message } };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const line = jsonErrorLine(text, e);
    return { problem: { file, field: line ? `第 ${line} 行` : '(文件)', message: `发布记录不是有效的 JSON（可能被手工改坏了）。${FIX(file)}` } };
  }
  const parsed = recordFileSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || '(文件)';
    return { problem: { file, field: where, message: `发布记录的内容格式不对（${where}）。${FIX(file)}` } };
  }
  const broken = brokenLink(parsed.data, file);
  return broken ? { problem: broken } : { record: parsed.data };
}

/** An entry's fields in the order a person reads them. */
const ENTRY_KEYS = ['year', 'event', 'date', 'note', 'recordedOn', 'state', 'prev', 'hash'] as const;

/** The record file's text: two-space JSON and a final newline, entries in the order recorded, each in reading order. */
export function formatRecordFile(record: RecordFile): string {
  const entries = record.entries.map((e) => Object.fromEntries(ENTRY_KEYS.filter((k) => e[k] !== undefined).map((k) => [k, e[k]])));
  const { format, migratedFrom } = record;
  return `${JSON.stringify({ format, ...(migratedFrom ? { migratedFrom } : {}), entries }, null, 2)}\n`;
}

/** A new entry on the end of the chain. */
export function append(record: RecordFile, entry: Omit<RecordEntry, 'prev' | 'hash'>): RecordFile {
  const prev = record.entries.at(-1)?.hash ?? null;
  const withPrev = { ...entry, prev };
  return { ...record, entries: [...record.entries, { ...withPrev, hash: entryHash(withPrev) }] };
}

// --- a year in the record ---------------------------------------------------------------------

/** What the record holds of a year: its state now, its corrections, its withdrawal, its last entry. */
export interface RecordedYear {
  year: number;
  state: PublishedState;
  /** The publication date recorded, when it was known. */
  publishedOn: string | null;
  corrections: { date: string; note: string }[];
  withdrawn?: { date: string; reason: string };
  entries: RecordEntry[];
  last: RecordEntry;
}

/** Every recorded year, from its entries in order. */
export function recordedYears(record: RecordFile): Map<number, RecordedYear> {
  const out = new Map<number, RecordedYear>();
  for (const e of record.entries) {
    const y = out.get(e.year);
    const entries = [...(y?.entries ?? []), e];
    out.set(e.year, {
      year: e.year,
      state: e.state,
      publishedOn: y ? y.publishedOn : e.date,
      corrections: e.event === 'correct' ? [...(y?.corrections ?? []), { date: e.date!, note: e.note ?? '' }] : (y?.corrections ?? []),
      ...(e.event === 'withdraw' ? { withdrawn: { date: e.date!, reason: e.note ?? '' } } : y?.withdrawn ? { withdrawn: y.withdrawn } : {}),
      entries,
      last: e,
    });
  }
  return out;
}

const sameDated = (a: { date: string; note: string }, b: { date: string; note: string }) => a.date === b.date && a.note === b.note;

/**
 * What changed between a recorded state and the report as it stands, in words for staff:
 * what needs a new correction, and what only needs recording. The importer asks the same
 * before it re-imports a published year.
 */
export function changesSince(before: PublishedState, now: PublishedState): { needCorrection: string[]; additions: string[] } {
  const needCorrection: string[] = [];
  const additions: string[] = [];
  if (before.text !== now.text) needCorrection.push('正文（前言、各部分标题和正文、落款）');
  if (before.title !== now.title) needCorrection.push(`标题（title）：原为“${before.title}”，现为“${now.title}”`);
  const keyed = (name: (key: string) => string, b: Record<string, string>, n: Record<string, string>, gone: string) => {
    for (const key of new Set([...Object.keys(b), ...Object.keys(n)])) {
      if (b[key] === n[key]) continue;
      if (b[key] === undefined) additions.push(`补充${name(key)}：${n[key]}`);
      else needCorrection.push(`${name(key)}：原为“${b[key]}”，现为${n[key] === undefined ? gone : `“${n[key]}”`}`);
    }
  };
  keyed((key) => `文件信息 ${key}`, before.metadata, now.metadata, '空');
  keyed((key) => `第 ${key} 部分的报告事项（items）`, before.items, now.items, '空（这一部分已删除）');
  keyed((key) => `主要数据 ${key}`, before.figures, now.figures, '已删除');
  for (const a of before.attachments) {
    const n = now.attachments.find((x) => x.name === a.name);
    if (!n) needCorrection.push(`附件 ${a.name} 已删除`);
    else if (n.sha256 !== a.sha256) needCorrection.push(`附件 ${a.name} 的内容已改变`);
  }
  for (const n of now.attachments) if (!before.attachments.some((a) => a.name === n.name)) additions.push(`新增附件 ${n.name}`);
  return { needCorrection, additions };
}

// --- the check --------------------------------------------------------------------------------

export interface RecordCheck {
  problems: Problem[];
  /** The record to write: what was recorded, plus what `accept` may append. */
  record: RecordFile;
  /** Years whose record this run appended to (only with accept). */
  recorded: string[];
}

export interface RecordCheckOptions {
  accept?: boolean;
  /** Today in China: the day entries appended now are recorded. */
  today: string;
  recordPath?: string;
  reportFileOf?: (year: string) => string;
  sectionFileOf?: (year: string, order: number) => string;
  /** Years whose report file is there but could not be read: their record is kept, not compared. */
  unreadable?: ReadonlySet<string>;
  /** Section files there but not readable, by year and the order their names give: not taken as deleted. */
  unreadableSections?: ReadonlyMap<string, ReadonlySet<number>>;
}

type EntryDraft = Omit<RecordEntry, 'prev' | 'hash'>;

/** Where a recorded year's published sections are to be looked for, and which files could not be read. */
interface SectionFiles {
  fileOf: (order: number) => string;
  unreadable: ReadonlySet<number>;
}

/** The published sections of a year (by order) that are gone: no entry has their order, and no unreadable file bears it. */
const goneSections = (before: PublishedState, now: PublishedState, files: SectionFiles): number[] =>
  Object.keys(before.items)
    .filter((order) => !(order in now.items))
    .map(Number)
    .filter((order) => !files.unreadable.has(order));

function goneMessage(year: number, gone: readonly number[], files: SectionFiles): string {
  const paths = gone.map(files.fileOf);
  return (
    `${year} 年报告已经发布，${gone.map((o) => `第${toChineseNumeral(o)}部分`).join('、')}却不见了：没有 ${paths.join('、')}（或这些部分的 order 改了）。` +
    `已经公开的部分不能悄悄删去：误删的，请用 git 找回（例如 git checkout -- ${paths[0]}）；确要删去的，` +
    `请在 corrections 中加一条更正说明（date: 更正日期，note: 删去了什么、为什么），然后运行 ${ACCEPT}`
  );
}

/** The problems of a recorded year as it stands now, and the entries it would append. */
function yearAgainstRecord(before: RecordedYear, now: Snapshot, today: string, files: SectionFiles): { problems: Omit<Problem, 'file'>[]; entries: EntryDraft[]; pending: string[] } {
  const problems: Omit<Problem, 'file'>[] = [];
  const at = (field: string, message: string) => problems.push({ field, message });
  const year = before.year;
  if (now.draft) at('draft', `${year} 年报告已经发布，不能改回草稿（draft: true）。请删掉 draft；要撤下它，请加上 withdrawn: { date: 撤回日期, reason: 撤回原因 }`);
  for (const c of before.corrections) {
    if (now.corrections.some((x) => sameDated(x, c))) continue;
    const reworded = now.corrections.find((x) => x.date === c.date && !before.corrections.some((k) => sameDated(k, x)));
    at(
      'corrections',
      reworded
        ? `已公开的更正说明不能改写：${c.date}“${c.note}” 现在写成了“${reworded.note}”。请恢复原文；要补充说明，请另加一条新的更正`
        : `已公开的更正说明不能删除：少了 ${c.date}“${c.note}”。请把它加回 corrections`,
    );
  }
  if (before.withdrawn && !now.withdrawn) at('withdrawn', `${year} 年报告已于 ${before.withdrawn.date} 撤回，撤回不能取消。请恢复 withdrawn: { date: ${before.withdrawn.date}, reason: ${before.withdrawn.reason} }`);
  else if (before.withdrawn && (now.withdrawn!.date !== before.withdrawn.date || now.withdrawn!.reason !== before.withdrawn.reason)) {
    at('withdrawn', `已公开的撤回说明不能改动：原为 ${before.withdrawn.date}“${before.withdrawn.reason}”。请恢复原文`);
  }
  const added = now.corrections.filter((c) => !before.corrections.some((x) => sameDated(x, c))).sort((a, b) => a.date.localeCompare(b.date));
  const diff = changesSince(before.state, now.state);
  const gone = goneSections(before.state, now.state, files);
  if (gone.length && !added.length) at('(文件)', goneMessage(year, gone, files));
  else if (diff.needCorrection.length && !added.length) {
    at(
      'corrections',
      `${year} 年报告已经发布，以下内容有改动，却没有新的更正说明：${diff.needCorrection.join('；')}。` +
        `请在 corrections 中加一条（date: 更正日期，note: 改了什么），然后运行 ${ACCEPT}；如果改动是误操作，请撤销改动`,
    );
  }
  const base = { year, recordedOn: today, state: now.state };
  const entries: EntryDraft[] = added.map((c) => ({ ...base, event: 'correct', date: c.date, note: c.note }));
  if (now.withdrawn && !before.withdrawn) entries.push({ ...base, event: 'withdraw', date: now.withdrawn.date, note: now.withdrawn.reason });
  if (!entries.length && diff.additions.length) entries.push({ ...base, event: 'supplement', date: today, note: diff.additions.join('；') });
  const pending = [...diff.needCorrection, ...diff.additions, ...added.map((c) => `更正 ${c.date}`), ...(entries.some((e) => e.event === 'withdraw') ? ['撤回'] : [])];
  return { problems, entries, pending };
}

/** The entries a report published for the first time appends: its publication, then any correction or withdrawal it already states. */
function firstEntries(now: Snapshot, today: string): EntryDraft[] {
  const base = { year: now.year, recordedOn: today, state: now.state };
  return [
    { ...base, event: 'publish', date: now.publishedOn ?? null },
    ...now.corrections.map((c): EntryDraft => ({ ...base, event: 'correct', date: c.date, note: c.note })),
    ...(now.withdrawn ? [{ ...base, event: 'withdraw' as const, date: now.withdrawn.date, note: now.withdrawn.reason }] : []),
  ];
}

/**
 * Compares the reports as they stand with the record; with `accept`, appends what may be
 * recorded (only when every year may: otherwise nothing is appended).
 */
export function checkRecord(snapshots: readonly Snapshot[], record: RecordFile, options: RecordCheckOptions): RecordCheck {
  const { accept = false, today, recordPath = RECORD_FILE, reportFileOf = (y: string) => reportFile(y), sectionFileOf = (y: string, o: number) => sectionFile(y, o) } = options;
  const { unreadable = new Set<string>(), unreadableSections = new Map<string, ReadonlySet<number>>() } = options;
  const problems: Problem[] = [];
  const drafts: EntryDraft[] = [];
  const byYear = new Map(snapshots.map((s) => [s.year, s]));
  const recorded = recordedYears(record);
  for (const [year, before] of recorded) {
    const now = byYear.get(year);
    if (!now) {
      if (!unreadable.has(String(year))) {
        problems.push({
          file: reportFileOf(String(year)),
          field: '(文件)',
          message: `${year} 年报告已经发布（见 ${recordPath}），不能删除。请恢复这份报告的文件；要撤下它，在报告中加上 withdrawn: { date: 撤回日期, reason: 撤回原因 }，页面会保留并标明“已撤回”`,
        });
      }
      continue;
    }
    const files = { fileOf: (order: number) => sectionFileOf(String(year), order), unreadable: unreadableSections.get(String(year)) ?? new Set<number>() };
    const r = yearAgainstRecord(before, now, today, files);
    problems.push(...r.problems.map((p) => ({ file: now.file, ...p })));
    if (r.problems.length) continue;
    drafts.push(...r.entries);
    if (r.pending.length && !accept) {
      problems.push({ file: now.file, field: '(发布记录)', message: `${year} 年报告的改动（${r.pending.join('；')}）还没有记入发布记录。请运行 ${ACCEPT}，并把 ${recordPath} 一起提交` });
    }
  }
  for (const now of snapshots) {
    if (recorded.has(now.year) || now.draft) continue;
    if (accept) drafts.push(...firstEntries(now, today));
    else {
      problems.push({
        file: now.file,
        field: '(发布记录)',
        message: `${now.year} 年报告将要发布，但还没有记入发布记录。确认内容无误后运行 ${ACCEPT}，并把 ${recordPath} 一起提交`,
      });
    }
  }
  if (!accept || problems.length || !drafts.length) return { problems, record, recorded: [] };
  return { problems, record: drafts.reduce(append, record), recorded: [...new Set(drafts.map((d) => String(d.year)))] };
}

/** The record's JSON Schema, for /data/record.schema.json. */
export const recordJsonSchema = (): Record<string, unknown> => z.toJSONSchema(recordFileSchema) as Record<string, unknown>;
