/**
 * The record of what was published (src/domain/record.ts): every way a careless or hurried
 * edit could lose, rewrite or misdate a published report, and what is allowed instead.
 */
import { describe, expect, it } from 'vitest';
import {
  baselineOf,
  checkRecord,
  formatRecordFile,
  parseRecordFile,
  recordOf,
  snapshotOf,
  type RecordFile,
  type Snapshot,
} from '../../src/domain/record';
import type { Figure, ReportData } from '../../src/domain/schema';
import { MANDATORY, report, section } from './rules/fixtures';

const ACCEPT = 'npm run check -- --accept';
const figure: Figure = { key: 'job-fairs', label: '专场招聘会', value: '2', unit: '场' };

/** The 2023 test report as it stands, with `over` applied to its data and optionally other text or figures. */
function snap(over: Partial<ReportData> = {}, { body = '示例前言', text = '示例正文', figures = [figure], attachments = [] as { name: string; sha256: string }[] } = {}): Snapshot {
  const secs = MANDATORY.map((item, i) => section(i + 1, { items: [item], figures: i === 0 ? figures : [] }, { body: text }));
  return snapshotOf(report(over, body), secs, attachments);
}

const published = snap();
const file: RecordFile = { '2023': recordOf(published) };
const none = new Map();
const check = (now: Snapshot[], own: RecordFile = file, accept = false, history = none) => checkRecord(now, own, history, { accept });
const messages = (r: { problems: { message: string }[] }) => r.problems.map((p) => p.message);

describe('what a report shows is recorded', () => {
  it('once: an unchanged published report passes, and --accept changes nothing', () => {
    expect(check([snap()]).problems).toEqual([]);
    expect(check([snap()], file, true)).toEqual({ problems: [], record: file, recorded: [] });
  });

  it('a report about to be published must be recorded first; --accept records it; a draft is left alone', () => {
    expect(check([snap()], {}).problems).toEqual([
      {
        file: 'reports/2023.mdx',
        field: '(发布记录)',
        message: `2023 年报告将要发布，但还没有记入发布记录。确认内容无误后运行 ${ACCEPT}，并把 published-digests.json 一起提交`,
      },
    ]);
    expect(check([snap()], {}, true)).toEqual({ problems: [], record: file, recorded: ['2023'] });
    expect(check([snap({ draft: true })], {}).problems).toEqual([]);
  });

  it('holds the title, the metadata, the figures and the attachments as well as the text', () => {
    expect(file['2023']).toMatchObject({
      title: '示例局2023年法治政府建设年度报告（测试）',
      metadata: { agency: '示例局', signedOn: '2024-01-08' },
      figures: { 'job-fairs': '第一部分 专场招聘会：2场' },
      attachments: [],
      corrections: [],
    });
    expect(parseRecordFile(formatRecordFile(file), 'x')).toEqual({ record: file });
  });
});

describe('a published report never disappears', () => {
  it('deleting it is refused, with the way to withdraw it instead', () => {
    expect(check([]).problems).toEqual([
      {
        file: 'reports/2023.mdx',
        field: '(文件)',
        message:
          '2023 年报告已经发布（见 published-digests.json），不能删除。请恢复这份报告的文件；要撤下它，在报告中加上 withdrawn: { date: 撤回日期, reason: 撤回原因 }，页面会保留并标明“已撤回”',
      },
    ]);
  });

  it('turning it back into a draft is refused, also with --accept', () => {
    for (const accept of [false, true]) {
      const r = check([snap({ draft: true })], file, accept);
      expect(messages(r)).toEqual(['2023 年报告已经发布，不能改回草稿（draft: true）。请删掉 draft；要撤下它，请加上 withdrawn: { date: 撤回日期, reason: 撤回原因 }']);
      expect(r.record).toEqual(file);
    }
  });

  it('withdrawing it with a dated notice is recorded; the withdrawal can be neither taken back nor reworded', () => {
    const withdrawn = { date: '2024-06-01', reason: '示例：数据有误（测试）' };
    expect(messages(check([snap({ withdrawn })]))).toEqual([
      `2023 年报告的改动（撤回）还没有记入发布记录。请运行 ${ACCEPT}，并把 published-digests.json 一起提交`,
    ]);
    const after = check([snap({ withdrawn })], file, true);
    expect(after.problems).toEqual([]);
    expect(after.record['2023']).toMatchObject({ withdrawn });
    expect(messages(check([snap()], after.record, true))).toEqual([
      '2023 年报告已于 2024-06-01 撤回，撤回不能取消。请恢复 withdrawn: { date: 2024-06-01, reason: 示例：数据有误（测试） }',
    ]);
    expect(messages(check([snap({ withdrawn: { ...withdrawn, reason: '另一个原因' } })], after.record))).toEqual([
      '已公开的撤回说明不能改动：原为 2024-06-01“示例：数据有误（测试）”。请恢复原文',
    ]);
  });
});

