/**
 * `npm run import` interrupted, killed and run twice at once, on temporary content folders
 * (copies of tests/fixtures/multi-year). Each import is a real child process, stopped at a
 * chosen point by a gate the test loads into it (GATE, below; nothing in the importer knows
 * of it): before every change the child makes in the content folder (a folder made, a file
 * written, a move, a deletion), it writes where it is and waits for the test. The test steps
 * it on until the content folder shows the point it wants, then sends a real signal and lets
 * the child go on. After an interruption the content folder must be exactly as before (files,
 * folders and bytes), with no dot folder and no lock left; after a kill, the next import
 * repairs it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { astroEnv, ROOT } from '../helpers/build';
import { FIXTURES_DIR } from '../helpers/fixtures';

/**
 * Loaded into the child with --import: wraps the file system calls that change something and,
 * for a path inside CONTENT_DIR, writes “N call path” to FZNB_GATE/at and blocks until the test
 * writes FZNB_GATE/go-N (or FZNB_GATE/run, after which nothing waits). The wait blocks the
 * thread, so a signal sent meanwhile is handled when the child next yields, as it would be had
 * it arrived at that moment.
 */
const GATE = `data:text/javascript,${encodeURIComponent(`
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const dir = process.env.FZNB_GATE, content = process.env.CONTENT_DIR;
const { existsSync, writeFileSync } = fs;
const tick = new Int32Array(new SharedArrayBuffer(4));
let n = 0;
const gate = (call, path) => {
  if (!String(path).startsWith(content) || existsSync(dir + '/run')) return;
  n++;
  writeFileSync(dir + '/at', n + ' ' + call + ' ' + String(path));
  while (!existsSync(dir + '/go-' + n) && !existsSync(dir + '/run')) Atomics.wait(tick, 0, 0, 2);
};
const changes = (call, flags) => call !== 'openSync' || !/^r$|^rs?$/.test(String(flags ?? 'r'));
for (const call of ['mkdirSync', 'writeFileSync', 'renameSync', 'openSync', 'rmSync', 'rmdirSync', 'unlinkSync', 'linkSync']) {
  const original = fs[call];
  fs[call] = function (path, ...rest) {
    if (changes(call, rest[0])) gate(call, path);
    return original.call(this, path, ...rest);
  };
}
syncBuiltinESMExports();
`)}`;

/** A child's gate: where it waits, and the test's side of it. */
class Gate {
  readonly dir = mkdtempSync(join(work, 'gate-'));
  private released = 0;

  /** The change the child waits before, if it waits: its number. */
  private waiting(): number | undefined {
    try {
      const n = Number(readFileSync(join(this.dir, 'at'), 'utf8').split(' ')[0]);
      return n > this.released ? n : undefined;
    } catch {
      return undefined;
    }
  }

