/**
 * A fixture's content committed to a git repository of its own, as staff keep it: tests that
 * need the record's history (the record's checks, the 版本记录) edit, accept and commit there,
 * never in the project's own repository.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES_DIR } from './fixtures';

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=示例', '-c', 'user.email=test@example.test', ...args], { cwd, encoding: 'utf8' });
}

/** Commits everything in the repository that holds `content` (its parent folder). */
export function commit(content: string, message: string): void {
  const repo = join(content, '..');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', message);
}

/** A copy of a fixture (multi-year by default) committed in a new git repository; returns its content folder. */
export function committedSite(fixture = 'multi-year'): string {
  const repo = mkdtempSync(join(tmpdir(), 'fznb-committed-'));
  const content = join(repo, 'content');
  cpSync(join(FIXTURES_DIR, fixture), content, { recursive: true });
  git(repo, 'init', '-q');
  commit(content, '发布示例报告（测试）');
  return content;
}

/** Replaces text in a file; throws when it is not there. */
export function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const after = text.replace(from, to);
  if (after === text) throw new Error(`${String(from)} not in ${file}`);
  writeFileSync(file, after);
}
