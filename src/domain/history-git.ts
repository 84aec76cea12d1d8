/**
 * The text each entry of the record published, read back from git (the history's I/O; what
 * changed is worked out in history.ts): an entry was published by the first commit whose record
 * holds it, and the content folder at that commit, read by the one reader (content-folder.ts)
 * with the same rules, gives its text. A version whose text git does not hold (a shallow clone,
 * a folder outside git, files that do not match what was recorded) is said to be unknown, never
 * guessed; the newest version of a year is the content folder as it stands.
 */
import { relative, resolve } from 'node:path';
import { readContent, type LoadedContent } from './content-folder.ts';
import { commitSource } from './content-git.ts';
import { attachmentsDir, RECORD_FILE, reportFile, sectionsDir } from './layout.ts';
import { recordedYears, snapshotOf, yearText, type RecordFile } from './record.ts';
import { readVersions, type RecordVersions, type Version } from './record-history.ts';
import { yearHistory, type HistoryEntry, type VersionText } from './history.ts';

/** The first commit whose record holds each entry, by hash: ancestors before their descendants (the versions are in topological order). */
function entryCommits(versions: ReadonlyMap<string, Version>): Map<string, string> {
  const out = new Map<string, string>();
  for (const v of [...versions.values()].reverse()) {
    for (const e of v.record?.entries ?? []) if (!out.has(e.hash)) out.set(e.hash, v.commit);
  }
  return out;
}

/** A year's text as a loaded content folder has it, when it matches the digest recorded. */
function textIn(content: LoadedContent, year: number, digest: string, unmatched: string): VersionText {
  const report = content.reports.find((r) => r.data.year === year);
  if (!report) return { unavailable: unmatched };
  const snapshot = snapshotOf(report, content.sections, content.attachments.get(String(year)) ?? []);
  return snapshot.state.text === digest ? { text: yearText(report, content.sections) } : { unavailable: unmatched };
}

const UNKNOWN = {
  noGit: '这一版的全文无法取得：网站不是从 git 仓库构建的，只有发布记录中的摘要',
  shallow: '这一版的全文无法取得：构建时的 git 历史不完整（浅克隆），只有发布记录中的摘要',
  notCommitted: '这一版的全文无法取得：它没有提交到 git 中，只有发布记录中的摘要',
  unmatched: '这一版的全文无法取得：git 中这一版的文件与发布记录不一致，只有发布记录中的摘要',
};

/**
 * Each recorded year's history, newest entry first, with the text changes that git still
 * holds. `current` is the content folder as it stands (the newest version of each year);
 * `read`, the record's versions as its check read them (read again when not given).
 */
export function recordHistory(contentDir: string, record: RecordFile, current: LoadedContent, read: RecordVersions = readVersions(resolve(contentDir, RECORD_FILE), contentDir)): Map<number, HistoryEntry[]> {
  const commits = 'limitation' in read ? new Map<string, string>() : entryCommits(read.versions);
  const cache = new Map<string, LoadedContent>();
  const at = (commit: string, year: number) => {
    const key = `${commit} ${year}`;
    if (!cache.has(key) && !('limitation' in read)) {
      const path = relative(read.top, resolve(contentDir)).split('\\').join('/');
      const source = commitSource(read.top, commit, path, [reportFile(year), sectionsDir(year), attachmentsDir(year)]);
      cache.set(key, readContent(source, (p) => p));
    }
    return cache.get(key);
  };
  const out = new Map<number, HistoryEntry[]>();
  for (const [year, y] of recordedYears(record)) {
    const texts = y.entries.map((e, i): VersionText => {
      const needed = y.entries[i - 1]?.state.text !== e.state.text || y.entries[i + 1]?.state.text !== e.state.text;
      if (!needed) return { unavailable: '' };
      if (i === y.entries.length - 1) return textIn(current, year, e.state.text, UNKNOWN.unmatched);
      const commit = commits.get(e.hash);
      if (!commit) return { unavailable: 'limitation' in read ? UNKNOWN.noGit : read.shallow ? UNKNOWN.shallow : UNKNOWN.notCommitted };
      return textIn(at(commit, year)!, year, e.state.text, UNKNOWN.unmatched);
    });
    out.set(year, yearHistory(y.entries, texts));
  }
  return out;
}
