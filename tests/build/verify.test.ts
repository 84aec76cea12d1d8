/**
 * `npm run verify` as a citizen, an archive or the district portal runs it: against a built
 * fixture site, as a folder and served over HTTP under a base path, and against copies where
 * a page, an attachment or the record itself was changed after the build. What holds and what
 * does not is said in Chinese, the exit code says which, and a fingerprint kept earlier shows
 * whether the record was rewritten.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { astroEnv, ROOT } from '../helpers/build';
import { builtFixture, PORTAL, type BuiltFixture } from '../helpers/fixtures';
import { serve } from '../helpers/serve';
import { load } from 'cheerio';
import { append, fingerprintOf, formatRecordFile, parseRecordFile, type RecordFile } from '../../src/domain/record';

const STACK = /^\s+at |node:internal/m;

/** Runs npm run verify's script; resolves with its exit code and what it printed. */
function verify(...args: string[]): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/verify.ts'), ...args], { cwd: ROOT, env: astroEnv() });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('close', (status) => resolve({ status, out }));
  });
}

let site: BuiltFixture;
let record: RecordFile;

beforeAll(async () => {
  // The portal's build (under /fzbg/, with the site's address), which other files read too.
  site = await builtFixture('multi-year', PORTAL);
  const parsed = parseRecordFile(readFileSync(join(site.dist, 'data/record.json'), 'utf8'), 'record.json');
  if (!('record' in parsed)) throw new Error('the built record is unreadable');
  record = parsed.record;
});

/** A copy of the built site to change. */
function copyOfSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fznb-verify-'));
  cpSync(site.dist, dir, { recursive: true });
  return dir;
}

describe('a site that shows what its record says', () => {
  it('passes as a built folder, naming each report and the fingerprint to keep', async () => {
    const r = await verify(site.dist);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain(`✓ 发布记录共 ${record.entries.length} 条，每一条都与前一条相连，校验值都对`);
    for (const year of new Set(record.entries.map((e) => e.year))) {
      expect(r.out).toContain(`✓ ${year} 年报告（/${year}/）：正文、标题、文件信息、附件和指纹都与发布记录一致`);
    }
    expect(r.out).toContain(`发布记录最新的指纹：${fingerprintOf(record.entries.at(-1)!)}`);
    expect(r.out).toContain('核对通过：网站上的报告与它的发布记录一致。');
  });

  it('passes served over HTTP under its base path, and extends an earlier fingerprint', async () => {
    const served = await serve(site.dist, { base: '/fzbg/' });
    try {
      const first = fingerprintOf(record.entries[0]!).slice(0, 8);
      const r = await verify(served.url, '--since', first);
      expect(r.status, r.out).toBe(0);
      expect(r.out).toContain(`✓ 发布记录接续您保存的指纹 ${first}（第 1 条），之后又追加了 ${record.entries.length - 1} 条`);
    } finally {
      await served.close();
    }
  });

  it('each report page shows its fingerprint', () => {
    const $ = load(readFileSync(join(site.dist, '2023/index.html'), 'utf8'));
    const last = record.entries.filter((e) => e.year === 2023).at(-1)!;
    expect($('.record-fingerprint').text()).toBe(`发布记录指纹：${fingerprintOf(last)}（版本记录和核对方法）`);
  });
});

/** A built page with （改过） put in after `before`; throws when the page has no such place. */
function edited(file: string, before: RegExp): void {
  const html = readFileSync(file, 'utf8');
  if (!before.test(html)) throw new Error(`${before} not in ${file}`);
  writeFileSync(file, html.replace(before, '$1（改过）'));
}

describe('a site changed after the build', () => {
  it('a sentence changed on a section page is found, on that page', async () => {
    const dir = copyOfSite();
    const file = join(dir, '2022/section-1/index.html');
    edited(file, /(<div class="report-text" data-record-body[^>]*>[\s\S]*?<p[^>]*>)/);
    const r = await verify(dir);
    expect(r.status).toBe(1);
    expect(r.out).toContain('✗ 2022 年报告（/2022/）：第 1 部分的页面 /2022/section-1/ 与报告全文中的这一部分不同');
    expect(r.out).not.toMatch(STACK);
  });

  it('a changed report page and a swapped attachment are found', async () => {
    const dir = copyOfSite();
    const page = join(dir, '2022/index.html');
    edited(page, /(<div class="preface" id="preface" data-record-body[^>]*><p[^>]*>)/);
    const attachment = readdirSync(join(dir, '2022/files'))[0]!;
    writeFileSync(join(dir, '2022/files', attachment), '另一份文件（测试）\n');
    const r = await verify(dir);
    expect(r.status).toBe(1);
    expect(r.out).toContain('✗ 2022 年报告（/2022/）：页面上的正文与发布记录不符');
    expect(r.out).toContain(`✗ 2022 年报告（/2022/）：附件 ${attachment} 的内容与发布记录中的 SHA-256 不符`);
    expect(r.out).toContain('核对未通过');
  });

  it('a record rewritten whole, every hash made anew, no longer extends a fingerprint kept before', async () => {
    const dir = copyOfSite();
    const rewritten = record.entries.reduce(
      (r, e) => append(r, { year: e.year, event: e.event, date: e.date, note: e.note, recordedOn: e.recordedOn, state: { ...e.state, title: `${e.state.title}（改）` } }),
      { ...record, entries: [] as RecordFile['entries'] },
    );
    writeFileSync(join(dir, 'data/record.json'), formatRecordFile(rewritten));
    const kept = fingerprintOf(record.entries.at(-1)!);
    const r = await verify(dir, '--since', kept);
    expect(r.status).toBe(1);
    expect(r.out).toContain(`✗ 发布记录中没有指纹 ${kept} 的那一条：记录被改写过`);
    expect(r.out).toContain('标题与发布记录不符');
  });

  it('an entry edited in the published record is named', async () => {
    const dir = copyOfSite();
    const json = JSON.parse(readFileSync(join(dir, 'data/record.json'), 'utf8'));
    json.entries[0].date = '2000-01-01';
    writeFileSync(join(dir, 'data/record.json'), JSON.stringify(json, null, 2));
    const r = await verify(dir);
    expect(r.status).toBe(1);
    expect(r.out).toContain('✗ 发布记录不完整或被改动过：发布记录第 1 条');
  });

  it('a folder or address that is not there gets a Chinese message and the usage, no stack trace', async () => {
    const r = await verify(join(tmpdir(), 'no-such-site-folder'));
    expect(r.status).toBe(2);
    expect(r.out).toContain('找不到');
    expect(r.out).toContain('用法：npm run verify --');
    expect(r.out).not.toMatch(STACK);
  });
});
