/**
 * A year's files are written all or none, and replaced only as a whole; an interrupted write
 * is put back; what a crash at any step leaves is repaired by the next command (journal.ts);
 * one writer per year (lock.ts).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { existing, plan, planYear, writeYear } from '../../src/importer/write.ts';
import { ImportError, InterruptedError } from '../../src/importer/errors.ts';
import { repairInterrupted, scratchName } from '../../src/importer/journal.ts';
import { acquireYearLock, lockFile, tookOverMessage } from '../../src/importer/lock.ts';

const fresh = () => mkdtempSync(join(tmpdir(), 'fznb-write-'));
const sections = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => ({ name: `0${i + 1}.mdx`, text: `${tag} ${i + 1}\n` }));

/** Every file under a folder with its text, dot folders included. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = join(dir, f);
    try {
      out[f] = readFileSync(full, 'utf8');
    } catch {
      // a folder
    }
  }
  return out;
}

/** Files and folders under a folder: an empty folder left behind shows here. */
const paths = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

/** A process id that no longer runs: a child that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('writing a year', () => {
  it('writes the report and its sections, creating folders, leaving nothing else', async () => {
    const dir = fresh();
    const p = plan(dir, 2030, 'report\n', sections(2, 'new'));
    expect(existing(p)).toEqual([]);
    await writeYear(p, dir, { force: false });
    expect(tree(dir)).toEqual({ 'reports/2030.mdx': 'report\n', 'sections/2030/01.mdx': 'new 1\n', 'sections/2030/02.mdx': 'new 2\n' });
    expect(existing(p)).toEqual([p.reportFile, p.sectionsDir]);
  });

  it('refuses an existing year without force and changes nothing', async () => {
    const dir = fresh();
    await writeYear(plan(dir, 2030, 'old\n', sections(1, 'old')), dir, { force: false });
    const before = tree(dir);
    await expect(writeYear(plan(dir, 2030, 'new\n', sections(1, 'new')), dir, { force: false, show: () => '某处' })).rejects.toThrow(
      new ImportError('2030 年的报告已经存在（某处、某处），没有写入任何文件。要用这份原文整体替换它，请加 --force；如果这是另一年的报告，请用 --year 指定年度。'),
    );
    expect(tree(dir)).toEqual(before);
  });

  it('counts a sections folder alone as an existing year', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'sections/2030'), { recursive: true });
    await expect(writeYear(plan(dir, 2030, 'new\n', sections(1, 'new')), dir, { force: false })).rejects.toThrow(ImportError);
  });

  it('with force replaces the sections as a whole: no stale file is left', async () => {
    const dir = fresh();
    await writeYear(plan(dir, 2030, 'old\n', sections(8, 'old')), dir, { force: false });
    writeFileSync(join(dir, 'reports/2029.mdx'), 'other year\n');
    await writeYear(plan(dir, 2030, 'new\n', sections(2, 'new')), dir, { force: true });
    expect(tree(dir)).toEqual({
      'reports/2029.mdx': 'other year\n',
      'reports/2030.mdx': 'new\n',
      'sections/2030/01.mdx': 'new 1\n',
      'sections/2030/02.mdx': 'new 2\n',
    });
    expect(readdirSync(dir).sort()).toEqual(['reports', 'sections']); // no scratch folder left
  });

  it('puts the old files back when a step fails, and leaves no scratch folder', async () => {
    const dir = fresh();
    await writeYear(plan(dir, 2030, 'old\n', sections(3, 'old')), dir, { force: false });
    const before = tree(dir);
    for (const failAt of [1, 2, 3, 4]) {
      let calls = 0;
      const rename = (from: string, to: string) => {
        if (++calls === failAt) throw new Error(`disk full at step ${failAt}`);
        renameSync(from, to);
      };
      await expect(writeYear(plan(dir, 2030, 'new\n', sections(1, 'new')), dir, { force: true, ops: { rename } })).rejects.toThrow(
        `disk full at step ${failAt}`,
      );
      expect(tree(dir), `failing at step ${failAt}`).toEqual(before);
      expect(readdirSync(dir).sort()).toEqual(['reports', 'sections']);
    }
  });

  it('writes nothing at all for a new year when a step fails', async () => {
    const dir = fresh();
    let calls = 0;
    const rename = (from: string, to: string) => {
      if (++calls === 2) throw new Error('disk full');
      renameSync(from, to);
    };
    await expect(writeYear(plan(dir, 2030, 'new\n', sections(2, 'new')), dir, { force: false, ops: { rename } })).rejects.toThrow('disk full');
    expect(tree(dir)).toEqual({});
    expect(readdirSync(dir)).toEqual([]); // the folders it made are gone too
    expect(existsSync(join(dir, 'sections/2030'))).toBe(false);
  });

  it('places a rendered year where the content layout says, written by the one renderer', async () => {
    const dir = fresh();
    const p = planYear(dir, {
      year: 2030,
      title: '示例局2030年报告（测试）',
      agency: '示例局',
      signedOn: '2031-01-10',
      preface: [{ kind: 'line', text: '示例前言。' }],
      sections: [{ order: 1, label: '一、', heading: '示例', items: ['主要举措和成效'], body: [{ kind: 'line', text: '示例正文。' }] }],
    });
    expect([p.reportFile, p.sectionsDir]).toEqual([`${dir}/reports/2030.mdx`, `${dir}/sections/2030`]);
    await writeYear(p, dir, { force: false });
    expect(tree(dir)).toEqual({
      'reports/2030.mdx': '---\nyear: 2030\ntitle: 示例局2030年报告（测试）\nagency: 示例局\nsignedOn: 2031-01-10\n---\n\n示例前言。\n',
      'sections/2030/01.mdx': '---\nreport: 2030\norder: 1\nlabel: 一、\nheading: 示例\nitems:\n  - 主要举措和成效\n---\n\n示例正文。\n',
    });
  });
});

describe('an interrupted write', () => {
  it('before it starts: nothing is written', async () => {
    const dir = fresh();
    const controller = new AbortController();
    controller.abort();
    await expect(writeYear(plan(dir, 2030, 'new\n', sections(2, 'new')), dir, { force: false, signal: controller.signal })).rejects.toThrow(
      new InterruptedError(),
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('after any move: every step is put back, no scratch folder is left', async () => {
    const dir = fresh();
    await writeYear({ ...plan(dir, 2030, 'old\n', sections(3, 'old')), attachments: [{ name: '旧.txt', data: Buffer.from('旧') }] }, dir, { force: false });
    const before = { files: tree(dir), paths: paths(dir) };
    // With force and attachments: 3 moves out, 3 moves in; an interruption after the last is too late.
    for (const stopAfter of [1, 2, 3, 4, 5]) {
      const controller = new AbortController();
      let calls = 0;
      const rename = (from: string, to: string) => {
        renameSync(from, to);
        if (++calls === stopAfter) controller.abort();
      };
      const p = { ...plan(dir, 2030, 'new\n', sections(1, 'new')), attachments: [{ name: '新.txt', data: Buffer.from('新') }] };
      await expect(writeYear(p, dir, { force: true, ops: { rename }, signal: controller.signal }), `after move ${stopAfter}`).rejects.toThrow(InterruptedError);
      expect({ files: tree(dir), paths: paths(dir) }, `after move ${stopAfter}`).toEqual(before);
    }
  });

  it('after the last move: the year stands as written', async () => {
    const dir = fresh();
    const controller = new AbortController();
    let calls = 0;
    const rename = (from: string, to: string) => {
      renameSync(from, to);
      if (++calls === 2) controller.abort();
    };
    await writeYear(plan(dir, 2030, 'new\n', sections(1, 'new')), dir, { force: false, ops: { rename }, signal: controller.signal });
    expect(tree(dir)).toEqual({ 'reports/2030.mdx': 'new\n', 'sections/2030/01.mdx': 'new 1\n' });
    expect(readdirSync(dir).sort()).toEqual(['reports', 'sections']);
  });
});

describe('repairing what a crash left', () => {
  /**
   * Copies of the content folder as a crash would leave it: right after each move (before
   * its journal record) and right before each move (after the previous record).
   */
  async function crashImages(dir: string, p: ReturnType<typeof plan>, force: boolean): Promise<{ at: string; dir: string }[]> {
    const images: { at: string; dir: string }[] = [];
    const copy = (at: string) => {
      const image = mkdtempSync(join(tmpdir(), 'fznb-crash-'));
      cpSync(dir, image, { recursive: true });
      images.push({ at, dir: image });
    };
    let calls = 0;
    const rename = (from: string, to: string) => {
      calls++;
      copy(`before move ${calls}`);
      renameSync(from, to);
      copy(`after move ${calls}`);
    };
    await writeYear(p, dir, { force, ops: { rename } });
    return images;
  }

  it('rolls back an unfinished write at every point, and says so', async () => {
    const dir = fresh();
    await writeYear({ ...plan(dir, 2030, 'old\n', sections(3, 'old')), attachments: [{ name: '旧.txt', data: Buffer.from('旧') }] }, dir, { force: false });
    writeFileSync(join(dir, 'reports/2029.mdx'), 'other year\n');
    const before = { files: tree(dir), paths: paths(dir) };
    const p = { ...plan(dir, 2030, 'new\n', sections(1, 'new')), attachments: [{ name: '新.txt', data: Buffer.from('新') }] };
    const images = await crashImages(dir, p, true);
    expect(images).toHaveLength(12);
    for (const image of images) {
      expect(readdirSync(image.dir), image.at).toContain(scratchName(2030));
      const messages = repairInterrupted(image.dir, { command: '测试' });
      expect(messages.join('\n'), image.at).toMatch(/上次写入 2030 年时中断/);
      expect({ files: tree(image.dir), paths: paths(image.dir) }, image.at).toEqual(before);
    }
  });

  it('rolls back a new year to an empty folder, the folders it made included', async () => {
    const dir = fresh();
    for (const image of await crashImages(dir, plan(dir, 2030, 'new\n', sections(2, 'new')), false)) {
      repairInterrupted(image.dir, { command: '测试' });
      expect(paths(image.dir), image.at).toEqual([]);
    }
  });

  it('keeps a committed write and deletes its scratch folder', async () => {
    const dir = fresh();
    const image = (await crashImages(dir, plan(dir, 2030, 'new\n', sections(2, 'new')), false)).at(-1)!.dir;
    // After the last move, with the journal marked committed, as a crash after the commit leaves it.
    const journal = join(image, scratchName(2030), 'journal.json');
    writeFileSync(journal, JSON.stringify({ ...JSON.parse(readFileSync(journal, 'utf8')), committed: true }));
    expect(repairInterrupted(image, { command: '测试' })).toEqual([expect.stringContaining('那次导入已经完整写入')]);
    expect({ files: tree(image), paths: paths(image) }).toEqual({ files: tree(dir), paths: paths(dir) });
  });

  it('leaves a year alone while another process holds its lock', async () => {
    const dir = fresh();
    const [image] = await crashImages(dir, plan(dir, 2030, 'new\n', sections(1, 'new')), false);
    const lock = acquireYearLock(image!.dir, 2030, { command: '测试' });
    try {
      const before = paths(image!.dir);
      // This process holds it: to the repair it is a live holder.
      expect(repairInterrupted(image!.dir, { command: '测试' })).toEqual([]);
      expect(paths(image!.dir)).toEqual(before);
    } finally {
      lock.release();
    }
  });

  it('names a scratch folder of the earlier importer (no journal) and leaves it', () => {
    const dir = fresh();
    mkdirSync(join(dir, '.import-2030-AbC123/old-sections'), { recursive: true });
    expect(repairInterrupted(dir, { command: '测试' })).toEqual([expect.stringContaining('.import-2030-AbC123')]);
    expect(existsSync(join(dir, '.import-2030-AbC123/old-sections'))).toBe(true);
  });
});

