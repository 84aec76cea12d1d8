/**
 * The record of what was published (src/domain/record.ts): a chain of entries that is only
 * ever appended to, and every way a careless or hurried edit could lose, rewrite or misdate a
 * published report, with what is allowed instead.
 */
import { describe, expect, it } from 'vitest';
import {
  append,
  checkRecord,
  emptyRecord,
  entryHash,
  fingerprintOf,
  formatRecordFile,
  isFingerprintOf,
  parseRecordFile,
  recordedYears,
  snapshotOf,
  type RecordFile,
  type Snapshot,
} from '../../src/domain/record';
import type { Figure, ReportData } from '../../src/domain/schema';
import { MANDATORY, report, section } from './rules/fixtures';

const ACCEPT = 'npm run check -- --accept';
const TODAY = '2026-12-06';
const figure: Figure = { key: 'job-fairs', label: '专场招聘会', value: '2', unit: '场' };

/** The 2023 test report as it stands, with `over` applied to its data and optionally other text, figures or items. */
function snap(
  over: Partial<ReportData> = {},
  { body = '示例前言', text = '示例正文', figures = [figure], attachments = [] as { name: string; sha256: string }[], firstItems = ['主要举措和成效'] as string[], without = [] as number[] } = {},
): Snapshot {
  const secs = MANDATORY.map((item, i) => section(i + 1, { items: (i === 0 ? firstItems : [item]) as never, figures: i === 0 ? figures : [] }, { body: text }));
  return snapshotOf(report(over, body), secs.filter((s) => !without.includes(s.data.order)), attachments);
}

const check = (now: Snapshot[], record: RecordFile, accept = false) => checkRecord(now, record, { accept, today: TODAY });
const messages = (r: { problems: { message: string }[] }) => r.problems.map((p) => p.message);
const published = check([snap()], emptyRecord(), true).record;

describe('what a report shows is recorded', () => {
  it('a report about to be published must be recorded first; --accept appends its publication; a draft is left alone', () => {
    expect(check([snap()], emptyRecord()).problems).toEqual([
      {
        file: 'reports/2023.mdx',
        field: '(发布记录)',
        message: `2023 年报告将要发布，但还没有记入发布记录。确认内容无误后运行 ${ACCEPT}，并把 published-digests.json 一起提交`,
      },
    ]);
    expect(published.entries).toHaveLength(1);
    expect(published.entries[0]).toMatchObject({ year: 2023, event: 'publish', date: null, recordedOn: TODAY, prev: null });
    expect(check([snap({ draft: true })], emptyRecord()).problems).toEqual([]);
  });

  it('once: an unchanged published report passes, and --accept appends nothing', () => {
    expect(check([snap()], published).problems).toEqual([]);
    expect(check([snap()], published, true)).toEqual({ problems: [], record: published, recorded: [] });
  });

  it('holds the title, the metadata, each section’s items, the figures and the attachments as well as the text', () => {
    expect(published.entries[0]!.state).toMatchObject({
      title: '示例局2023年法治政府建设年度报告（测试）',
      metadata: { agency: '示例局', signedOn: '2024-01-08' },
      items: { '1': '主要举措和成效', '2': '存在的不足和原因', '3': '第一责任人职责', '4': '下一年度主要安排' },
      figures: { 'job-fairs': '第一部分 专场招聘会：2场' },
      attachments: [],
    });
    expect(published.entries[0]!.state.text).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(parseRecordFile(formatRecordFile(published), 'x')).toEqual({ record: published });
  });

  it('the text digest is of what a reader sees: escapes written differently are the same text', () => {
    expect(snap({}, { text: '示例\\*正文' }).state.text).toBe(snap({}, { text: '示例\\*正文\n' }).state.text);
    expect(snap({}, { text: '示例\\*正文' }).state.text).not.toBe(snap({}, { text: '示例*正文*' }).state.text);
  });
});

