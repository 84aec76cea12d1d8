/**
 * Synthetic report content for benchmarks: `writeFixtureReports(dir, count)` writes `count`
 * reports in the CONTENT_DIR layout (reports/YYYY.mdx, sections/YYYY/NN.mdx) that the real
 * schemas and content checks accept.
 *
 * Everything written here is clearly fake: titles say 示例/测试数据 and every paragraph is made
 * of 示例/测试 sentences. The length is deliberately on the heavy side: each report has 8
 * sections covering the four mandatory items (and 其他需要报告的情况), each section
 * 1,200–1,600 Chinese characters in several paragraphs under (一)(二)… sub-headings.
 * Sentences are drawn by a seeded generator from a word pool, so text varies between sections
 * (as real text does, which matters for the search index) and every run writes the same files.
 *
 * Years run from 1990 upwards; a report year is any four-digit year (REPORT_YEARS), so up to
 * MAX_REPORTS reports fit; asking for more throws. Entries are rendered by the importer's
 * renderer (src/importer/mdx.ts) into the content layout (src/domain/layout.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { checkContentFolder } from '../src/domain/content-folder.ts';
import { errorsOf, formatProblems } from '../src/domain/check.ts';
import { ROOT } from '../tests/helpers/build.ts';
import { REPORT_YEARS, reportFile, reportsRoot, sectionFile, sectionsDir } from '../src/domain/layout.ts';
import { toChineseNumeral } from '../src/domain/numerals.ts';
import { renderReport, renderSection } from '../src/importer/mdx.ts';
import type { BodyBlock } from '../src/importer/model.ts';

export const FIRST_YEAR = 1990;
export const MAX_REPORTS = REPORT_YEARS.max - FIRST_YEAR + 1;
export const SECTIONS_PER_REPORT = 8;
export const MIN_CHARS = 1200;
export const MAX_CHARS = 1600;

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** Section by section: the item it reports on and its (fake) heading. */
const PLAN: { item: string; heading: string }[] = [
  { item: '主要举措和成效', heading: '示例举措：测试性学习宣传与制度建设' },
  { item: '主要举措和成效', heading: '示例举措：测试性依法行政与执法规范' },
  { item: '主要举措和成效', heading: '示例举措：测试性服务保障与矛盾化解' },
  { item: '存在的不足和原因', heading: '示例工作中存在的不足和原因（测试）' },
  { item: '第一责任人职责', heading: '示例主要负责人履行第一责任人职责情况（测试）' },
  { item: '主要举措和成效', heading: '示例举措：测试性监督考核与信息公开' },
  { item: '下一年度主要安排', heading: '示例下一年度主要安排（测试）' },
  { item: '其他需要报告的情况', heading: '其他需要报告的示例情况（测试）' },
];

const SUBJECTS = ['示例局', '测试科室', '示例工作组', '测试领导小组', '示例服务站', '测试中心', '示例窗口', '测试执法队'];
const VERBS = ['组织开展', '认真落实', '持续推进', '扎实做好', '统筹安排', '深入开展', '规范实施', '全面梳理', '定期检查', '逐步完善'];
const OBJECTS = [
  '示例普法宣传活动', '测试性制度清理工作', '示例行政执法公示', '测试档案整理', '示例政务公开事项', '测试性法律顾问咨询',
  '示例矛盾纠纷排查', '测试信访事项办理', '示例合法性审查', '测试培训课程', '示例服务对象回访', '测试数据核对',
  '示例权责清单更新', '测试性应急演练', '示例窗口服务评议', '测试学习研讨',
];
const RESULTS = [
  '形成示例材料', '完成测试台账', '收到虚构反馈', '整理示例案例', '举办测试讲座', '接待示例咨询', '更新测试清单', '发放示例资料',
];
const UNITS = ['份', '场', '人次', '件', '期', '项', '次', '条'];
const CLOSINGS = [
  '以上内容均为测试数据，仅供示例。',
  '本段文字为虚构的示例内容，不代表任何真实工作。',
  '相关数字均为测试生成，请勿引用。',
  '示例工作按测试计划有序推进。',
  '此处为测试用的示例表述。',
];