describe('corrections are added, never removed or reworded', () => {
  const c1 = { date: '2024-03-01', note: '示例更正：招聘会场次（测试）' };
  const corrected = check([snap({ corrections: [c1] }, { text: '示例正文（已更正）' })], file, true).record;

  it('a correction with changed text is recorded by --accept', () => {
    expect(corrected['2023']).toMatchObject({ corrections: [c1] });
  });

  it('removing one is refused', () => {
    expect(messages(check([snap({ corrections: [] }, { text: '示例正文（已更正）' })], corrected))).toContain(
      '已公开的更正说明不能删除：少了 2024-03-01“示例更正：招聘会场次（测试）”。请把它加回 corrections',
    );
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
    // The signature prints the signing date, so the text changes with it.
    ['the signing date', snap({ signedOn: '2024-01-09' }), '正文（前言、各部分标题和正文、落款）；signedOn：原为“2024-01-08”，现为“2024-01-09”'],
    ['a key figure', snap({}, { figures: [{ ...figure, value: '3' }] }), '主要数据 job-fairs：原为“第一部分 专场招聘会：2场”，现为“第一部分 专场招聘会：3场”'],
    ['a removed key figure', snap({}, { figures: [] }), '主要数据 job-fairs：原为“第一部分 专场招聘会：2场”，现为已删除'],
  ])('%s: refused without one, also with --accept', (name, now, what) => {
    for (const accept of [false, true]) {
      const r = check([now], file, accept);
      expect(messages(r), name).toEqual([refused(what)]);
      expect(r.record).toEqual(file);
    }
  });

  it('a changed attachment is refused without one; an added one is recorded', () => {
    const withFile = check([snap({}, { attachments: [{ name: '原文.docx', sha256: 'a'.repeat(64) }] })], file, true).record;
    expect(withFile['2023']).toMatchObject({ attachments: [{ name: '原文.docx', sha256: 'a'.repeat(64) }] });
    expect(messages(check([snap({}, { attachments: [{ name: '原文.docx', sha256: 'b'.repeat(64) }] })], withFile))).toEqual([refused('附件 原文.docx 的内容已改变')]);
    expect(messages(check([snap()], withFile))).toEqual([refused('附件 原文.docx 已删除')]);
  });

  it('with a new correction, --accept records the change', () => {
    const now = snap({ title: '示例局2023年法治政府建设工作报告（测试）', corrections: [{ date: '2024-03-01', note: '更正标题（测试）' }] });
    expect(messages(check([now]))).toEqual([
      `2023 年报告的改动（标题（title）：原为“示例局2023年法治政府建设年度报告（测试）”，现为“示例局2023年法治政府建设工作报告（测试）”；新的更正说明）还没有记入发布记录。请运行 ${ACCEPT}，并把 published-digests.json 一起提交`,
    ]);
    const r = check([now], file, true);
    expect(r.problems).toEqual([]);
    expect(r.record['2023']).toEqual(recordOf(now));
  });

  it('filling in what was unknown (发布日期) and adding a key figure need no correction, only --accept', () => {
    const now = snap({ publishedOn: '2024-01-20' }, { figures: [figure, { key: 'job-fair-positions', label: '岗位', value: '40', unit: '个' }] });
    expect(messages(check([now]))).toEqual([
      `2023 年报告的改动（补充 publishedOn：2024-01-20；新增主要数据 job-fair-positions）还没有记入发布记录。请运行 ${ACCEPT}，并把 published-digests.json 一起提交`,
    ]);
    expect(check([now], file, true).problems).toEqual([]);
  });
});