describe('a published report never disappears', () => {
  it('deleting it is refused, with the way to withdraw it instead', () => {
    expect(check([], published).problems).toEqual([
      {
        file: 'reports/2023.mdx',
        field: '(文件)',
        message:
          '2023 年报告已经发布（见 published-digests.json），不能删除。请恢复这份报告的文件；要撤下它，在报告中加上 withdrawn: { date: 撤回日期, reason: 撤回原因 }，页面会保留并标明“已撤回”',
      },
    ]);
  });

  it('a published section gone is named with its file, how to get it back and how to remove it openly instead', () => {
    expect(check([snap({}, { without: [2, 4] })], published).problems).toEqual([
      {
        file: 'reports/2023.mdx',
        field: '(文件)',
        message:
          '2023 年报告已经发布，第二部分、第四部分却不见了：没有 sections/2023/02.mdx、sections/2023/04.mdx（或这些部分的 order 改了）。' +
          '已经公开的部分不能悄悄删去：误删的，请用 git 找回（例如 git checkout -- sections/2023/02.mdx）；' +
          `确要删去的，请在 corrections 中加一条更正说明（date: 更正日期，note: 删去了什么、为什么），然后运行 ${ACCEPT}`,
      },
    ]);
    const removed = check([snap({ corrections: [{ date: '2024-03-01', note: '示例：删去第四部分（测试）' }] }, { without: [4] })], published, true);
    expect(removed.problems).toEqual([]);
    expect(removed.record.entries.at(-1)).toMatchObject({ event: 'correct', date: '2024-03-01' });
  });

  it('a section file that is there but cannot be read is not taken as deleted', () => {
    const r = checkRecord([snap({}, { without: [3] })], published, { today: TODAY, unreadableSections: new Map([['2023', new Set([3])]]) });
    expect(r.problems.map((p) => p.field)).not.toContain('(文件)');
  });

  it('turning it back into a draft is refused, also with --accept', () => {
    for (const accept of [false, true]) {
      const r = check([snap({ draft: true })], published, accept);
      expect(messages(r)).toEqual(['2023 年报告已经发布，不能改回草稿（draft: true）。请删掉 draft；要撤下它，请加上 withdrawn: { date: 撤回日期, reason: 撤回原因 }']);
      expect(r.record).toEqual(published);
    }
  });

  it('withdrawing it with a dated notice is appended; the withdrawal can be neither taken back nor reworded', () => {
    const withdrawn = { date: '2024-06-01', reason: '示例：数据有误（测试）' };
    expect(messages(check([snap({ withdrawn })], published))).toEqual([`2023 年报告的改动（撤回）还没有记入发布记录。请运行 ${ACCEPT}，并把 published-digests.json 一起提交`]);
    const after = check([snap({ withdrawn })], published, true);
    expect(after.problems).toEqual([]);
    expect(after.record.entries.at(-1)).toMatchObject({ event: 'withdraw', date: '2024-06-01', note: '示例：数据有误（测试）', prev: published.entries[0]!.hash });
    expect(messages(check([snap()], after.record, true))).toEqual(['2023 年报告已于 2024-06-01 撤回，撤回不能取消。请恢复 withdrawn: { date: 2024-06-01, reason: 示例：数据有误（测试） }']);
    expect(messages(check([snap({ withdrawn: { ...withdrawn, reason: '另一个原因' } })], after.record))).toEqual([
      '已公开的撤回说明不能改动：原为 2024-06-01“示例：数据有误（测试）”。请恢复原文',
    ]);
  });
});

