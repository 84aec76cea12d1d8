/**
 * What git remembers of the record file: every committed version of published-digests.json,
 * oldest first, so that a record deleted, truncated or edited in the working tree is still
 * held to what earlier commits recorded. Outside a git repository, with no git, or in a
 * shallow clone, it says plainly what it could not verify.
 */
import { execFileSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { parseRecordFile, type RecordFile } from './record.ts';

export interface RecordHistory {
  versions: { commit: string; record: RecordFile }[];
  /** Why the history could not be read, or could be read only in part (Chinese, for a warning). */
  limitation?: string;
}

const git = (cwd: string, args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });

/**
 * The file at `path` in each of these commits, in order; undefined where the commit has no
 * such file (it deleted it). One `git cat-file --batch` for them all: a git process per
 * commit costs the build about 10 ms each.
 */
function filesAt(top: string, commits: readonly string[], path: string): (string | undefined)[] {
  if (!commits.length) return [];
  const out = execFileSync('git', ['cat-file', '--batch'], {
    cwd: top,
    input: commits.map((c) => `${c}:${path}\n`).join(''),
    stdio: ['pipe', 'pipe', 'ignore'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const files: (string | undefined)[] = [];
  let at = 0;
  for (let i = 0; i < commits.length; i++) {
    const end = out.indexOf(0x0a, at);
    // <object> blob <size>, then the content and a newline; or <name> missing.
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

/** Every committed version of the record file at `recordFile` (an absolute path), oldest first. */
export function readRecordHistory(recordFile: string, contentDir: string): RecordHistory {
  let top: string;
  let shallow: boolean;
  try {
    // Both in one git process: the top of the work tree, and whether the clone is shallow.
    const [first, second] = git(contentDir, ['rev-parse', '--show-toplevel', '--is-shallow-repository']).split('\n');
    top = first!.trim();
    shallow = second?.trim() === 'true';
  } catch {
    return {
      versions: [],
      limitation: `无法核对发布记录的历史：${contentDir} 不在 git 仓库中（或没有安装 git）。只与发布记录文件本身比较，删除或改动这个文件不会被发现。`,
    };
  }
  const path = relative(top, resolve(recordFile)).split('\\').join('/');
  let commits: string[];
  try {
    commits = git(top, ['log', '--format=%H', '--reverse', '--', path]).split('\n').filter(Boolean);
  } catch {
    // A repository without commits yet.
    commits = [];
  }
  const versions: RecordHistory['versions'] = [];
  const unreadable: string[] = [];
  const texts = filesAt(top, commits, path);
  for (const [i, commit] of commits.entries()) {
    const text = texts[i];
    if (text === undefined) continue; // the commit deleted the file
    const parsed = parseRecordFile(text, path);
    if ('record' in parsed) versions.push({ commit, record: parsed.record });
    else unreadable.push(commit.slice(0, 8));
  }
  const limits = [
    shallow ? 'git 历史不完整（浅克隆），只核对了克隆下来的提交；请用完整克隆（例如 actions/checkout 的 fetch-depth: 0）' : '',
    unreadable.length ? `提交 ${unreadable.join('、')} 中的发布记录无法读取，已跳过` : '',
  ].filter(Boolean);
  return { versions, ...(limits.length ? { limitation: `核对发布记录的历史时：${limits.join('；')}。` } : {}) };
}