describe('the record file is held to its git history', () => {
  const history = (record: RecordFile, commit = 'c0ffee00c0ffee00') => baselineOf([{ commit, record }]);

  it('deleting the record file and running --accept does not let an edit through', () => {
    const edited = snap({}, { text: '示例正文，悄悄改过' });
    const r = check([edited], {}, true, history(file));
    expect(messages(r)).toEqual([expect.stringContaining('以下内容有改动，却没有新的更正说明：正文')]);
    expect(r.record).toEqual(file);
  });

  it('a record file missing a year git recorded is restored by --accept, and asked for without it', () => {
    expect(messages(check([snap()], {}, false, history(file)))).toEqual([
      `发布记录中缺少 2023 年（git 历史的提交 c0ffee00 中记录过）。已发布的记录不能删除：请运行 ${ACCEPT} 从历史中恢复，并把 published-digests.json 一起提交`,
    ]);
    expect(check([snap()], {}, true, history(file))).toMatchObject({ problems: [], record: file });
  });

  it('a record file rewritten to match an edit is refused', () => {
    const edited = snap({}, { text: '示例正文，悄悄改过' });
    const forged = { '2023': recordOf(edited) };
    expect(messages(check([edited], forged, false, history(file)))[0]).toBe(
      `发布记录中 2023 年的记录与 git 历史（提交 c0ffee00）记下的不一致：记录只能随新的更正说明更新，不能改写或删减。请用 git 恢复这个文件（git checkout -- published-digests.json），然后运行 ${ACCEPT}`,
    );
  });

  it('a correction any commit recorded stays, even if a later commit dropped it from the file', () => {
    const c1 = { date: '2024-03-01', note: '示例更正（测试）' };
    const v1 = { '2023': recordOf(snap({ corrections: [c1] })) };
    const v2 = { '2023': recordOf(snap({ corrections: [] })) };
    const base = baselineOf([
      { commit: 'aaaaaaaa', record: v1 },
      { commit: 'bbbbbbbb', record: v2 },
    ]);
    expect(messages(check([snap({ corrections: [] })], v2, false, base))).toContain('已公开的更正说明不能删除：少了 2024-03-01“示例更正（测试）”。请把它加回 corrections');
  });
});

describe('the record written before it held everything (a text digest and a count)', () => {
  const legacy = { '2023': { digest: published.legacyDigest, corrections: 0 } };

  it('still holds the text: an unchanged report is upgraded by --accept, an edit is refused', () => {
    expect(check([snap()], legacy).problems).toEqual([
      {
        file: 'published-digests.json',
        field: '2023',
        warning: true,
        message: `2023 年的发布记录是旧格式，只记了正文摘要。请运行 ${ACCEPT} 升级为完整记录，并把 published-digests.json 一起提交`,
      },
    ]);
    expect(check([snap()], legacy, true).record).toEqual(file);
    expect(messages(check([snap({}, { text: '改过' })], legacy, true))).toEqual([expect.stringContaining('以下内容有改动，却没有新的更正说明：正文（前言、各部分标题和正文、落款）或附件')]);
  });
});

describe('reading the record file', () => {
  it('a merge conflict names its line and says how to resolve it', () => {
    const text = '{\n<<<<<<< HEAD\n  "2023": {}\n=======\n  "2024": {}\n>>>>>>> report-2024\n}\n';
    expect(parseRecordFile(text, 'src/content/published-digests.json')).toEqual({
      problem: {
        file: 'src/content/published-digests.json',
        field: '第 2 行',
        message:
          `发布记录中有合并冲突标记（<<<<<<<）。两个分支都发布或更正了报告：保留冲突两边的全部年份和更正（删掉 <<<<<<<、=======、>>>>>>> 三行，同一年取更正较多的一边），再运行 ${ACCEPT} 核对`,
      },
    });
  });

  it('broken JSON names its line; a wrong shape names the field', () => {
    expect(parseRecordFile('{\n  "2023": {\n    "text": \n}', 'r.json')).toMatchObject({ problem: { file: 'r.json', field: '第 4 行' } });
    expect(parseRecordFile('{"2023": {"title": 1}}', 'r.json')).toMatchObject({ problem: { field: '2023' } });
    const fix = `不要手工编辑这个文件：用 git 恢复它（git checkout -- r.json），然后运行 ${ACCEPT}`;
    expect(parseRecordFile('nonsense', 'r.json')).toMatchObject({ problem: { message: `发布记录不是有效的 JSON（可能被手工改坏了）。${fix}` } });
  });
});
