/**
 * Checking a published site against its own record, from outside the repository, as anyone
 * can (`npm run verify`): the record (/data/record.json) must be a whole chain, extend the
 * fingerprint the checker kept (when given), and every report page must show what the record's
 * last entry for its year says was published: the text a reader sees (the same readerText of
 * the same elements, body.ts), the title, each metadata field, the attachments (their names,
 * digests and bytes) and the fingerprint; each section's own page the same text as the report
 * page. The fetching is given (a live site over HTTP, or a built folder), so this is pure.
 */
import { load } from 'cheerio';
import { fromHtml } from 'hast-util-from-html';
import { readerText } from './body.ts';
import { digestOf, sha256Hex } from './digest.ts';
import { fingerprintOf, isFingerprintOf, parseRecordFile, recordedYears, recordText, type RecordedYear, type RecordFile } from './record.ts';
import { attachmentPath, recordDataPath, reportPath, sectionPath } from '../utils/routes.ts';

/** A file of the site by its path under the site's base: its text, or its bytes; undefined when it is not there. */
export interface SiteReader {
  text(path: string): Promise<string | undefined>;
  bytes(path: string): Promise<Uint8Array | undefined>;
}

export interface Verification {
  /** What was checked and holds, one line each. */
  held: string[];
  /** What does not hold, one line each: the site does not show what its record says. */
  failed: string[];
  /** The record's last fingerprint, to keep for next time. */
  fingerprint?: string;
}

const blocksOf = (html: string | null) => readerText(fromHtml(html ?? '', { fragment: true }));

/** The text a reader sees of a report page's parts, as the record digests it. */
function pageText($: ReturnType<typeof load>): string {
  const preface = blocksOf($('#preface[data-record-body]').html());
  const sections = $('[data-record-section]')
    .toArray()
    .map((s) => ({ heading: $(s).find('[data-record-heading]').first().text(), blocks: blocksOf($(s).find('[data-record-body]').first().html()) }));
  const signature = $('[data-record-signature] p').toArray().map((p) => $(p).text());
  return recordText(preface, sections, signature);
}

/** The metadata fields a page shows, by the record's names. */
function pageMetadata($: ReturnType<typeof load>): Record<string, string> {
  return Object.fromEntries($('[data-record-field]').toArray().map((e) => [$(e).attr('data-record-field')!, $(e).text()]));
}

/** Checks one year's report page, its section pages and its attachments against what the record says of it. */
async function verifyYear(site: SiteReader, y: RecordedYear, out: Verification): Promise<void> {
  const where = `${y.year} 年报告（/${reportPath(y.year)}）`;
  const html = await site.text(reportPath(y.year));
  if (html === undefined) return void out.failed.push(`${where}：页面不存在，发布记录中却有它`);
  const $ = load(html);
  const fail = (what: string) => out.failed.push(`${where}：${what}`);
  if (digestOf(pageText($)) !== y.state.text) fail('页面上的正文与发布记录不符（前言、各部分标题和正文、落款中有改动）');
  if ($('#report-title').text() !== y.state.title) fail(`标题与发布记录不符：页面是“${$('#report-title').text()}”，记录是“${y.state.title}”`);
  const shown = pageMetadata($);
  for (const [key, value] of Object.entries(shown)) {
    if (y.state.metadata[key] !== value) fail(`文件信息 ${key} 与发布记录不符：页面是“${value}”，记录是“${y.state.metadata[key] ?? '（没有）'}”`);
  }
  if ($('[data-record-fingerprint]').text() !== fingerprintOf(y.last)) fail(`页面上的发布记录指纹“${$('[data-record-fingerprint]').text()}”不是记录中这份报告最后一条的指纹 ${fingerprintOf(y.last)}`);
  await verifySections(site, $, y, fail);
  await verifyAttachments(site, $, y, fail);
  if (out.failed.every((f) => !f.startsWith(where))) out.held.push(`${where}：正文、标题、文件信息、附件和指纹都与发布记录一致`);
}

/** Each section's own page shows the text its part of the report page shows. */
async function verifySections(site: SiteReader, $: ReturnType<typeof load>, y: RecordedYear, fail: (what: string) => void): Promise<void> {
  const sections = $('[data-record-section]').toArray();
  for (const [i, s] of sections.entries()) {
    const path = sectionPath(y.year, i + 1);
    const html = await site.text(path);
    if (html === undefined) {
      fail(`第 ${i + 1} 部分的页面 /${path} 不存在`);
      continue;
    }
    const own = blocksOf(load(html)('.report-text[data-record-body]').first().html()).join('\n');
    if (own !== blocksOf($(s).find('[data-record-body]').first().html()).join('\n')) fail(`第 ${i + 1} 部分的页面 /${path} 与报告全文中的这一部分不同`);
  }
}

/** The attachments listed are the record's, by name and digest, and their files have those bytes. */
async function verifyAttachments(site: SiteReader, $: ReturnType<typeof load>, y: RecordedYear, fail: (what: string) => void): Promise<void> {
  const listed = $('[data-record-attachment]').toArray().map((e) => ({ name: $(e).attr('data-record-attachment')!, sha256: $(e).attr('data-sha256')! }));
  const expected = y.state.attachments;
  const key = (a: { name: string; sha256: string }) => `${a.name} ${a.sha256}`;
  if (listed.map(key).sort().join('\n') !== expected.map(key).sort().join('\n')) fail('原文下载列出的附件与发布记录不符');
  for (const a of expected) {
    const bytes = await site.bytes(attachmentPath(y.year, a.name));
    if (!bytes) fail(`附件 ${a.name} 无法下载`);
    else if (sha256Hex(bytes) !== a.sha256) fail(`附件 ${a.name} 的内容与发布记录中的 SHA-256 不符`);
  }
}

/** The record file of the site, as published, read and checked as a chain. */
async function readPublishedRecord(site: SiteReader, out: Verification): Promise<RecordFile | undefined> {
  const text = await site.text(recordDataPath);
  if (text === undefined) return void out.failed.push(`网站上没有发布记录（/${recordDataPath}）`);
  const parsed = parseRecordFile(text, recordDataPath);
  if ('problem' in parsed) return void out.failed.push(`发布记录不完整或被改动过：${parsed.problem.message.split('。')[0]}`);
  out.held.push(`发布记录共 ${parsed.record.entries.length} 条，每一条都与前一条相连，校验值都对`);
  return parsed.record;
}

/** Checks a site against its record, and the record against a fingerprint kept earlier (`since`). */
export async function verifySite(site: SiteReader, since?: string): Promise<Verification> {
  const out: Verification = { held: [], failed: [] };
  const record = await readPublishedRecord(site, out);
  if (!record) return out;
  const last = record.entries.at(-1);
  if (last) out.fingerprint = fingerprintOf(last);
  if (since !== undefined) {
    const at = record.entries.findIndex((e) => isFingerprintOf(since, e));
    if (at < 0) out.failed.push(`发布记录中没有指纹 ${since} 的那一条：记录被改写过（或指纹抄错了；指纹至少要 8 位）`);
    else out.held.push(`发布记录接续您保存的指纹 ${since}（第 ${at + 1} 条），之后又追加了 ${record.entries.length - at - 1} 条`);
  }
  for (const y of recordedYears(record).values()) await verifyYear(site, y, out);
  return out;
}
