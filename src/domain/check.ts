/**
 * The domain rules a schema cannot see, because they span entries or dates: each section's
 * report exists, a report's file is named after its year, section orders are unique and
 * contiguous and match the printed numeral, a published report covers the four mandatory
 * items and has nothing left 待填写, and its dates are consistent. Publishing after 4月1日
 * of the following year (the regulation's deadline) is a warning, not an error.
 * Key figures must be printed in their section's text, with keys unique within a report.
 */
import type { ReportData, SectionData } from './schema.ts';
import { toChineseNumeral } from './numerals.ts';
import { REQUIRED_ITEMS } from './items.ts';
import { printedIn, printedValue, textForMatching } from './figures.ts';

export interface Entry<T> {
  id: string;
  /** Path relative to the project, for messages. */
  filePath: string;
  data: T;
  /** The entry's text, where the rule needs it. */
  body?: string;
}

export interface Problem {
  file: string;
  field: string;
  message: string;
  /** A warning is reported but does not stop a build or a check. */
  warning?: boolean;
}

/** Marks text a scaffolded report still needs; a published report must not contain it. */
export const TO_BE_WRITTEN = '待填写';

export function checkContent(
  reports: readonly Entry<ReportData>[],
  sections: readonly Entry<SectionData>[],
): Problem[] {
  const problems: Problem[] = [];
  const years = new Map<string, Entry<ReportData>>();

  for (const r of reports) {
    const y = String(r.data.year);
    if (r.id !== y) {
      problems.push({
        file: r.filePath,
        field: 'year',
        message: `文件名应与报告年度一致：year 是 ${y}，文件却叫 ${r.id}。请把文件改名为 ${y}.mdx，或改正 year`,
      });
    }
    years.set(y, r);
    problems.push(...checkDates(r));
  }

  const byReport = new Map<string, Entry<SectionData>[]>();
  for (const s of sections) {
    if (!years.has(s.data.report)) {
      const known = [...years.keys()].sort().join('、') || '（还没有任何报告）';
      problems.push({
        file: s.filePath,
        field: 'report',
        message: `找不到 ${s.data.report} 年的报告。已有报告：${known}。请改正 report，或先在 src/content/reports/ 中添加 ${s.data.report}.mdx`,
      });
      continue;
    }
    const list = byReport.get(s.data.report) ?? [];
    list.push(s);
    byReport.set(s.data.report, list);

    const expected = toChineseNumeral(s.data.order);
    if (s.data.numeral !== expected) {
      problems.push({
        file: s.filePath,
        field: 'numeral',
        message: `序号与顺序不一致：order 是 ${s.data.order}，对应“${expected}”，numeral 却是“${s.data.numeral}”。请改正其中一个`,
      });
    }
  }

  for (const r of reports) {
    if (r.data.draft) continue;
    const list = byReport.get(String(r.data.year)) ?? [];
    const covered = new Set(list.map((s) => s.data.item));
    const missing = REQUIRED_ITEMS.filter((i) => i.mandatory && !covered.has(i.name)).map((i) => i.name);
    if (missing.length) {
      problems.push({
        file: r.filePath,
        field: 'item',
        message: `已发布的报告必须报告这几项，但没有哪一部分的 item 是：${missing.join('、')}。请在对应部分的 item 中标明，或补上这一部分；还没写完请加 draft: true`,
      });
    }
    for (const e of [r, ...list]) {
      if (e.body?.includes(TO_BE_WRITTEN)) {
        problems.push({
          file: e.filePath,
          field: '正文',
          message: `还有“${TO_BE_WRITTEN}”的内容。请写完后再发布，或在报告中保留 draft: true`,
        });
      }
    }
  }

  for (const [year, list] of byReport) {
    const seen = new Map<number, Entry<SectionData>>();
    for (const s of [...list].sort((a, b) => a.filePath.localeCompare(b.filePath))) {
      const first = seen.get(s.data.order);
      if (first) {
        problems.push({
          file: s.filePath,
          field: 'order',
          message: `${year} 年报告中有两部分的 order 都是 ${s.data.order}（另一处：${first.filePath}）。每部分的 order 应不同，按“一、二、三……”依次为 1、2、3……`,
        });
      } else {
        seen.set(s.data.order, s);
      }
    }
    const orders = [...seen.keys()].sort((a, b) => a - b);
    const missing = orders.length ? range(1, orders.at(-1)!).filter((n) => !seen.has(n)) : [];
    if (missing.length) {
      problems.push({
        file: list[0]!.filePath.replace(/[^/]*$/, ''),
        field: 'order',
        message: `${year} 年报告缺少第 ${missing.join('、')} 部分（order 应从 1 起连续编号）。请补上缺少的部分，或调整其余部分的 order`,
      });
    }
  }
  problems.push(...checkFigures(sections));
  return problems;
}

