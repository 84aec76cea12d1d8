/**
 * The published record holds, through both front doors: every careless or hurried edit of a
 * published report is refused by `npm run check` and by `npm run build` with the same Chinese
 * message, or ends in a dated public notice. Each case edits a copy of the multi-year fixture
 * committed to a git repository of its own (so the record's history can be checked), never
 * the real content.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { astroEnv, buildSite, ROOT } from '../helpers/build';
import { FIXTURES_DIR } from '../helpers/fixtures';
import { commit as commitContent, committedSite, edit, git } from '../helpers/committed';
import { append, formatRecordFile, parseRecordFile } from '../../src/domain/record';

const STACK = /^\s+at |node:internal|Error:/m;

function check(content: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/check.ts'), ...args], { cwd: ROOT, env: astroEnv({ CONTENT_DIR: content }), encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Both doors refuse, each printing `message`, with no stack trace, and nothing is built. */
function refusedByBoth(content: string, ...message: string[]) {
  const c = check(content);
  expect(c.status, c.out).toBe(1);
  for (const m of message) expect(c.out).toContain(m);
  expect(c.out).not.toMatch(STACK);
  const b = buildSite({ CONTENT_DIR: content });
  expect(b.status, b.output).not.toBe(0);
  for (const m of message) expect(b.output).toContain(m);
  expect(b.output).not.toMatch(STACK);
  expect(existsSync(join(b.outDir, 'index.html'))).toBe(false);
}

const report2023 = (content: string) => join(content, 'reports/2023.mdx');

describe('a published report never disappears', () => {
  it('deleting it is refused', () => {
    const content = committedSite();
    rmSync(report2023(content));
    refusedByBoth(content, '2023 年报告已经发布（见', '不能删除');
  });

  it('making it a draft is refused', () => {
    const content = committedSite();
    edit(report2023(content), 'signedOn: 2024-01-10\n', 'signedOn: 2024-01-10\ndraft: true\n');
    refusedByBoth(content, '2023 年报告已经发布，不能改回草稿（draft: true）');
  });

  it('withdrawing it with a dated notice is accepted, and then built', () => {
    const content = committedSite();
    edit(report2023(content), 'signedOn: 2024-01-10\n', 'signedOn: 2024-01-10\nwithdrawn:\n  date: 2024-06-01\n  reason: 示例：数据有误（测试）\n');
    refusedByBoth(content, '2023 年报告的改动（撤回）还没有记入发布记录');
    const accepted = check(content, '--accept');
    expect(accepted.status, accepted.out).toBe(0);
    expect(accepted.out).toContain('已记入发布记录：2023 年');
    const b = buildSite({ CONTENT_DIR: content });
    expect(b.status, b.output).toBe(0);
    expect(existsSync(join(b.outDir, '2023/index.html'))).toBe(true);
  });
});

describe('corrections and what a reader was shown', () => {
  function corrected(): string {
    const content = committedSite();
    edit(join(content, 'sections/2023/01.mdx'), /\n\n([^\n]+)\n*$/, '\n\n$1（已更正，测试）\n');
    edit(report2023(content), 'signedOn: 2024-01-10\n', 'signedOn: 2024-01-10\ncorrections:\n  - date: 2024-03-01\n    note: 示例更正（测试）\n');
    expect(check(content, '--accept').status).toBe(0);
    commitContent(content, '更正（测试）');
    return content;
  }

  it('an erased correction is refused', () => {
    const content = corrected();
    edit(report2023(content), 'corrections:\n  - date: 2024-03-01\n    note: 示例更正（测试）\n', '');
    refusedByBoth(content, '已公开的更正说明不能删除：少了 2024-03-01“示例更正（测试）”');
  });

  it('a reworded correction is refused', () => {
    const content = corrected();
    edit(report2023(content), 'note: 示例更正（测试）', 'note: 改写过的说明（测试）');
    refusedByBoth(content, '已公开的更正说明不能改写：2024-03-01“示例更正（测试）” 现在写成了“改写过的说明（测试）”');
  });

  it('a new title without a correction is refused', () => {
    const content = committedSite();
    edit(report2023(content), /^title: .+$/m, 'title: 示例局2023年法治政府建设工作报告（测试数据）');
    refusedByBoth(content, '以下内容有改动，却没有新的更正说明：标题（title）');
  });

  it('a silent edit is refused by the build too', () => {
    const content = committedSite();
    edit(join(content, 'sections/2022/01.mdx'), /\n\n([^\n]+)\n*$/, '\n\n$1（悄悄改过）\n');
    refusedByBoth(content, '2022 年报告已经发布，以下内容有改动，却没有新的更正说明：正文');
  });

  it('deleting the record file and accepting again does not let the edit through', () => {
    const content = committedSite();
    edit(join(content, 'sections/2022/01.mdx'), /\n\n([^\n]+)\n*$/, '\n\n$1（悄悄改过）\n');
    rmSync(join(content, 'published-digests.json'));
    const accepted = check(content, '--accept');
    expect(accepted.status).toBe(1);
    expect(accepted.out).toContain('以下内容有改动，却没有新的更正说明：正文');
    refusedByBoth(content, '以下内容有改动，却没有新的更正说明：正文');
  });

  it('a record entry edited by hand is named by its broken hash', () => {
    const content = committedSite();
    const record = join(content, 'published-digests.json');
    const json = JSON.parse(readFileSync(record, 'utf8'));
    json.entries[1].state.title = '改过的标题（测试）';
    writeFileSync(record, JSON.stringify(json, null, 2));
    refusedByBoth(content, '发布记录第 2 条（2022 年）的内容与它的校验值（hash）不符：这一条被改动过');
  });

  it('a record rewritten whole, every hash made anew, is refused against its git history', () => {
    const content = committedSite();
    const record = join(content, 'published-digests.json');
    const parsed = parseRecordFile(readFileSync(record, 'utf8'), 'x');
    if (!('record' in parsed)) throw new Error('fixture record unreadable');
    const forged = parsed.record.entries.reduce(
      (r, e) => append(r, { year: e.year, event: e.event, date: e.date, recordedOn: e.recordedOn, state: { ...e.state, title: e.year === 2022 ? '改过的标题（测试）' : e.state.title } }),
      { ...parsed.record, entries: [] as typeof parsed.record.entries },
    );
    writeFileSync(record, formatRecordFile(forged));
    refusedByBoth(content, '发布记录文件没有接续最近一次提交的版本：第 2 条（2022 年的发布）被改写了');
  });

  it('a committed rewrite is refused too: every version in history must extend the one before', () => {
    const content = committedSite();
    const record = join(content, 'published-digests.json');
    const parsed = parseRecordFile(readFileSync(record, 'utf8'), 'x');
    if (!('record' in parsed)) throw new Error('fixture record unreadable');
    const dropped = parsed.record.entries.slice(1).reduce((r, e) => append(r, { year: e.year, event: e.event, date: e.date, recordedOn: e.recordedOn, state: e.state }), { ...parsed.record, entries: [] as typeof parsed.record.entries });
    writeFileSync(record, formatRecordFile(dropped));
    commitContent(content, '整理发布记录（测试）');
    refusedByBoth(content, '的发布记录没有接续之前的版本', '第 1 条（2021 年的发布）被删掉了');
  });
});

