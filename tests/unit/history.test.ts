/**
 * The 版本记录's account of a change (src/domain/history.ts): sentences taken out and put in,
 * fields and attachments compared by the record's states, and a plain statement where a
 * version's text cannot be read. Entries are made by the record itself (checkRecord --accept).
 */
import { describe, expect, it } from 'vitest';
import { sentenceChanges, sentencesOf, yearHistory } from '../../src/domain/history';
import { checkRecord, emptyRecord, snapshotOf, type RecordFile } from '../../src/domain/record';
import type { ReportData } from '../../src/domain/schema';
import { MANDATORY, report, section } from './rules/fixtures';

const TODAY = '2026-12-06';
const BEFORE = '示例局开展普法活动4场。接待咨询30人次；均为测试数据。';
const AFTER = '示例局开展普法活动6场。接待咨询30人次；均为测试数据。';

function accepted(record: RecordFile, over: Partial<ReportData>, text: string, attachments: { name: string; sha256: string }[] = []): RecordFile {
  const secs = MANDATORY.map((item, i) => section(i + 1, { items: [item] as never }, { body: text }));
  return checkRecord([snapshotOf(report(over), secs, attachments)], record, { accept: true, today: TODAY }).record;
}

describe('sentences', () => {
  it('end at 。！？； (kept) or with their line, and blank ones are dropped', () => {
    expect(sentencesOf('一句。两句！\n三句\n\n四句；五句？')).toEqual(['一句。', '两句！', '三句', '四句；', '五句？']);
  });

  it('a change is the run of sentences taken out and the run put in, where they stood', () => {
    expect(sentenceChanges(BEFORE, AFTER)).toEqual([{ removed: ['示例局开展普法活动4场。'], added: ['示例局开展普法活动6场。'] }]);
    expect(sentenceChanges(BEFORE, BEFORE)).toEqual([]);
    expect(sentenceChanges('甲。乙。', '甲。乙。丙。')).toEqual([{ removed: [], added: ['丙。'] }]);
  });
});

describe('a year’s history', () => {
  const published = accepted(emptyRecord(), {}, BEFORE);
  const correction = { date: '2024-03-01', note: '示例更正：普法活动场次（测试）' };
  const corrected = accepted(published, { corrections: [correction], documentNumber: '示例〔2024〕1号' }, AFTER, [{ name: '示例原文.pdf', sha256: 'a'.repeat(64) }]);

  it('lists the newest entry first, with its note and the sentences it changed', () => {
    const history = yearHistory(corrected.entries, [{ text: BEFORE }, { text: AFTER }]);
    expect(history.map((h) => h.event)).toEqual(['correct', 'publish']);
    expect(history[0]).toMatchObject({ date: correction.date, note: correction.note, sentences: [{ removed: ['示例局开展普法活动4场。'], added: ['示例局开展普法活动6场。'] }] });
    expect(history[0]!.metadata).toEqual([{ field: 'documentNumber', after: '示例〔2024〕1号' }]);
    expect(history[0]!.attachments).toEqual({ added: ['示例原文.pdf'], replaced: [], removed: [] });
    expect(history[1]!.sentences).toBeUndefined();
  });

  it('says why, instead of guessing, when a version’s text cannot be read', () => {
    const why = '这一版的全文无法取得（测试）';
    const history = yearHistory(corrected.entries, [{ unavailable: why }, { text: AFTER }]);
    expect(history[0]).toMatchObject({ textUnavailable: why });
    expect(history[0]!.sentences).toBeUndefined();
  });
});