describe('corrections are appended, never removed or reworded', () => {
  const c1 = { date: '2024-03-01', note: '示例更正：招聘会场次（测试）' };
  const corrected = check([snap({ corrections: [c1] }, { text: '示例正文（已更正）' })], published, true).record;

  it('a correction with changed text is appended by --accept, with the new state', () => {
    expect(corrected.entries.at(-1)).toMatchObject({ event: 'correct', date: c1.date, note: c1.note, recordedOn: TODAY });
    expect(corrected.entries.at(-1)!.state.text).not.toBe(published.entries[0]!.state.text);
    expect(recordedYears(corrected).get(2023)!.corrections).toEqual([c1]);
  });

  it('removing one is refused', () => {
    expect(messages(check([snap({ corrections: [] }, { text: '示例正文（已更正）' })], corrected))).toContain('已公开的更正说明不能删除：少了 2024-03-01“示例更正：招聘会场次（测试）”。请把它加回 corrections');
  });

  it('rewording one is refused', () => {
    expect(messages(check([snap({ corrections: [{ ...c1, note: '改过的说明' }] }, { text: '示例正文（已更正）' })], corrected))).toContain(
      '已公开的更正说明不能改写：2024-03-01“示例更正：招聘会场次（测试）” 现在写成了“改过的说明”。请恢复原文；要补充说明，请另加一条新的更正',
    );
  });
});

describe('what a reader was shown changes only with a new correction', () => {
  const refused = (what: string) =>
    `2023 年报告已经发布，以下内容有改动，却没有新的更正说明：${what}。请在 corrections 中加一条（date: 更正日期，note: 改了什么），然后运行 ${ACCEPT}；如果改动是误操作，请撤销改动`;

  it.each([
    ['the text', snap({}, { text: '示例正文，悄悄改过' }), '正文（前言、各部分标题和正文、落款）'],
    ['the title', snap({ title: '示例局2023年法治政府建设工作报告（测试）' }), '标题（title）：原为“示例局2023年法治政府建设年度报告（测试）”，现为“示例局2023年法治政府建设工作报告（测试）”'],
    ['the signing date', snap({ signedOn: '2024-01-09' }), '正文（前言、各部分标题和正文、落款）；文件信息 signedOn：原为“2024-01-08”，现为“2024-01-09”'],
    ['a section’s items', snap({}, { firstItems: ['主要举措和成效', '其他需要报告的情况'] }), '第 1 部分的报告事项（items）：原为“主要举措和成效”，现为“主要举措和成效、其他需要报告的情况”'],
    ['a key figure', snap({}, { figures: [{ ...figure, value: '3' }] }), '主要数据 job-fairs：原为“第一部分 专场招聘会：2场”，现为“第一部分 专场招聘会：3场”'],
    ['a removed key figure', snap({}, { figures: [] }), '主要数据 job-fairs：原为“第一部分 专场招聘会：2场”，现为已删除'],
  ])('%s: refused without one, also with --accept', (name, now, what) => {
    for (const accept of [false, true]) {
      const r = check([now], published, accept);
      expect(messages(r), name).toEqual([refused(what)]);
      expect(r.record).toEqual(published);
    }
  });

  it('a changed attachment is refused without one; an added one is appended as a supplement', () => {
    const withFile = check([snap({}, { attachments: [{ name: '原文.docx', sha256: 'a'.repeat(64) }] })], published, true).record;
    expect(withFile.entries.at(-1)).toMatchObject({ event: 'supplement', date: TODAY, note: '新增附件 原文.docx' });
    expect(messages(check([snap({}, { attachments: [{ name: '原文.docx', sha256: 'b'.repeat(64) }] })], withFile))).toEqual([refused('附件 原文.docx 的内容已改变')]);
    expect(messages(check([snap()], withFile))).toEqual([refused('附件 原文.docx 已删除')]);
  });

  it('filling in what was unknown (发布日期) and adding a key figure need no correction, only --accept', () => {
    const now = snap({ publishedOn: '2024-01-20' }, { figures: [figure, { key: 'job-fair-positions', label: '岗位', value: '40', unit: '个' }] });
    expect(messages(check([now], published))).toEqual([
      `2023 年报告的改动（补充文件信息 publishedOn：2024-01-20；补充主要数据 job-fair-positions：第一部分 岗位：40个）还没有记入发布记录。请运行 ${ACCEPT}，并把 published-digests.json 一起提交`,
    ]);
    expect(check([now], published, true).record.entries.at(-1)).toMatchObject({ event: 'supplement' });
  });
});