describe('the year lock', () => {
  it('is exclusive: a second taker is refused, naming the holder and what to do', () => {
    const dir = fresh();
    const lock = acquireYearLock(dir, 2030, { command: 'npm run import' });
    try {
      expect(() => acquireYearLock(dir, 2030, { command: 'npm run new', show: () => '锁文件' })).toThrow(ImportError);
      try {
        acquireYearLock(dir, 2030, { command: 'npm run new', show: () => '锁文件' });
      } catch (e) {
        expect((e as Error).message).toContain(`进程 ${process.pid}`);
        expect((e as Error).message).toContain('npm run import');
        expect((e as Error).message).toContain('请等它结束后再运行');
        expect((e as Error).message).toContain('删除 锁文件 后重试');
      }
      // Another year is another lock.
      acquireYearLock(dir, 2031, { command: '测试' }).release();
    } finally {
      lock.release();
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('takes over a lock whose process no longer runs, and says whose it was', () => {
    const dir = fresh();
    const pid = deadPid();
    writeFileSync(lockFile(dir, 2030), JSON.stringify({ pid, host: hostname(), startedAt: '2030-01-01T02:00:00Z', command: 'npm run import' }));
    const lock = acquireYearLock(dir, 2030, { command: '测试' });
    expect(lock.tookOver?.pid).toBe(pid);
    expect(tookOverMessage(lock)).toContain(`进程 ${pid}`);
    expect(tookOverMessage(lock)).toContain('2030-01-01 10:00:00');
    expect(JSON.parse(readFileSync(lockFile(dir, 2030), 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('gives a lock still being written time, then takes it over', () => {
    const dir = fresh();
    writeFileSync(lockFile(dir, 2030), '');
    expect(() => acquireYearLock(dir, 2030, { command: '测试' })).toThrow(/另一个导入正在写入 2030 年/);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockFile(dir, 2030), old, old);
    acquireYearLock(dir, 2030, { command: '测试' }).release();
  });
});