describe('dates that exist, and nothing left 待填写', () => {
  it('a date that is not in the calendar is refused, not rolled over', () => {
    const content = committedSite();
    edit(report2023(content), 'signedOn: 2024-01-10', 'signedOn: 2024-02-30');
    refusedByBoth(content, 'reports/2023.mdx · 字段 signedOn：signedOn（成文日期）应为 YYYY-MM-DD 格式的真实日期，例如 2024-01-08；收到 “2024-02-30”');
  });

  it('a value still marked 待填写 in a comment is refused', () => {
    const content = committedSite();
    edit(report2023(content), 'signedOn: 2024-01-10', 'signedOn: 2024-01-10 # 待填写：落款日期');
    refusedByBoth(content, 'reports/2023.mdx · 字段 第 5 行：“signedOn: 2024-01-10 # 待填写：落款日期”还标着“待填写”');
  });
});

describe('every bad edit gets the site’s own message', () => {
  it('a YAML mistake names the file and the line', () => {
    const content = committedSite();
    edit(join(content, 'sections/2023/01.mdx'), /^heading: (.+)$/m, 'heading: 一是: $1');
    refusedByBoth(content, 'sections/2023/01.mdx · 字段 第 5 行：', '值里有“: ”（冒号加空格）。请给整个值加双引号');
  });

  it('MDX that will not compile names the file and the line', () => {
    const content = committedSite();
    edit(join(content, 'sections/2023/01.mdx'), /\n*$/, '\n\n多出来的花括号 { 没有转义（测试）\n');
    refusedByBoth(content, 'sections/2023/01.mdx · 字段 第', '正文无法按 MDX 读取：“多出来的花括号 { 没有转义（测试）”');
  });

  it('a merge conflict in the record names its line', () => {
    const content = committedSite();
    const record = join(content, 'published-digests.json');
    const text = readFileSync(record, 'utf8');
    writeFileSync(record, text.replace('{\n', '{\n<<<<<<< HEAD\n=======\n>>>>>>> report-2024\n'));
    refusedByBoth(content, 'published-digests.json · 字段 第 2 行：发布记录中有合并冲突标记');
  });

  it('broken JSON in the record is named, with the way back', () => {
    const content = committedSite();
    writeFileSync(join(content, 'published-digests.json'), '{ "2023": ');
    refusedByBoth(content, '发布记录不是有效的 JSON（可能被手工改坏了）', 'git checkout --');
  });

  it('an unknown option is named, with the usage', () => {
    const r = check(committedSite(), '--acept');
    expect(r.status).toBe(2);
    expect(r.out).toBe('不认识的选项 --acept。是不是 --accept？可用：--accept、--strict\n用法：npm run check [-- --accept] [-- --strict]\n');
  });
});

describe('a shallow clone', () => {
  it('says that only the cloned commits were checked', () => {
    const content = committedSite();
    const repo = join(content, '..');
    // A second commit, so that a clone of depth 1 leaves one out.
    writeFileSync(join(repo, '说明.txt'), '示例（测试）\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', '示例提交（测试）');
    const shallow = mkdtempSync(join(tmpdir(), 'fznb-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]);
    const r = check(join(shallow, 'content'));
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain('git 历史不完整（浅克隆），只核对了克隆下来的提交');
  });
});

describe('outside git', () => {
  it('says plainly what it could not verify, and still checks the record file itself', () => {
    const content = mkdtempSync(join(tmpdir(), 'fznb-nogit-'));
    cpSync(join(FIXTURES_DIR, 'multi-year'), content, { recursive: true });
    const r = check(content);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain('无法核对发布记录的历史：');
    expect(r.out).toContain('不在 git 仓库中（或没有安装 git）。只与发布记录文件本身比较，删除或改动这个文件不会被发现。');
    edit(join(content, 'sections/2022/01.mdx'), /\n\n([^\n]+)\n*$/, '\n\n$1（悄悄改过）\n');
    expect(check(content).status).toBe(1);
  });
});
