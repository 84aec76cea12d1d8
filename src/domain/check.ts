/**
 * The domain rules a schema cannot see, because they span entries or dates, as a list of
 * small named rules over one grouped view of the content:
 *
 * - entries: a report's file is named after its year; each section's report exists;
 * - order: section orders match the printed label, are unique and contiguous;
 * - publishing: a published report covers the four mandatory items (across its sections) and has nothing left 待填写;
 * - dates: 发布日期 is not before 成文日期, the year is not after the signing, publication is
 *   by 4月1日 of the following year (a warning, not an error), corrections follow publication;
 * - figures: key figures are printed in their section's text, keys are unique within a
 *   report, and a key keeps its unit across years (a warning);
 * - repeats: the newest report's text for an item does not largely repeat the previous
 *   report's (a warning: repeats.ts REPEAT_REMINDER).
 *
 * Both the build (src/utils/content.ts) and `npm run check` (scripts/check.ts) run checkContent.
 */
import type { ReportData, SectionData } from './schema.ts';
import { toChineseNumeral } from './numerals.ts';
import { missingMandatoryItems, REQUIRED_ITEMS, type ItemName } from './items.ts';
import { printedIn, printedValue, textForMatching } from './figures.ts';
import { isWithdrawn, labelNumber, publicationDeadline, publishedDate } from './report.ts';
import { isHighRepeat, itemText, REPEAT_REMINDER, repeatedShare, sharePercent } from './repeats.ts';
import { contentFolderOf, reportFileName, reportsRoot, sectionsDir } from './layout.ts';
import { ACCEPT } from './record.ts';