describe('the chain', () => {
  const c1 = { date: '2024-03-01', note: '示例更正（测试）' };
  const two = check([snap({ corrections: [c1] }, { text: '示例正文（已更正）' })], published, true).record;

  it('links each entry to the one before, and each hash covers the entry', () => {
    expect(two.entries[1]!.prev).toBe(two.entries[0]!.hash);
    for (const e of two.entries) expect(entryHash(e)).toBe(e.hash);
  });

  it('an entry edited in place, dropped from the middle or moved is named', () => {
    const edited = structuredClone(two);
    edited.entries[0]!.state.title = '改过的标题';
    expect(parseRecordFile(formatRecordFile(edited), 'r.json')).toMatchObject({ problem: { field: 'entries[0]', message: expect.stringContaining('内容与它的校验值（hash）不符') } });
    const dropped = { ...two, entries: [two.entries[1]!] };
    expect(parseRecordFile(formatRecordFile(dropped), 'r.json')).toMatchObject({ problem: { field: 'entries[0]', message: expect.stringContaining('接不上') } });
    const moved = { ...two, entries: [two.entries[1]!, two.entries[0]!] };
    expect('problem' in parseRecordFile(formatRecordFile(moved), 'r.json')).toBe(true);
  });

  it('a fingerprint names an entry by the start of its hash, 8 hex digits or more', () => {
    const last = two.entries.at(-1)!;
    expect(fingerprintOf(last)).toHaveLength(16);
    expect(isFingerprintOf(fingerprintOf(last), last)).toBe(true);
    expect(isFingerprintOf(fingerprintOf(last).slice(0, 8).toUpperCase(), last)).toBe(true);
    expect(isFingerprintOf(fingerprintOf(last).slice(0, 7), last)).toBe(false);
    expect(isFingerprintOf(fingerprintOf(two.entries[0]!), last)).toBe(false);
  });

  it('appends in order, whatever it is given', () => {
    const r = append(append(emptyRecord(), { year: 2021, event: 'publish', date: null, recordedOn: TODAY, state: published.entries[0]!.state }), {
      year: 2022,
      event: 'publish',
      date: '2023-02-01',
      recordedOn: TODAY,
      state: published.entries[0]!.state,
    });
    expect(r.entries.map((e) => e.year)).toEqual([2021, 2022]);
    expect('record' in parseRecordFile(formatRecordFile(r), 'x')).toBe(true);
  });
});

describe('reading the record file', () => {
  it('a merge conflict names its line and says how to resolve it', () => {
    const text = '{\n<<<<<<< HEAD\n  "entries": []\n=======\n  "entries": []\n>>>>>>> report-2024\n}\n';
    expect(parseRecordFile(text, 'src/content/published-digests.json')).toEqual({
      problem: {
        file: 'src/content/published-digests.json',
        field: '第 2 行',
        message: `发布记录中有合并冲突标记（<<<<<<<）。发布记录只能追加：请保留 main 分支上的版本（git checkout --theirs 或 --ours，选 main 那一边），再运行 ${ACCEPT}，把另一个分支的发布和更正按内容追加上去`,
      },
    });
  });

  it('broken JSON names its line; a wrong shape names the field', () => {
    expect(parseRecordFile('{\n  "format": "fznb-record/2",\n  "entries": [,]\n}', 'r.json')).toMatchObject({ problem: { file: 'r.json', field: '第 3 行' } });
    expect(parseRecordFile('{"2023": {"title": 1}}', 'r.json')).toMatchObject({ problem: { field: 'format' } });
    const fix = `不要手工编辑这个文件：用 git 恢复它（git checkout -- r.json），然后运行 ${ACCEPT}`;
    expect(parseRecordFile('nonsense', 'r.json')).toMatchObject({ problem: { message: `发布记录不是有效的 JSON（可能被手工改坏了）。${fix}` } });
  });
});