  /** Steps the child on, change by change, until it waits with `ready` holding; fails if it ends first. */
  async until(ready: () => boolean, child: ChildProcess, what: string): Promise<void> {
    for (const deadline = Date.now() + 60_000; ; ) {
      const n = this.waiting();
      if (n !== undefined && ready()) return;
      if (n !== undefined) writeFileSync(join(this.dir, `go-${(this.released = n)}`), '');
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the import ended before ${what}`);
      if (Date.now() > deadline) throw new Error(`never reached ${what}`);
      await new Promise((r) => setImmediate(r));
    }
  }

  /** Lets the child run to its end without waiting again. */
  run(): void {
    writeFileSync(join(this.dir, 'run'), '');
  }
}

const work = mkdtempSync(join(tmpdir(), 'fznb-interrupt-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A synthetic report of the year 2030 (示例/测试 only), told apart by its mark and its number of parts. */
function source(mark: string, parts: number): string {
  const headings = [
    '推进法治政府建设的主要举措和成效',
    '推进法治政府建设存在的不足和原因',
    '党政主要负责人履行推进法治建设第一责任人职责情况',
    '2031年度推进法治政府建设的主要安排',
    '其他需要报告的情况',
  ];
  const numerals = ['一', '二', '三', '四', '五'];
  return [
    `示例局2030年法治政府建设年度报告（测试${mark}）`,
    `2030年,示例局（测试单位${mark}）坚持依法行政,现将有关情况报告如下:`,
    ...headings.slice(0, parts).flatMap((h, i) => [`${numerals[i]}、${h}`, `测试正文${mark}：第${i + 1}部分（示例）。`]),
    '示例局（测试）',
    '2031年1月10日',
    '',
  ].join('\n');
}

const file = (name: string, text: string) => {
  const f = join(work, name);
  writeFileSync(f, text);
  return f;
};
const A = file('示例甲.txt', source('甲', 4));
const B = file('示例乙.txt', source('乙', 5));

/** A fresh copy of the multi-year fixture. */
function contentCopy(): string {
  const dir = mkdtempSync(join(work, 'content-'));
  cpSync(join(FIXTURES_DIR, 'multi-year'), dir, { recursive: true });
  return dir;
}

/** Every path under a folder (dot names included) with its bytes, folders marked: the whole state. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = join(dir, f);
    out[f] = statSync(full).isDirectory() ? '(folder)' : readFileSync(full).toString('base64');
  }
  return out;
}

const dotNames = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('.'));

interface Done {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts an import as a child process held at its gate; `done` settles when it exits. */
function start(contentDir: string, args: string[], gate: Gate): { child: ChildProcess; done: Promise<Done> } {
  const child = spawn(process.execPath, ['--import', GATE, join(ROOT, 'scripts/import.ts'), ...args], {
    cwd: ROOT,
    env: astroEnv({ CONTENT_DIR: contentDir, INIT_CWD: ROOT, FZNB_GATE: gate.dir }),
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<Done>((resolve) => child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr })));
  return { child, done };
}

function runImport(contentDir: string, ...args: string[]): Done {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/import.ts'), ...args], {
    cwd: ROOT,
    env: astroEnv({ CONTENT_DIR: contentDir, INIT_CWD: ROOT }),
    encoding: 'utf8',
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The journal of the year's write as it stands or is about to stand: the new text waiting in
 * journal.json.tmp for its move, else journal.json; undefined when neither can be read.
 */
function journal(contentDir: string): { done: number; steps: unknown[]; committed: boolean } | undefined {
  for (const name of ['journal.json.tmp', 'journal.json']) {
    try {
      return JSON.parse(readFileSync(join(contentDir, '.import-2030', name), 'utf8'));
    } catch {
      // not written yet, or being written
    }
  }
  return undefined;
}

const lockOf = (dir: string) => join(dir, '.import-2030.lock');

/** Points in a write, each as what can be seen when the import has reached it. */
const POINTS: [string, (dir: string) => boolean][] = [
  ['holding the lock, before writing', (dir) => existsSync(lockOf(dir)) && !existsSync(join(dir, '.import-2030'))],
  ['scratch folder made, nothing moved', (dir) => journal(dir)?.done === 0 && existsSync(join(dir, '.import-2030/new/sections'))],
  ['after the first move', (dir) => (journal(dir)?.done ?? 0) >= 1],
  ['one move before the last', (dir) => {
    const j = journal(dir);
    return j !== undefined && j.done >= j.steps.length - 1;
  }],
];

describe('Ctrl+C during an import leaves the content folder exactly as it was', () => {
  for (const force of [false, true]) {
    for (const [point, reached] of POINTS) {
      it(`${force ? '--force over an existing year' : 'a new year'}: SIGINT ${point}`, async () => {
        const dir = contentCopy();
        if (force) expect(runImport(dir, A).status).toBe(0);
        const before = tree(dir);
        const gate = new Gate();
        const { child, done } = start(dir, force ? [B, '--force'] : [A], gate);
        await gate.until(() => reached(dir), child, point);
        child.kill('SIGINT');
        gate.run();
        const r = await done;
        expect(r.status, r.stderr).toBe(130);
        expect(r.stderr.trim().split('\n')).toEqual(['已中断：没有改动任何文件。']);
        expect(tree(dir)).toEqual(before);
        expect(dotNames(dir)).toEqual([]);
      });
    }
  }

  it('SIGTERM is handled the same way', async () => {
    const dir = contentCopy();
    const before = tree(dir);
    const gate = new Gate();
    const { child, done } = start(dir, [A], gate);
    await gate.until(() => (journal(dir)?.done ?? 0) >= 2, child, 'two moves');
    child.kill('SIGTERM');
    gate.run();
    const r = await done;
    expect(r.status).toBe(130);
    expect(r.stderr).toContain('已中断：没有改动任何文件。');
    expect(tree(dir)).toEqual(before);
    expect(dotNames(dir)).toEqual([]);
  });
});

describe('an import killed mid-write is repaired by the next one', () => {
  it('SIGKILL after some moves: the next import rolls them back and says so', async () => {
    const dir = contentCopy();
    expect(runImport(dir, A).status).toBe(0);
    const before = tree(dir);
    const gate = new Gate();
    const { child, done } = start(dir, [B, '--force'], gate);
    await gate.until(() => (journal(dir)?.done ?? 0) >= 2, child, 'two moves');
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    // Half written: the old sections are in the scratch folder, the lock is left.
    expect(tree(dir)).not.toEqual(before);
    expect(dotNames(dir).sort()).toEqual(['.import-2030', '.import-2030.lock']);

    const next = runImport(dir, A, '--dry-run');
    expect(next.status, next.stderr).toBe(0);
    expect(next.stdout).toMatch(/上次写入 2030 年时中断：已撤回它做了一半的 \d+ 步改动/);
    expect(tree(dir)).toEqual(before);
    expect(dotNames(dir)).toEqual([]);
  });

  it('SIGKILL before writing: the lock it left is taken over, and the import goes ahead', async () => {
    const dir = contentCopy();
    const gate = new Gate();
    const { child, done } = start(dir, [A], gate);
    await gate.until(() => existsSync(lockOf(dir)), child, 'the lock');
    const pid = child.pid;
    child.kill('SIGKILL');
    await done;
    expect(dotNames(dir)).toEqual(['.import-2030.lock']);
    const next = runImport(dir, A);
    expect(next.status, next.stderr).toBe(0);
    expect(next.stdout).toContain(`进程 ${pid}`);
    expect(next.stdout).toContain('已经不在运行');
    expect(existsSync(join(dir, 'reports/2030.mdx'))).toBe(true);
    expect(dotNames(dir)).toEqual([]);
  });
});

describe('two writers of one year', () => {
  it('two imports at once: one writes, the other refuses naming it; the year is one file’s report and sections', async () => {
    const dir = contentCopy();
    const gates = [new Gate(), new Gate()] as const;
    const first = start(dir, [A], gates[0]);
    const second = start(dir, [B], gates[1]);
    // The first takes the lock and waits there; the second, let go, finds it taken.
    await gates[0].until(() => existsSync(lockOf(dir)), first.child, 'the lock');
    gates[1].run();
    const loser = await second.done;
    gates[0].run();
    const winner = await first.done;
    expect(winner.status, winner.stderr).toBe(0);
    expect(loser.status).toBe(1);
    expect(loser.stderr).toContain(`另一个导入正在写入 2030 年的报告（进程 ${first.child.pid}`);
    expect(loser.stderr).toContain('请等它结束后再运行');
    expect(loser.stderr).not.toMatch(/^\s+at |Error:/m);

    const [mark, parts, name] = ['甲', 4, '示例甲.txt'];
    expect(readFileSync(join(dir, 'reports/2030.mdx'), 'utf8')).toContain(`测试${mark}`);
    const sections = readdirSync(join(dir, 'sections/2030')).sort();
    expect(sections).toHaveLength(parts);
    for (const s of sections) expect(readFileSync(join(dir, 'sections/2030', s), 'utf8')).toContain(`测试正文${mark}`);
    expect(readdirSync(join(dir, 'attachments/2030'))).toEqual([name]);
    expect(dotNames(dir)).toEqual([]);
  });

  it('npm run new of a year an import is writing refuses at once, naming the import', async () => {
    const dir = contentCopy();
    const gate = new Gate();
    const { child, done } = start(dir, [A], gate);
    await gate.until(() => existsSync(lockOf(dir)), child, 'the lock');
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/new.ts'), '2030'], {
      cwd: ROOT,
      env: astroEnv({ CONTENT_DIR: dir }),
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`另一个导入正在写入 2030 年的报告（进程 ${child.pid}`);
    expect(r.stderr).toContain('npm run import');
    gate.run();
    expect((await done).status).toBe(0);
    expect(readFileSync(join(dir, 'reports/2030.mdx'), 'utf8')).not.toContain('draft');
  });
});
