/**
 * The record's history in git, held to the record's own rule: every committed version of the
 * record file extends the versions before it. Read with git's plumbing, all parents followed
 * (rev-list --full-history --parents, which keeps every merge and rewrites each commit's
 * parents to the nearest commits that touched the file), so a branch merged with "take
 * theirs", a version deleted and written again, or an entry dropped in any commit is seen.
 *
 * A commit's version must start with its first parent's entries, exactly (the versions main
 * published, whose fingerprints readers may have kept); every entry of any other parent must be
 * in it too, by what it records (a branch's publications and corrections, appended again when
 * the branches were merged). The record as it stands in the folder must extend HEAD's version.
 * A version that cannot be read, or a commit that deleted the file, is passed over: what
 * comes after must extend what came before it. Versions of the record before it was a chain
 * of entries are not read: the first chain names, in `migratedFrom`, the version it was made
 * from (its commit and the SHA-256 of its bytes), and that is checked instead.
 */
import { execFileSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { canonicalJson, sha256Hex } from './digest.ts';
import { parseRecordFile, type RecordEntry, type RecordFile } from './record.ts';

export interface HistoryCheck {
  /** Versions that do not extend the ones before them (Chinese, for errors). */
  problems: string[];
  /** Why the history could not be read, or only in part (Chinese, for a warning). */
  limitation?: string;
  /** The versions read, for the history pages (history-git.ts): the pages show what was checked. */
  versions: RecordVersions;
}

export interface Version {
  commit: string;
  parents: string[];
  /** The file's text at this commit; undefined where the commit deleted it. */
  text?: string;
  record?: RecordFile;
}

const git = (cwd: string, args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });

/** The file at `path` in each of these commits, in order, with one `git cat-file --batch`; undefined where absent. */
function filesAt(top: string, commits: readonly string[], path: string): (string | undefined)[] {
  if (!commits.length) return [];
  const out = execFileSync('git', ['cat-file', '--batch'], { cwd: top, input: commits.map((c) => `${c}:${path}\n`).join(''), stdio: ['pipe', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
  const files: (string | undefined)[] = [];
  let at = 0;
  for (let i = 0; i < commits.length; i++) {
    const end = out.indexOf(0x0a, at);
    const header = /^[0-9a-f]+ blob (\d+)$/.exec(out.toString('utf8', at, end));
    at = end + 1;
    if (!header) {
      files.push(undefined);
      continue;
    }
    const size = Number(header[1]);
    files.push(out.toString('utf8', at, at + size));
    at += size + 1;
  }
  return files;
}

/** An entry by what it records, whatever chain it stands in. */
const contentKey = (e: RecordEntry) => canonicalJson({ year: e.year, event: e.event, date: e.date, note: e.note, state: e.state });
const short = (commit: string) => commit.slice(0, 8);

/** Why `child` does not extend `parent` (one of its parents), or undefined when it does. */
function notExtending(child: RecordFile, parent: RecordFile, firstParent: boolean): string | undefined {
  if (firstParent) {
    const i = parent.entries.findIndex((e, k) => child.entries[k]?.hash !== e.hash);
    if (i < 0) return undefined;
    const e = parent.entries[i]!;
    const there = child.entries[i];
    const how = child.entries.some((x) => contentKey(x) === contentKey(e)) ? '换了位置' : there && there.year === e.year && there.event === e.event ? '被改写了' : '被删掉了';
    return `第 ${i + 1} 条（${e.year} 年的${eventName(e)}）${how}`;
  }
  const keys = new Set(child.entries.map(contentKey));
  const lost = parent.entries.find((e) => !keys.has(contentKey(e)));
  return lost && `合并进来的分支上记录的 ${lost.year} 年${eventName(lost)}（${lost.date ?? '日期未知'}）没有保留`;
}

const EVENT_NAMES: Record<RecordEntry['event'], string> = { publish: '发布', correct: '更正', withdraw: '撤回', supplement: '补充' };
const eventName = (e: RecordEntry) => EVENT_NAMES[e.event];

/** The readable versions a version descends from, passing over unreadable and deleted ones. */
function readableAncestors(commit: string, versions: ReadonlyMap<string, Version>, seen = new Set<string>()): Version[] {
  const out: Version[] = [];
  for (const p of versions.get(commit)?.parents ?? []) {
    if (seen.has(p)) continue;
    seen.add(p);
    const v = versions.get(p);
    if (!v) continue;
    if (v.record || (v.text !== undefined && !isChain(v.text))) out.push(v);
    else out.push(...readableAncestors(p, versions, seen));
  }
  return out;
}

/** Whether a version's text is a chain at all (a version of the record before it was one is not). */
const isChain = (text: string) => /"format"\s*:\s*"fznb-record\//.test(text);

/** The problem of one committed chain version against the versions it descends from. */
function versionProblem(v: Version, versions: ReadonlyMap<string, Version>): string | undefined {
  const parents = readableAncestors(v.commit, versions);
  for (const [i, p] of parents.entries()) {
    if (!p.record) {
      // The version it was made from, named by its bytes (merges that kept the file unchanged are versions too).
      if (v.record!.migratedFrom?.sha256 === sha256Hex(p.text!)) continue;
      return `提交 ${short(v.commit)} 的发布记录不是从它之前的版本（提交 ${short(p.commit)}）接续下来的`;
    }
    const why = notExtending(v.record!, p.record, i === 0 && v.parents[0] === p.commit);
    if (why) return `提交 ${short(v.commit)} 的发布记录没有接续之前的版本（提交 ${short(p.commit)}）：${why}`;
  }
  return undefined;
}

/** The versions, and the file as HEAD has it (undefined where HEAD has none), read with the same call to git. */
/** `versions` in topological order, newest first: a commit always before its parents, whatever its date. */
type Versions = { top: string; path: string; versions: Map<string, Version>; shallow: boolean; headText?: string };

/** The record's versions in git, or why they could not be read. */
export type RecordVersions = Versions | { limitation: string };

/**
 * What has been read, by repository, file and HEAD commit: a check whose record file is missing
 * reads the history twice (headRecord, checkRecordHistory), `astro dev` reads it again at every
 * change, and a history does not change while HEAD stays where it is. On globalThis, for every
 * instance of this module in the process.
 */
const READ = Symbol.for('fznb.record-versions');
const held = globalThis as typeof globalThis & { [READ]?: Map<string, Versions> };

/** The repository's top folder, whether the clone is shallow, and HEAD's commit (none before the first commit), with one call to git; undefined outside git. */
function repositoryOf(dir: string): { top: string; shallow: boolean; head?: string } | undefined {
  let out: string;
  try {
    out = git(dir, ['rev-parse', '--show-toplevel', '--is-shallow-repository', '--verify', '--quiet', 'HEAD']);
  } catch (e) {
    // A repository without commits yet: git still names its folder, then fails on HEAD.
    out = String((e as { stdout?: unknown }).stdout ?? '');
  }
  const [top, shallow, head] = out.split('\n').map((l) => l.trim());
  return top ? { top, shallow: shallow === 'true', head: head || undefined } : undefined;
}

/** Every version of the record file in the history of HEAD, with rewritten parents; and whether the clone is shallow. */
export function readVersions(recordFile: string, contentDir: string): RecordVersions {
  const repo = repositoryOf(contentDir);
  if (!repo) return { limitation: `无法核对发布记录的历史：${contentDir} 不在 git 仓库中（或没有安装 git）。只与发布记录文件本身比较，删除或改动这个文件不会被发现。` };
  const { top, shallow, head } = repo;
  const path = relative(top, resolve(recordFile)).split('\\').join('/');
  const key = head && `${top}\0${path}\0${head}\0${shallow}`;
  const cache = (held[READ] ??= new Map());
  if (key && cache.has(key)) return cache.get(key)!;
  const read = versionsAt(top, path, shallow);
  if (key) cache.set(key, read);
  return read;
}

function versionsAt(top: string, path: string, shallow: boolean): Versions {
  let lines: string[];
  try {
    // Children before parents whatever the commits' dates say: a date is set by a clock or by hand.
    lines = git(top, ['rev-list', '--topo-order', '--full-history', '--parents', 'HEAD', '--', path]).split('\n').filter(Boolean);
  } catch {
    lines = []; // a repository without commits yet
  }
  const commits = lines.map((l) => l.split(' '));
  const texts = filesAt(top, [...commits.map((c) => c[0]!), 'HEAD'], path);
  const headText = texts.pop();
  const versions = new Map<string, Version>();
  commits.forEach(([commit, ...parents], i) => {
    const text = texts[i];
    const parsed = text !== undefined && isChain(text) ? parseRecordFile(text, path) : undefined;
    versions.set(commit!, { commit: commit!, parents, text, ...(parsed && 'record' in parsed ? { record: parsed.record } : {}) });
  });
  return { top, path, versions, shallow, headText };
}

/** The record as HEAD has it, when it is a chain: what a record file deleted from the folder is checked against. */
export function headRecord(recordFile: string, contentDir: string): RecordFile | undefined {
  const read = readVersions(recordFile, contentDir);
  if ('limitation' in read) return undefined;
  const text = read.headText;
  const parsed = text !== undefined && isChain(text) ? parseRecordFile(text, read.path) : undefined;
  return parsed && 'record' in parsed ? parsed.record : undefined;
}

/** Why the record as it stands does not extend HEAD's version (text), or undefined. */
function currentProblem(current: RecordFile, headText: string | undefined, shown: string): string | undefined {
  if (headText === undefined) return undefined;
  if (!isChain(headText)) {
    return current.migratedFrom?.sha256 === sha256Hex(headText) ? undefined : '发布记录文件不是从最近一次提交的版本接续下来的（migratedFrom 与它不符）';
  }
  const parsed = parseRecordFile(headText, 'HEAD');
  if (!('record' in parsed)) return undefined;
  const why = notExtending(current, parsed.record, true);
  return why && `发布记录文件没有接续最近一次提交的版本：${why}。请用 git 恢复它（git checkout HEAD -- ${shown}），然后运行 npm run check -- --accept`;
}

/**
 * Checks every committed version of the record against those before it, and the record as it
 * stands (`current`, already read) against HEAD's version.
 */
export function checkRecordHistory(recordFile: string, contentDir: string, current: RecordFile | undefined, shown = recordFile): HistoryCheck {
  const read = readVersions(recordFile, contentDir);
  if ('limitation' in read) return { problems: [], limitation: read.limitation, versions: read };
  const problems: string[] = [];
  for (const v of read.versions.values()) {
    if (!v.record) continue;
    const problem = versionProblem(v, read.versions);
    if (problem) problems.push(problem);
  }
  const problem = current && currentProblem(current, read.headText, shown);
  if (problem) problems.push(problem);
  const limitation = read.shallow
    ? '核对发布记录的历史时：git 历史不完整（浅克隆），只核对了克隆下来的提交；请用完整克隆（例如 actions/checkout 的 fetch-depth: 0）。'
    : undefined;
  return { problems, ...(limitation ? { limitation } : {}), versions: read };
}