/** Mulberry32: a small deterministic generator, so every run writes the same text. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hanCount = (s: string) => (s.match(/\p{Script=Han}/gu) ?? []).length;

function sentence(r: () => number, year: number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const n = 1 + Math.floor(r() * 60);
  const kind = Math.floor(r() * 4);
  if (kind === 0) return `${year}年${pick(SUBJECTS)}${pick(VERBS)}${pick(OBJECTS)},${pick(RESULTS)}${n}${pick(UNITS)}。`;
  if (kind === 1) return `${pick(SUBJECTS)}围绕${pick(OBJECTS)}${pick(VERBS)}${pick(OBJECTS)},共${pick(RESULTS)}${n}${pick(UNITS)};`;
  if (kind === 2) return `结合${pick(OBJECTS)},${pick(SUBJECTS)}${pick(VERBS)}${pick(OBJECTS)}和${pick(OBJECTS)}。`;
  return pick(CLOSINGS);
}

/** Several paragraphs under (一)(二)… sub-headings, MIN_CHARS–MAX_CHARS Chinese characters in all. */
function sectionBody(r: () => number, year: number): BodyBlock[] {
  const target = MIN_CHARS + Math.floor(r() * (MAX_CHARS - MIN_CHARS - 100));
  const blocks: BodyBlock[] = [];
  let chars = 0;
  let sub = 0;
  while (chars < target) {
    if (blocks.length === 0 || r() < 0.3) {
      const heading = `(${NUMERALS[sub % NUMERALS.length]})示例小标题${sub + 1}：测试内容`;
      blocks.push({ kind: 'subheading', text: heading });
      chars += hanCount(heading);
      sub++;
    }
    let para = '';
    const len = 150 + Math.floor(r() * 150);
    while (hanCount(para) < len && chars + hanCount(para) < target) para += sentence(r, year);
    if (!para) break;
    blocks.push({ kind: 'line', text: para });
    chars += hanCount(para);
  }
  return blocks;
}

export interface FixtureStats {
  reports: number;
  sections: number;
  /** Chinese characters per section body, smallest and largest. */
  minChars: number;
  maxChars: number;
}

/** Writes `count` synthetic reports into `dir` (a CONTENT_DIR); years FIRST_YEAR, FIRST_YEAR+1, … */
export function writeFixtureReports(dir: string, count: number): FixtureStats {
  if (!Number.isInteger(count) || count < 1 || count > MAX_REPORTS) {
    throw new Error(`count must be 1–${MAX_REPORTS} (years ${FIRST_YEAR}–${REPORT_YEARS.max}); got ${count}`);
  }
  const stats: FixtureStats = { reports: count, sections: 0, minChars: Infinity, maxChars: 0 };
  mkdirSync(reportsRoot(dir), { recursive: true });
  for (let i = 0; i < count; i++) {
    const year = FIRST_YEAR + i;
    const r = rng(year * 7919);
    const preface = `这是示例局${year}年法治政府建设年度报告的测试前言，内容均为虚构，仅用于性能测试。现将示例局${year}年的测试数据报告如下：`;
    writeFileSync(
      reportFile(year, dir),
      renderReport({
        year,
        title: `示例局${year}年法治政府建设年度报告（测试数据）`,
        agency: '示例局（测试）',
        signedOn: `${year + 1}-01-10`,
        preface: [{ kind: 'line', text: preface }],
      }),
    );
    mkdirSync(sectionsDir(year, dir), { recursive: true });
    PLAN.forEach(({ item, heading }, j) => {
      const body = sectionBody(r, year);
      const chars = body.reduce((n, b) => n + (b.kind === 'table' ? 0 : hanCount(b.text)), 0);
      stats.minChars = Math.min(stats.minChars, chars);
      stats.maxChars = Math.max(stats.maxChars, chars);
      stats.sections++;
      writeFileSync(
        sectionFile(year, j + 1, dir),
        renderSection(year, { order: j + 1, label: `${toChineseNumeral(j + 1)}、`, heading, items: [item], body }),
      );
    });
  }
  // Published, as staff publish: the record of what was published, written by the one check.
  const { problems } = checkContentFolder(dir, { root: ROOT, accept: true });
  if (errorsOf(problems).length) throw new Error(`synthetic content does not pass the check:\n${formatProblems(problems)}`);
  return stats;
}
