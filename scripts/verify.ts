/**
 * npm run verify -- <网址或文件夹> [--since 指纹]
 *
 * Checks a published site against its own record of what was published, from outside the
 * repository (src/domain/verify.ts): a live site by its address (https://www.example.gov.cn/fzbg/)
 * or a built folder (dist/). With --since, also that the record still extends a fingerprint
 * kept earlier (from a report page or an earlier run). Prints what holds and what does not, in
 * Chinese, and the fingerprint to keep; exit code 1 when anything does not hold.
 */
import { parseArgs } from 'node:util';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { verifySite, type SiteReader } from '../src/domain/verify.ts';
import { argsError } from './lib/args.ts';

const USAGE = '用法：npm run verify -- <网站地址或构建好的文件夹，例如 https://www.example.gov.cn/fzbg/ 或 dist> [--since 指纹]';
const OPTIONS = { since: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

/** A live site: each path fetched under its address. */
function webSite(address: string): SiteReader {
  const base = new URL(address.endsWith('/') ? address : `${address}/`);
  const get = async (path: string) => {
    const r = await fetch(new URL(path, base));
    return r.ok ? r : undefined;
  };
  return {
    text: async (path) => (await get(path))?.text(),
    bytes: async (path) => {
      const r = await get(path);
      return r ? new Uint8Array(await r.arrayBuffer()) : undefined;
    },
  };
}

/** A built folder: each path a file in it (a folder's index.html), names decoded as a server would. */
function folderSite(dir: string): SiteReader {
  const fileOf = (path: string) => {
    const f = join(dir, decodeURIComponent(path));
    return existsSync(f) && statSync(f).isDirectory() ? join(f, 'index.html') : f;
  };
  return {
    text: async (path) => (existsSync(fileOf(path)) ? readFileSync(fileOf(path), 'utf8') : undefined),
    bytes: async (path) => (existsSync(fileOf(path)) ? new Uint8Array(readFileSync(fileOf(path))) : undefined),
  };
}

let target: string;
let since: string | undefined;
try {
  const { values, positionals } = parseArgs({ args: process.argv.slice(2), options: OPTIONS, allowPositionals: true, strict: true });
  if (values.help || positionals.length !== 1) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  target = positionals[0]!;
  since = values.since;
} catch (e) {
  console.error((argsError(e, process.argv.slice(2), { options: OPTIONS, usage: USAGE }) as Error).message);
  process.exit(2);
}

const isWeb = /^https?:\/\//i.test(target);
if (!isWeb && !existsSync(target)) {
  console.error(`找不到 ${target}：请给出网站地址（以 http:// 或 https:// 开头）或构建好的文件夹（如 dist）。\n${USAGE}`);
  process.exit(2);
}
let result;
try {
  result = await verifySite(isWeb ? webSite(target) : folderSite(resolve(target)), since);
} catch (e) {
  console.error(`无法读取 ${target}：${(e as Error).message}。请检查网址和网络，再试一次。`);
  process.exit(2);
}
for (const line of result.held) console.log(`✓ ${line}`);
for (const line of result.failed) console.log(`✗ ${line}`);
if (result.fingerprint) console.log(`\n发布记录最新的指纹：${result.fingerprint}（请保存，下次用 --since ${result.fingerprint} 核对记录没有被改写）`);
console.log(result.failed.length ? `\n核对未通过：${result.failed.length} 处与发布记录不符。` : '\n核对通过：网站上的报告与它的发布记录一致。');
process.exit(result.failed.length ? 1 : 0);