/**
 * 主要数据 are taken from the text, never added to it: each figure's value, with its
 * qualifier (约8000), must be printed in its section's text. Within one report a key names
 * one measure, so it may appear once; across years the same key should keep its unit.
 */
function checkFigures(sections: readonly Entry<SectionData>[]): Problem[] {
  const out: Problem[] = [];
  const byReport = new Map<string, Map<string, string>>();
  const units = new Map<string, { unit: string; year: string; file: string }>();
  for (const s of [...sections].sort((a, b) => a.filePath.localeCompare(b.filePath))) {
    const text = s.body === undefined ? undefined : textForMatching(s.body);
    const keys = byReport.get(s.data.report) ?? new Map<string, string>();
    byReport.set(s.data.report, keys);
    s.data.figures.forEach((f, i) => {
      const printed = printedValue(f);
      if (text !== undefined && !printedIn(text, printed)) {
        out.push({
          file: s.filePath,
          field: `figures[${i}].value`,
          message:
            `主要数据“${f.label}”的数值“${printed}”在本部分正文中找不到。主要数据只能照正文摘录：` +
            `请把 value${f.qualifier ? ' 和 qualifier' : ''} 改成正文中印着的数字（例如正文“受理优待证申请约8000人”写 value: "8000"、qualifier: 约），` +
            '正文中没有这个数时请删掉这一项',
        });
      }
      const where = `${s.filePath} 的 figures[${i}]`;
      const first = keys.get(f.key);
      if (first) {
        out.push({
          file: s.filePath,
          field: `figures[${i}].key`,
          message: `${s.data.report} 年报告中有两项主要数据的 key 都是 ${f.key}（另一处：${first}）。一份报告中每项数据的 key 应不同，请改用能说明所计内容的 key`,
        });
      } else {
        keys.set(f.key, where);
      }
      const seen = units.get(f.key);
      if (!seen) {
        units.set(f.key, { unit: f.unit, year: s.data.report, file: s.filePath });
      } else if (seen.unit !== f.unit && seen.year !== s.data.report) {
        out.push({
          file: s.filePath,
          field: `figures[${i}].unit`,
          warning: true,
          message: `key ${f.key} 在 ${seen.year} 年的单位是“${seen.unit}”（${seen.file}），这里是“${f.unit}”。同一个 key 历年应是同一指标、同一单位，才能在“主要数据”页比较；指标不同时请换一个 key`,
        });
      }
    });
  }
  return out;
}

function checkDates(r: Entry<ReportData>): Problem[] {
  const { year, signedOn, publishedOn, corrections } = r.data;
  const out: Problem[] = [];
  if (publishedOn && publishedOn < signedOn) {
    out.push({
      file: r.filePath,
      field: 'publishedOn',
      message: `发布日期 ${publishedOn} 早于成文日期 ${signedOn}。请核对这两个日期`,
    });
  }
  // The year itself is only checked for four digits, so these two catch a mistyped one.
  if (signedOn < `${year}-01-01`) {
    out.push({
      file: r.filePath,
      field: 'year',
      message: `报告年度 ${year} 晚于成文日期 ${signedOn}：报告不能在所报告的年度开始前签发。请核对 year 和 signedOn`,
    });
  }
  // Without a publication date, the signing date is the earliest it can have been published.
  const deadline = `${year + 1}-04-01`;
  const shown = publishedOn ?? signedOn;
  if (shown >= deadline) {
    const [field, label] = publishedOn ? ['publishedOn', '发布日期'] : ['signedOn', '成文日期'];
    out.push({
      file: r.filePath,
      field,
      warning: true,
      message: `${label} ${shown} 晚于规定：${year} 年度报告应在 ${year + 1} 年 4 月 1 日前向社会公开（《法治政府建设与责任落实督察工作规定》第二十四条）。请核对 year 和${label}；如无误可忽略此提醒`,
    });
  }
  const earliest = publishedOn ?? signedOn;
  corrections.forEach((c, i) => {
    if (c.date < earliest) {
      out.push({
        file: r.filePath,
        field: `corrections[${i}].date`,
        message: `更正日期 ${c.date} 早于${publishedOn ? '发布日期' : '成文日期'} ${earliest}。更正只能发生在发布之后，请核对日期`,
      });
    }
  });
  return out;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export const errorsOf = (problems: readonly Problem[]) => problems.filter((p) => !p.warning);
export const warningsOf = (problems: readonly Problem[]) => problems.filter((p) => p.warning);

const line = (p: Problem) => `  ${p.file} · 字段 ${p.field}：${p.message}`;

export function formatProblems(problems: readonly Problem[]): string {
  const errors = errorsOf(problems);
  const warnings = warningsOf(problems);
  return [
    ...(errors.length ? [`内容检查未通过，共 ${errors.length} 处问题：`, ...errors.map(line)] : []),
    ...(warnings.length ? [`提醒（${warnings.length} 条，不影响发布）：`, ...warnings.map(line)] : []),
  ].join('\n');
}
