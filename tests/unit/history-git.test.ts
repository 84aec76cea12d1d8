/**
 * The text each recorded version published, read back from git: found by the record's history,
 * not by commit dates, which anyone can set (a wrong clock, a rebase, GIT_COMMITTER_DATE).
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContentFolder } from '../../src/domain/content-folder';
import { errorsOf } from '../../src/domain/check';
import { recordHistory } from '../../src/domain/history-git';
import { committedSite, edit } from '../helpers/committed';

const TODAY = '2026-12-06';

/** Git in the repository that holds `content`, its commits dated as given (author and committer alike). */
const gitDated = (content: string, date?: string) => (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=示例', '-c', 'user.email=test@example.test', ...args], {
    cwd: join(content, '..'),
    env: { ...process.env, ...(date && { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }) },
    encoding: 'utf8',
  });

/** Commits everything, dated as given. */
function commitDated(content: string, message: string, date?: string): void {
  const git = gitDated(content, date);
  git('add', '-A');
  git('commit', '-q', '-m', message);
}

/** A dated correction of one sentence of the 2022 report, accepted into the record. */
function correct(content: string, from: string, to: string, date: string): void {
  edit(join(content, 'sections/2022/01.mdx'), from, to);
  edit(join(content, 'sections/2022/01.mdx'), `value: "${from.match(/\d+/)![0]}"`, `value: "${to.match(/\d+/)![0]}"`);
  edit(join(content, 'reports/2022.mdx'), /^(corrections:\n(?: .*\n)*)/m, `$1  - date: ${date}\n    note: 示例更正（测试）\n`);
  const accepted = checkContentFolder(content, { root: content, accept: true, today: TODAY });
  expect(errorsOf(accepted.problems)).toEqual([]);
  expect(accepted.recorded).toEqual(['2022']);
}

describe('the text of each version, from git', () => {
  it('is found for a correction committed with a date long before the publication it corrects, merged from a branch', () => {
    const content = committedSite();
    const git = gitDated(content);
    const main = git('rev-parse', '--abbrev-ref', 'HEAD').trim();
    git('checkout', '-q', '-b', 'correction');
    correct(content, '普法活动4场', '普法活动6场', '2024-06-01');
    commitDated(content, '更正（测试，电脑时钟错在发布之前）', '2020-01-01T00:00:00+0800');
    git('checkout', '-q', main);
    writeFileSync(join(content, '..', '说明.txt'), '示例（测试）\n');
    commitDated(content, '另一处改动（测试）');
    git('merge', '-q', '--no-ff', '-m', '合并更正（测试）', 'correction');
    const check = checkContentFolder(content, { root: content, today: TODAY });
    const [newest] = recordHistory(content, check.record, check, check.versions).get(2022)!;
    expect(newest!.textUnavailable).toBeUndefined();
    expect(newest!.sentences?.flatMap((s) => s.removed).join('')).toContain('普法活动4场');
    expect(newest!.sentences?.flatMap((s) => s.added).join('')).toContain('普法活动6场');
  });
});