export interface Entry<T> {
  id: string;
  /** Path relative to the project, for messages. */
  filePath: string;
  data: T;
  /** The entry's text, where the rule needs it. */
  body?: string;
  /** The whole file as written, frontmatter and its comments included, where it was read from disk. */
  raw?: string;
  /** The text a reader sees of the body, block by block (body.ts readerText), where it was read. */
  text?: readonly string[];
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

/** One year's report and the sections that name it, in the order they were given. */
export interface YearContent {
  report: Entry<ReportData>;
  sections: Entry<SectionData>[];
}

/** The content grouped once, for every rule to read. */
export interface ContentView {
  reports: readonly Entry<ReportData>[];
  sections: readonly Entry<SectionData>[];
  /** Each year ('2023') with its report and sections, in the order of the reports. */
  byYear: Map<string, YearContent>;
  /** Sections whose report does not exist. */
  orphans: Entry<SectionData>[];
  /** Every section, sorted by file path: the order a person reads them in a file browser. */
  inFileOrder: Entry<SectionData>[];
  /** Years whose report file exists but could not be read; its own problem says why. */
  unreadable: ReadonlySet<string>;
  /** Today in China: no date of a report may be later (undefined: not checked). */
  today?: string;
  /** Years the record of what was published holds: those reports are public and cannot be drafts again. */
  recorded: ReadonlySet<number>;
  /** By year, the orders of section files that are there but could not be read; their own problems say why. */
  unreadableSections: ReadonlyMap<string, ReadonlySet<number>>;
}

/** What the rules know beyond the entries. */
export interface CheckContext {
  unreadable?: ReadonlySet<string>;
  today?: string;
  recorded?: ReadonlySet<number>;
  unreadableSections?: ReadonlyMap<string, ReadonlySet<number>>;
}

/** A named rule: what it checks is in its name and its comment. */
export interface Rule {
  name: string;
  check(view: ContentView): Problem[];
}

/** Groups the entries once: reports by year, their sections, and sections without a report. */
export function contentView(reports: readonly Entry<ReportData>[], sections: readonly Entry<SectionData>[], context: CheckContext = {}): ContentView {
  const { unreadable = new Set(), today, recorded = new Set(), unreadableSections = new Map() } = context;
  const byYear = new Map<string, YearContent>();
  for (const report of reports) byYear.set(String(report.data.year), { report, sections: [] });
  const orphans: Entry<SectionData>[] = [];
  for (const s of sections) {
    const year = byYear.get(s.data.report);
    if (year) year.sections.push(s);
    else orphans.push(s);
  }
  const inFileOrder = [...sections].sort((a, b) => a.filePath.localeCompare(b.filePath));
  return { reports, sections, byYear, orphans, inFileOrder, unreadable, today, recorded, unreadableSections };
}

/** The sections of a report's year. */
const sectionsOf = (view: ContentView, r: Entry<ReportData>) => view.byYear.get(String(r.data.year))?.sections ?? [];
/** Sections that belong to a report, for rules that need their report. */
const placed = (view: ContentView) => view.sections.filter((s) => view.byYear.has(s.data.report));

/** The record holds this year: its report is public, and draft: true or renumbering is no way out. */
export const isRecorded = (view: ContentView, year: number | string) => view.recorded.has(Number(year));

/** What to do about a change to a report already public: undo it from git, or make it openly, as a correction. */
export const publicChangeAdvice = (year: number | string, file: string) =>
  `${year} 年报告已经发布，只能公开地改：误改的，请用 git 找回（例如 git checkout -- ${file}）；确要这样改的，请在 corrections 中加一条更正说明（date: 更正日期，note: 改了什么、为什么），然后运行 ${ACCEPT}`;

// --- entries -------------------------------------------------------------------------------

/** A report's file is named after its year: reports/2023.mdx holds year: 2023. */
const fileNameMatchesYear: Rule = {
  name: 'file-name-matches-year',
  check: (view) =>
    view.reports.flatMap((r) => {
      const y = String(r.data.year);
      return r.id === y
        ? []
        : [
            {
              file: r.filePath,
              field: 'year',
              message: `文件名应与报告年度一致：year 是 ${y}，文件却叫 ${r.id}。请把文件改名为 ${reportFileName(y)}，或改正 year`,
            },
          ];
    }),
};

/** Every section names a report that exists, in the content folder it sits in. */
const sectionReportExists: Rule = {
  name: 'section-report-exists',
  check: (view) => {
    const known = [...view.byYear.keys()].sort().join('、') || '（还没有任何报告）';
    return view.orphans.filter((s) => !view.unreadable.has(s.data.report)).map((s) => ({
      file: s.filePath,
      field: 'report',
      message: `找不到 ${s.data.report} 年的报告。已有报告：${known}。请改正 report，或先在 ${reportsRoot(contentFolderOf(s.filePath))}/ 中添加 ${reportFileName(s.data.report)}`,
    }));
  },
};

// --- order ---------------------------------------------------------------------------------

/**
 * The printed label numbers the part as its order does: order 3 is 三、, 3. or 第三部分. A label
 * that is no numbering at all is named too, with the forms that are.
 */
const labelMatchesOrder: Rule = {
  name: 'label-matches-order',
  check: (view) =>
    placed(view).flatMap((s) => {
      const printed = labelNumber(s.data.label);
      if (printed === s.data.order) return [];
      const expected = toChineseNumeral(s.data.order);
      return [
        {
          file: s.filePath,
          field: 'label',
          message:
            printed === undefined
              ? `“${s.data.label}”不是标题前的编号。请照原文写，例如 label: ${expected}、（或 ${s.data.order}.、第${expected}部分）`
              : `编号与顺序不一致：order 是 ${s.data.order}，label 却是“${s.data.label}”（第 ${printed} 部分）。请改正其中一个`,
        },
      ];
    }),
};

/** No two sections of one report share an order; the later file (by path) is named. */
const ordersUnique: Rule = {
  name: 'orders-unique',
  check: (view) =>
    [...view.byYear].flatMap(([year, { sections }]) => {
      const seen = new Map<number, Entry<SectionData>>();
      return byFilePath(sections).flatMap((s) => {
        const first = seen.get(s.data.order);
        if (!first) {
          seen.set(s.data.order, s);
          return [];
        }
        return [
          {
            file: s.filePath,
            field: 'order',
            message: `${year} 年报告中有两部分的 order 都是 ${s.data.order}（另一处：${first.filePath}）。每部分的 order 应不同，按“一、二、三……”依次为 1、2、3……`,
          },
        ];
      });
    }),
};

/** A report's orders run 1, 2, 3 … up to the highest, with no gap (a file there but unreadable fills its place); the first section's folder is named. */
const ordersContiguous: Rule = {
  name: 'orders-contiguous',
  check: (view) =>
    [...view.byYear].flatMap(([year, { sections }]) => {
      const orders = new Set([...sections.map((s) => s.data.order), ...(view.unreadableSections.get(year) ?? [])]);
      const highest = Math.max(0, ...orders);
      const missing = range(1, highest).filter((n) => !orders.has(n));
      if (!missing.length) return [];
      const folder = folderOf(sections[0]!.filePath);
      const gap = `${year} 年报告缺少第 ${missing.join('、')} 部分（order 应从 1 起连续编号）。`;
      return [
        {
          file: folder,
          field: 'order',
          message: gap + (isRecorded(view, year) ? publicChangeAdvice(year, folder) : '请补上缺少的部分，或调整其余部分的 order'),
        },
      ];
    }),
};

// --- publishing ----------------------------------------------------------------------------

/** A published report covers the four mandatory items; a draft need not yet. */
const mandatoryItemsCovered: Rule = {
  name: 'mandatory-items-covered',
  check: (view) =>
    view.reports.flatMap((r) => {
      if (r.data.draft) return [];
      const missing = missingMandatoryItems(sectionsOf(view, r).flatMap((s) => s.data.items));
      if (!missing.length) return [];
      const uncovered = `已发布的报告必须报告这几项，但没有哪一部分的 items 包括：${missing.join('、')}。`;
      const advice = isRecorded(view, r.data.year)
        ? publicChangeAdvice(r.data.year, `${sectionsDir(r.data.year, r.filePath.split('/').slice(0, -2).join('/'))}/`)
        : '某一部分报告了这一项（例如第一责任人职责写在主要举措和成效中）时，把它加进那一部分的 items，例如 items: [主要举措和成效, 第一责任人职责]；原文确实没有这一项时，报告还不能发布，请保留 draft: true';
      return [{ file: r.filePath, field: 'items', message: uncovered + advice }];
    }),
};

/**
 * A published report and its sections keep nothing marked 待填写, anywhere in the file: the
 * scaffold marks dates it had to guess with a comment (signedOn: 2026-01-10 # 待填写：落款日期).
 */
const nothingLeftToWrite: Rule = {
  name: 'nothing-left-to-write',
  check: (view) =>
    view.reports.flatMap((r) =>
      r.data.draft
        ? []
        : [r, ...sectionsOf(view, r)].flatMap((e) => {
            const lines = (e.raw ?? e.body ?? '').split('\n');
            const at = lines.findIndex((l) => l.includes(TO_BE_WRITTEN));
            if (at < 0) return [];
            const inBody = e.raw === undefined || at > lines.findIndex((l, i) => i > 0 && /^---\s*$/.test(l));
            return [
              {
                file: e.filePath,
                field: inBody ? '正文' : `第 ${at + 1} 行`,
                message:
                  (inBody
                    ? `还有“${TO_BE_WRITTEN}”的内容。请写完后再发布`
                    : `“${lines[at]!.trim()}”还标着“${TO_BE_WRITTEN}”：这个值是新建时预填的，请核对并改成正式的值，删掉“# ${TO_BE_WRITTEN}…”注释后再发布`) +
                  (isRecorded(view, r.data.year) ? `。${publicChangeAdvice(r.data.year, e.filePath)}` : '，或在报告中保留 draft: true'),
              },
            ];
          }),
    ),
};

/** Four-digit years followed by 年 in a text: 2023年, not 12023 or 2023-01. */
const yearsIn = (text: string) => [...text.matchAll(/(?<!\d)(\d{4})\s*年/g)].map((m) => Number(m[1]));

/**
 * The report's year agrees with its title and its preface: the first year printed in the title
 * is the report's, and a preface that names years names the report's among them. A report
 * filed under the wrong year would otherwise be published as that year's.
 */
const yearMatchesTitleAndPreface: Rule = {
  name: 'year-matches-title-and-preface',
  check: (view) =>
    view.reports.flatMap((r) => {
      const year = r.data.year;
      const [inTitle] = yearsIn(r.data.title);
      const inPreface = yearsIn(r.body ?? '');
      const out: Problem[] = [];
      if (inTitle !== undefined && inTitle !== year) {
        out.push({ file: r.filePath, field: 'year', message: `报告年度 year 是 ${year}，标题却是“${r.data.title}”（${inTitle}年）。请核对 year 和 title` });
      }
      if (inPreface.length && !inPreface.includes(year)) {
        out.push({ file: r.filePath, field: 'year', message: `报告年度 year 是 ${year}，前言中却只出现 ${[...new Set(inPreface)].join('、')} 年。请核对 year 和前言` });
      }
      return out;
    }),
};

// --- dates ---------------------------------------------------------------------------------

/** 发布日期, when given, is not before 成文日期. */
const publishedAfterSigned: Rule = {
  name: 'published-after-signed',
  check: (view) =>
    view.reports.flatMap(({ filePath, data: { publishedOn, signedOn } }) =>
      publishedOn && publishedOn < signedOn
        ? [{ file: filePath, field: 'publishedOn', message: `发布日期 ${publishedOn} 早于成文日期 ${signedOn}。请核对这两个日期` }]
        : [],
    ),
};

/**
 * A report is not signed before its year begins. The year itself is only checked for four
 * digits, so this and the deadline catch a mistyped one.
 */
const yearNotAfterSigning: Rule = {
  name: 'year-not-after-signing',
  check: (view) =>
    view.reports.flatMap(({ filePath, data: { year, signedOn } }) =>
      signedOn < `${year}-01-01`
        ? [
            {
              file: filePath,
              field: 'year',
              message: `报告年度 ${year} 晚于成文日期 ${signedOn}：报告不能在所报告的年度开始前签发。请核对 year 和 signedOn`,
            },
          ]
        : [],
    ),
};

/** Published (else signed) before 4月1日 of the following year; a warning, as the date may be right. */
const publishedByDeadline: Rule = {
  name: 'published-by-deadline',
  check: (view) =>
    view.reports.flatMap(({ filePath, data }) => {
      const { year, publishedOn } = data;
      const shown = publishedDate(data);
      if (shown < publicationDeadline(year)) return [];
      const [field, label] = publishedOn ? ['publishedOn', '发布日期'] : ['signedOn', '成文日期'];
      return [
        {
          file: filePath,
          field,
          warning: true,
          message: `${label} ${shown} 晚于规定：${year} 年度报告应在 ${year + 1} 年 4 月 1 日前向社会公开（《法治政府建设与责任落实督察工作规定》第二十四条）。请核对 year 和${label}；如无误可忽略此提醒`,
        },
      ];
    }),
};

/** A correction and a withdrawal are dated on or after publication (else signing). */
const correctionsAfterPublication: Rule = {
  name: 'corrections-after-publication',
  check: (view) =>
    view.reports.flatMap(({ filePath, data }) => {
      const earliest = publishedDate(data);
      const since = `${data.publishedOn ? '发布日期' : '成文日期'} ${earliest}`;
      const early = data.corrections.flatMap((c, i) =>
        c.date < earliest ? [{ file: filePath, field: `corrections[${i}].date`, message: `更正日期 ${c.date} 早于${since}。更正只能发生在发布之后，请核对日期` }] : [],
      );
      if (data.withdrawn && data.withdrawn.date < earliest) {
        early.push({ file: filePath, field: 'withdrawn.date', message: `撤回日期 ${data.withdrawn.date} 早于${since}。撤回只能发生在发布之后，请核对日期` });
      }
      return early;
    }),
};

/** The dates of a report's publication and of what followed it, by field, with what they are called. */
function datesOf(data: ReportData): [field: string, label: string, date: string][] {
  return [
    ...(data.publishedOn ? [['publishedOn', '发布日期', data.publishedOn] as [string, string, string]] : []),
    ...data.corrections.map((c, i): [string, string, string] => [`corrections[${i}].date`, '更正日期', c.date]),
    ...(data.withdrawn ? [['withdrawn.date', '撤回日期', data.withdrawn.date] as [string, string, string]] : []),
  ];
}

/**
 * A published report's dates of publication, correction and withdrawal are not later than
 * today: nothing is published, corrected or withdrawn on a day that has not come (2204 for
 * 2024), and once recorded such a date could never be fixed. A draft is not held to it.
 */
const datesNotInFuture: Rule = {
  name: 'dates-not-in-future',
  check: (view) =>
    view.today === undefined
      ? []
      : view.reports.flatMap(({ filePath, data }) =>
          (data.draft ? [] : datesOf(data))
            .filter(([, , date]) => date > view.today!)
            .map(([field, label, date]) => ({
              file: filePath,
              field,
              message: `${label} ${date} 晚于今天（${view.today}）：日期只能是已经到来的日子。请写实际的${label}（最晚是今天 ${view.today}）`,
            })),
        ),
};

// --- figures -------------------------------------------------------------------------------

/**
 * 主要数据 are taken from the text, never added to it: each figure's value, with its
 * qualifier (约8000), must be printed in its section's text.
 */
const figuresPrintedInText: Rule = {
  name: 'figures-printed-in-text',
  check: (view) =>
    view.inFileOrder.flatMap((s) => {
      if (s.body === undefined && s.text === undefined) return [];
      const text = s.text ? s.text.join('\n') : textForMatching(s.body!);
      return s.data.figures.flatMap((f, i) => {
        const printed = printedValue(f);
        if (printedIn(text, printed)) return [];
        return [
          {
            file: s.filePath,
            field: `figures[${i}].value`,
            message:
              `主要数据“${f.label}”的数值“${printed}”在本部分正文中找不到。主要数据只能照正文摘录：` +
              `请把 value${f.qualifier ? ' 和 qualifier' : ''} 改成正文中印着的数字（例如正文“受理优待证申请约8000人”写 value: "8000"、qualifier: 约），` +
              '正文中没有这个数时请删掉这一项',
          },
        ];
      });
    }),
};

/** Within one report a key names one measure, so it appears once; the first place is named. */
const figureKeysUnique: Rule = {
  name: 'figure-keys-unique',
  check: (view) => {
    const firstByReport = new Map<string, Map<string, string>>();
    return view.inFileOrder.flatMap((s) => {
      const first = firstByReport.get(s.data.report) ?? new Map<string, string>();
      firstByReport.set(s.data.report, first);
      return s.data.figures.flatMap((f, i) => {
        const where = first.get(f.key);
        if (!where) {
          first.set(f.key, `${s.filePath} 的 figures[${i}]`);
          return [];
        }
        return [
          {
            file: s.filePath,
            field: `figures[${i}].key`,
            message: `${s.data.report} 年报告中有两项主要数据的 key 都是 ${f.key}（另一处：${where}）。一份报告中每项数据的 key 应不同，请改用能说明所计内容的 key`,
          },
        ];
      });
    });
  },
};

/** Across years the same key keeps its unit, so /figures/ compares like with like; a warning. */
const figureUnitsConsistent: Rule = {
  name: 'figure-units-consistent',
  check: (view) => {
    const firstUse = new Map<string, { unit: string; year: string; file: string }>();
    return view.inFileOrder.flatMap((s) =>
      s.data.figures.flatMap((f, i) => {
        const seen = firstUse.get(f.key);
        if (!seen) {
          firstUse.set(f.key, { unit: f.unit, year: s.data.report, file: s.filePath });
          return [];
        }
        if (seen.unit === f.unit || seen.year === s.data.report) return [];
        return [
          {
            file: s.filePath,
            field: `figures[${i}].unit`,
            warning: true,
            message: `key ${f.key} 在 ${seen.year} 年的单位是“${seen.unit}”（${seen.file}），这里是“${f.unit}”。同一个 key 历年应是同一指标、同一单位，才能在“主要数据”页比较；指标不同时请换一个 key`,
          },
        ];
      }),
    );
  },
};

// --- repeats -------------------------------------------------------------------------------

/** A section's reader-visible text, block by block; from its source where it was not read (near enough). */
const blocksOf = (s: Entry<SectionData>): readonly string[] => s.text ?? textForMatching(s.body ?? '').split(/\n\s*\n/);

/** The newest report that stands (not withdrawn), draft or not: the one about to go out. */
function newestStanding(view: ContentView): YearContent | undefined {
  const standing = view.reports.filter((r) => !isWithdrawn(r.data));
  const newest = standing.reduce<Entry<ReportData> | undefined>((a, r) => (!a || r.data.year > a.data.year ? r : a), undefined);
  return newest && view.byYear.get(String(newest.data.year));
}

/** The latest published (not draft, not withdrawn) report before `year` with sections on `item`. */
function previousCovering(view: ContentView, year: number, item: ItemName): YearContent | undefined {
  return [...view.byYear.values()]
    .filter((y) => y.report.data.year < year && !y.report.data.draft && !isWithdrawn(y.report.data) && y.sections.some((s) => s.data.items.includes(item)))
    .sort((a, b) => b.report.data.year - a.report.data.year)[0];
}

/**
 * The newest report (the one about to be published: the highest year not withdrawn, a draft
 * too) does not largely repeat the previous report on the same item: a reminder when its text
 * for an item shares at least 60% of its 5-grams with the latest earlier published report
 * covering that item (repeats.ts: the measure, REPEAT_REMINDER). A warning: an item may stay
 * the same for good reason. Earlier reports are published already and are not named again.
 */
const repeatsLastYear: Rule = {
  name: 'repeats-last-year',
  check: (view) => {
    const newest = newestStanding(view);
    if (!newest) return [];
    const year = newest.report.data.year;
    const ordered = byOrder(newest.sections);
    return REQUIRED_ITEMS.flatMap(({ name }) => {
      const mine = ordered.filter((s) => s.data.items.includes(name));
      const previous = previousCovering(view, year, name);
      if (!mine.length || !previous) return [];
      const theirs = byOrder(previous.sections).filter((s) => s.data.items.includes(name));
      const counted = (list: Entry<SectionData>[]) => itemText(list.map((s) => ({ items: s.data.items, text: blocksOf(s) })), name);
      const repeat = repeatedShare(counted(mine), counted(theirs));
      if (!isHighRepeat(repeat)) return [];
      return [{ file: mine[0]!.filePath, field: '正文', warning: true, message: repeatMessage(year, name, mine, previous.report.data.year, theirs, repeat) }];
    });
  },
};

/** The reminder's words: which item, how much, against which files, and what to do. */
function repeatMessage(year: number, item: string, mine: Entry<SectionData>[], prev: number, theirs: Entry<SectionData>[], r: { grams: number; repeated: number }): string {
  const files = (list: Entry<SectionData>[]) => list.map((s) => s.filePath).join('、');
  const where = mine.length > 1 ? `（这一项写在 ${files(mine)} 中）` : '';
  return (
    `${year} 年报告“${item}”的文字有 ${sharePercent(r)}% 与 ${prev} 年报告相同${where}：本年这一项的 ${r.grams} 个五字片段中，有 ${r.repeated} 个逐字出现在 ${files(theirs)} 中（达到 ${REPEAT_REMINDER.share * 100}% 即提醒）。` +
    '逐年照抄同样的内容是评估中常被指出的问题：请对照上一年的文字核实这一项，写明本年度的实际情况；确实没有变化时可忽略此提醒'
  );
}

/** Every rule, in the order their problems are listed. */
export const RULES: readonly Rule[] = [
  fileNameMatchesYear,
  publishedAfterSigned,
  yearNotAfterSigning,
  publishedByDeadline,
  correctionsAfterPublication,
  datesNotInFuture,
  sectionReportExists,
  labelMatchesOrder,
  mandatoryItemsCovered,
  nothingLeftToWrite,
  yearMatchesTitleAndPreface,
  ordersUnique,
  ordersContiguous,
  figuresPrintedInText,
  figureKeysUnique,
  figureUnitsConsistent,
  repeatsLastYear,
];

/** Runs every rule over the content and lists what they found: errors and warnings. */
export function checkContent(reports: readonly Entry<ReportData>[], sections: readonly Entry<SectionData>[], context: CheckContext = {}): Problem[] {
  const view = contentView(reports, sections, context);
  return RULES.flatMap((rule) => rule.check(view));
}

/** Sections sorted by file path, for rules that name the later of two files. */
function byFilePath(sections: readonly Entry<SectionData>[]): Entry<SectionData>[] {
  return [...sections].sort((a, b) => a.filePath.localeCompare(b.filePath));
}

/** Sections in their report's order. */
const byOrder = (sections: readonly Entry<SectionData>[]) => [...sections].sort((a, b) => a.data.order - b.data.order);

/** The folder part of a path, with its trailing '/': sections/2023/ for sections/2023/01.mdx. */
const folderOf = (path: string) => path.replace(/[^/]*$/, '');

/** The whole numbers from `from` to `to`, both included. */
function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/** The problems that stop a build or a check, and those that are only reported. */
export const errorsOf = (problems: readonly Problem[]) => problems.filter((p) => !p.warning);
export const warningsOf = (problems: readonly Problem[]) => problems.filter((p) => p.warning);

/** One problem as one line: file · field: message. */
const line = (p: Problem) => `  ${p.file} · 字段 ${p.field}：${p.message}`;

/** Problems as staff read them: errors first, then warnings, each naming file and field. */
export function formatProblems(problems: readonly Problem[]): string {
  const errors = errorsOf(problems);
  const warnings = warningsOf(problems);
  return [
    ...(errors.length ? [`内容检查未通过，共 ${errors.length} 处问题：`, ...errors.map(line)] : []),
    ...(warnings.length ? [`提醒（${warnings.length} 条，不影响发布）：`, ...warnings.map(line)] : []),
  ].join('\n');
}
