/**
 * The repeated share, measured: `npm run bench:repeats`.
 *
 * For each fixture (tests/fixtures/multi-year, and tests/fixtures/repeated, where 2023 copies
 * most of 2022's 存在的不足和原因), reads the content folder as the build does (the
 * reader-visible text of every section), and prints, per required item per year, the share
 * src/domain/repeats.ts gives (as the /items/ pages, open data and npm run check use it) beside
 * a second count made here independently of that module: character by character, each 5-gram
 * looked for with String.includes in last year's blocks. Where a fixture's README holds a hand
 * count (between <!-- hand-count:start --> and <!-- hand-count:end -->), it is printed too.
 * Each share must match the independent count and the hand count within one percentage point;
 * the exit code says whether every one did. The last column says whether npm run check reminds
 * (only the newest report is checked). Withdrawn reports are left out, as on the pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContentFolder, type ReadEntry } from '../src/domain/content-folder.ts';
import { REQUIRED_ITEMS, type ItemName } from '../src/domain/items.ts';
import { isHighRepeat, itemText, repeatsOverYears } from '../src/domain/repeats.ts';
import { isWithdrawn } from '../src/domain/report.ts';
import type { ReportData, SectionData } from '../src/domain/schema.ts';
import { ROOT } from '../tests/helpers/build.ts';

const FIXTURES = ['multi-year', 'repeated'];
const TOLERANCE = 1; // percentage points

interface Year {
  year: number;
  sections: ReadEntry<SectionData>[];
}

/** The reports that stand, newest first, each with its sections in order. */
function standingYears(dir: string): Year[] {
  const content = loadContentFolder(dir, ROOT);
  const standing = content.reports.filter((r: ReadEntry<ReportData>) => !r.data.draft && !isWithdrawn(r.data));
  return standing
    .map((r) => ({ year: r.data.year, sections: content.sections.filter((s) => s.data.report === String(r.data.year)).sort((a, b) => a.data.order - b.data.order) }))
    .sort((a, b) => b.year - a.year);
}

/** The independent count: characters kept one by one, 5-grams in a plain object, looked up by substring. */
function countByHand(current: readonly string[], previous: readonly string[]): { grams: number; repeated: number } {
  const kept = (block: string) => [...block].filter((ch) => !/[\p{P}\s]/u.test(ch));
  const seen: Record<string, true> = {};
  for (const block of current) {
    const chars = kept(block);
    for (let i = 0; i <= chars.length - 5; i++) seen[chars.slice(i, i + 5).join('')] = true;
  }
  const before = previous.map((b) => kept(b).join(''));
  const grams = Object.keys(seen);
  return { grams: grams.length, repeated: grams.filter((g) => before.some((b) => b.includes(g))).length };
}

/** The hand counts a fixture's README gives: item, year, compared with, share (%). */
function handCounts(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  let readme = '';
  try {
    readme = readFileSync(join(dir, 'README.md'), 'utf8');
  } catch {
    return out;
  }
  const table = /<!-- hand-count:start -->([\s\S]*?)<!-- hand-count:end -->/.exec(readme)?.[1] ?? '';
  for (const m of table.matchAll(/^\|\s*([^|]+?)\s*\|\s*(\d{4})\s*\|\s*(\d{4})\s*\|[^|]*\|[^|]*\|\s*([\d.]+)%\s*\|$/gm)) {
    out.set(`${m[1]} ${m[2]} ${m[3]}`, Number(m[4]));
  }
  return out;
}

const pct = (n: number | null) => (n === null ? '–' : `${n.toFixed(1)}%`);
let failures = 0;
for (const name of FIXTURES) {
  const dir = join(ROOT, 'tests/fixtures', name);
  const years = standingYears(dir);
  const hand = handCounts(dir);
  console.log(`\n## tests/fixtures/${name}\n`);
  console.log('| 事项 | 年度 | 对照 | 片段 | 相同 | 相同比例 | 独立计数 | 手工计数 | 相差（百分点） | npm run check 提醒 |');
  console.log('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const { name: item } of REQUIRED_ITEMS) {
    const covering = years.filter((y) => y.sections.some((s) => s.data.items.includes(item)));
    const textOf = (y: Year) => itemText(y.sections.map((s) => ({ items: s.data.items, text: s.text })), item as ItemName);
    for (const r of repeatsOverYears(covering, textOf)) {
      if (!r.previous) continue;
      const share = r.repeat.share === null ? null : r.repeat.share * 100;
      const other = countByHand(textOf(r.year), textOf(r.previous));
      const independent = other.grams ? (other.repeated * 100) / other.grams : null;
      const byHand = hand.get(`${item} ${r.year.year} ${r.previous.year}`) ?? null;
      const gaps = [independent, byHand].filter((x): x is number => x !== null && share !== null).map((x) => Math.abs(x - share!));
      const gap = gaps.length ? Math.max(...gaps) : 0;
      if (gap > TOLERANCE || (share === null) !== (independent === null)) failures++;
      const reminds = r.year === years[0] && isHighRepeat(r.repeat) ? '提醒' : '';
      console.log(`| ${item} | ${r.year.year} | ${r.previous.year} | ${r.repeat.grams} | ${r.repeat.repeated} | ${pct(share)} | ${pct(independent)} | ${pct(byHand)} | ${gap.toFixed(2)} | ${reminds} |`);
    }
  }
}
console.log(`\n${failures ? 'FAIL' : 'PASS'}  every share within ${TOLERANCE} percentage point of the independent count and of the hand count`);
process.exitCode = failures ? 1 : 0;
