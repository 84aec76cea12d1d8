/**
 * Frontmatter schemas for report and section entries, in one place. Plain zod with no Astro
 * imports: src/content.config.ts, the scripts and the tests all use these. Every message is
 * Chinese and says what was expected, because staff read them when a build fails.
 */
import { z } from 'zod';
import { ITEM_NAMES } from './items.ts';
import { parseChineseNumeral } from './numerals.ts';
import { toIsoDate } from './dates.ts';
import { INVISIBLE, invisibleName } from './invisible.ts';
import { isReportYear, parseReportYear, yearFromText } from './layout.ts';

const show = (v: unknown): string =>
  v instanceof Date ? (Number.isNaN(v.getTime()) ? '无效日期' : v.toISOString()) : typeof v === 'string' ? `“${v}”` : JSON.stringify(v) ?? String(v);

/**
 * The one way a field's message is made: what to write when the field is missing, and what
 * it should be when it is there but wrong, with what was found.
 */
const said = (missing: string, wrong: string) => (iss: { input?: unknown }) => (iss.input === undefined ? missing : `${wrong}；收到 ${show(iss.input)}`);

/** A required, non-empty line of text, with no character a reader cannot see (a YAML escape such as "\u200b" writes one). */
function text(key: string, label: string, example: string) {
  return z
    .string({
      error: said(`缺少 ${key}（${label}），请填写，例如 ${key}: ${example}`, `${key}（${label}）应为文字，例如 ${key}: ${example}`),
    })
    .trim()
    .min(1, `${key}（${label}）不能为空，例如 ${key}: ${example}`)
    .refine((v) => !INVISIBLE.test(v), {
      error: (iss) => `${key}（${label}）中有${invisibleName(INVISIBLE.exec(String(iss.input))![0])}，读者看不见它。请删掉它，照原文写，例如 ${key}: ${example}`,
    });
}

/** An ISO calendar date, 'YYYY-MM-DD'; YAML may hand it over as a Date. */
function isoDate(key: string, label: string) {
  return z.unknown().transform((v, ctx) => {
    const iso = toIsoDate(v);
    if (iso) return iso;
    ctx.addIssue({
      code: 'custom',
      message:
        v === undefined || v === null
          ? `缺少 ${key}（${label}），请按 YYYY-MM-DD 填写，例如 ${key}: 2024-01-08`
          : `${key}（${label}）应为 YYYY-MM-DD 格式的真实日期，例如 2024-01-08；收到 ${show(v)}`,
    });
    return z.NEVER;
  });
}

const notFourDigits = (iss: { input?: unknown }) =>
  `year（报告年度）应为四位阿拉伯数字年份，例如 year: 2023；收到 ${show(iss.input)}`;

/**
 * Report year as four Arabic digits (isReportYear); a quoted "2023" is accepted, 二〇二三 is
 * not. A fraction stops at the whole-number check, so it is reported once.
 */
const year = z.preprocess(
  (v) => (typeof v === 'string' ? (yearFromText(v) ?? v) : v),
  z
    .number({
      error: said('缺少 year（报告年度），请填写四位阿拉伯数字年份，例如 year: 2023', `year（报告年度）应为四位阿拉伯数字年份，例如 year: 2023（不要写成“二〇二三”等汉字）`),
    })
    .int({ error: 'year（报告年度）应为整数年份，例如 year: 2023', abort: true })
    .refine(isReportYear, { error: notFourDigits }),
);

function unknownKeys(allowed: readonly string[]) {
  return (iss: { code?: string; keys?: string[] }) =>
    iss.code === 'unrecognized_keys'
      ? `不认识的字段 ${iss.keys?.join('、')}：请检查拼写。可用字段：${allowed.join('、')}`
      : undefined;
}

const reportShape = {
  year,
  /** Title as shown on the site. */
  title: text('title', '报告标题', '韶关市武江区退役军人事务局2023年法治政府建设年度报告'),
  /** 发布机构: the issuing agency; the signature's first line unless `signature` says otherwise. */
  agency: text('agency', '发布机构', '韶关市武江区退役军人事务局'),
  /** 成文日期: the date the report was signed. */
  signedOn: isoDate('signedOn', '成文日期'),
  /** 发布日期: when it was published to the public. Leave out when not known. */
  publishedOn: isoDate('publishedOn', '发布日期').optional(),
  /** 索引号 as assigned by the government information disclosure catalogue. Never invent one. */
  indexNumber: text('indexNumber', '索引号', '007123456/2024-00001').optional(),
  /** 主题分类, e.g. 综合政务. */
  topic: text('topic', '主题分类', '综合政务').optional(),
  /** 文号 as printed under the title, e.g. 武退役军人〔2024〕5号; only when the document has one. */
  documentNumber: text('documentNumber', '文号', '武退役军人〔2024〕5号').optional(),
  /** 有效性, as the disclosure catalogue states it, e.g. 有效. Leave out when not stated. */
  validity: text('validity', '有效性', '有效').optional(),
  /** 关键词 (主题词): a list of words, as the disclosure catalogue gives them. */
  keywords: z
    .array(text('keywords', '关键词', '法治政府建设'), {
      error: 'keywords（关键词）应为词语列表，例如 keywords: [法治政府建设, 年度报告]',
    })
    .min(1, 'keywords（关键词）至少要有一个词；没有时请删掉这个字段')
    .optional(),
  /**
   * The signature block as printed, one line per entry. Omit it when it is just the agency
   * and the signing date written as 2024年1月8日, which is the default; an empty list when
   * the original prints none (the date then stands under the title or in the metadata).
   */
  signature: z
    .array(text('signature', '落款', '韶关市武江区退役军人事务局'), {
      error: '落款 signature 应为若干行文字的列表，例如 signature: [韶关市武江区退役军人事务局, 2024年1月8日]；原文没有落款时写 signature: []',
    })
    .optional(),
  /** A draft shows in `npm run dev` only, never in a production build. */
  draft: z.boolean({ error: 'draft（草稿）只能是 true 或 false' }).default(false),
  /**
   * 更正说明: once published, the text changes only with a dated note saying what changed.
   * Shown on the report page as its correction history.
   */
  corrections: z
    .array(
      z.strictObject(
        {
          date: isoDate('date', '更正日期'),
          note: text('note', '更正说明', '更正第二部分中的培训人数'),
        },
        {
          error: (iss) =>
            iss.code === 'unrecognized_keys'
              ? `corrections（更正说明）每条只写 date 和 note，不认识 ${iss.keys.join('、')}`
              : 'corrections（更正说明）每条应写成 date（更正日期）和 note（改了什么）两项',
        },
      ),
      { error: 'corrections（更正说明）应为列表，每条写 date 和 note' },
    )
    .default([]),
  /**
   * 撤回: a published report is never deleted; it can be withdrawn with a dated public notice.
   * The page stays, marked 已撤回 with the date and reason, out of search and feeds.
   */
  withdrawn: z
    .strictObject(
      {
        date: isoDate('date', '撤回日期'),
        reason: text('reason', '撤回原因', '本报告所载数据有误，已另行发布更正后的报告'),
      },
      {
        error: (iss) =>
          iss.code === 'unrecognized_keys'
            ? `withdrawn（撤回）只写 date 和 reason，不认识 ${iss.keys.join('、')}`
            : 'withdrawn（撤回）应写成 date（撤回日期）和 reason（撤回原因）两项，例如 withdrawn: { date: 2025-03-01, reason: 数据有误 }',
      },
    )
    .optional(),
};

export const reportSchema = z.strictObject(reportShape, { error: unknownKeys(Object.keys(reportShape)) });

/** Digits as printed: 63, 21.40, 1,344. */
export const FIGURE_VALUE = /^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/;

/**
 * A figure's value as printed in the text: Arabic digits, an optional decimal part, kept as
 * text so 21.40 stays 21.40. YAML reads an unquoted 21.40 as the number 21.4, so a
 * number is accepted only when it is whole (63), where nothing can be lost.
 */
const figureValue = z.unknown().transform((v, ctx) => {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return String(v);
  if (typeof v === 'string' && FIGURE_VALUE.test(v.trim())) return v.trim();
  const example = '例如正文写“资金21.40万元”时填 value: "21.40"';
  ctx.addIssue({
    code: 'custom',
    message:
      v === undefined || v === null
        ? `缺少 value（数值），请照正文填写阿拉伯数字，加引号，${example}`
        : typeof v === 'number'
          ? `value（数值）有小数时请加引号照正文写，${example}（不加引号时会被读成数字 ${v}，原文末尾的 0 会丢失）；收到 ${show(v)}`
          : `value（数值）应为正文中的阿拉伯数字，不含单位和“约”等字（单位写在 unit，“约”写在 qualifier），${example}；收到 ${show(v)}`,
  });
  return z.NEVER;
});

const figureShape = {
  /** Stable ASCII name of the measure, the same in every year's report: adaptive-training-people. */
  key: z
    .string({
      error: said('缺少 key（数据代码），请填写英文小写字母、数字和连字符组成的代码，例如 key: adaptive-training-people', `key（数据代码）应为文字，例如 key: adaptive-training-people`),
    })
    .trim()
    .regex(
      /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
      'key（数据代码）只能用英文小写字母、数字和连字符（-），例如 key: adaptive-training-people；同一指标每年用同一个 key',
    ),
  /** What is counted, in Chinese: 参加适应性培训. */
  label: text('label', '数据名称', '参加适应性培训'),
  value: figureValue,
  /** The unit as printed after the number: 人, 场, 万元, %. */
  unit: text('unit', '单位', '人'),
  /** A word printed before the number that qualifies it, such as 约. */
  qualifier: text('qualifier', '限定词', '约').optional(),
};

const figureSchema = z.strictObject(figureShape, {
  error: (iss) =>
    unknownKeys(Object.keys(figureShape))(iss) ??
    `figures（主要数据）每项应写成 key、label、value、unit 几项，例如 - { key: job-fairs, label: 专场招聘会, value: "2", unit: 场 }；收到 ${show(iss.input)}`,
});

/** One of the five required items, as the field `key` names it. */
const itemName = (key: string) =>
  z.enum(ITEM_NAMES, { error: (iss) => `${key}（报告事项）应为以下之一：${ITEM_NAMES.join('、')}；收到 ${show(iss.input)}` });

const sectionShape = {
  /** The report this section belongs to: its year, e.g. report: 2023. */
  report: z.preprocess(
    (v) => (typeof v === 'number' ? String(v) : v),
    z
      .string({
        error: said('缺少 report（所属报告），请填写报告年度，例如 report: 2023', `report（所属报告）应为报告年度，例如 report: 2023`),
      })
      // A report year written as is: '2023', not ' 2023' or '0999'.
      .refine((v) => String(parseReportYear(v)) === v, {
        error: 'report（所属报告）应为四位阿拉伯数字年份，例如 report: 2023',
      }),
  ),
  /** Position in the report, 1 for the first part, whatever its label. */
  order: z
    .number({
      error: said('缺少 order（顺序），请填写这一部分在报告中的位置，例如“一、”填 order: 1', `order（顺序）应为正整数，例如“一、”填 order: 1`),
    })
    .int('order（顺序）应为正整数，例如 order: 1')
    .min(1, 'order（顺序）从 1 开始，例如“一、”填 order: 1')
    .max(99, 'order（顺序）最大为 99'),
  /**
   * The label printed before the heading, exactly as printed: 一、 or 1. or 第一部分 (with the
   * space after it, when the original has one). Its number is the order (check.ts).
   */
  label: z
    .string({ error: (iss) => `label（标题前的编号）应为文字，照原文写，例如 label: 一、；收到 ${show(iss.input)}` })
    .min(1, 'label（标题前的编号）不能为空，照原文写，例如 label: 一、')
    .optional(),
  /** Before `label`: the Chinese numeral of a heading printed as 一、, without the 、. */
  numeral: z
    .string({ error: (iss) => `numeral（序号）应为汉字序号，例如 numeral: 一；收到 ${show(iss.input)}` })
    .trim()
    .refine((s) => parseChineseNumeral(s) !== undefined, {
      error: (iss) => `numeral（序号）应为汉字序号（一、二……九十九），不带“、”，例如 numeral: 一；收到 ${show(iss.input)}`,
    })
    .optional(),
  /** The heading as printed, without its label. */
  heading: text('heading', '标题', '推进法治政府建设的主要举措和成效'),
  /**
   * Which of the regulation's five required items this section reports on: one or more, as a
   * report may cover two items in one section (the first-responsibility duty inside the measures).
   */
  items: z
    .array(itemName('items'), { error: `items（报告事项）应为列表，例如 items: [主要举措和成效, 第一责任人职责]；可选：${ITEM_NAMES.join('、')}` })
    .min(1, 'items（报告事项）至少写一项，例如 items: [主要举措和成效]')
    .refine((list) => new Set(list).size === list.length, { error: 'items（报告事项）中有重复的一项，请删掉重复的' })
    .optional(),
  /** Before `items`: the one item a section reports on. */
  item: itemName('item').optional(),
  /**
   * 主要数据: key figures this section's text states, each exactly as printed there (the
   * build checks that the text contains it). Shown on the report page and lined up across
   * years on /figures/.
   */
  figures: z
    .array(figureSchema, {
      error: 'figures（主要数据）应为列表，每项写 key、label、value、unit，需要时加 qualifier，例如 - { key: job-fairs, label: 专场招聘会, value: "2", unit: 场 }',
    })
    .default([]),
};

/** The mark after a Chinese numeral in a heading printed as 一、 */
const NUMERAL_MARK = '、';

/**
 * A section as the site reads it: its printed label and its items, whether the entry writes
 * them as label and items or, as entries did before, as numeral and item.
 */
function normalizedSection({ numeral, item, label, items, ...rest }: z.output<z.ZodObject<typeof sectionShape>>, ctx: z.RefinementCtx) {
  const both = (a: string, b: string) => ctx.addIssue({ code: 'custom', path: [a], message: `${a} 和 ${b} 只写一个：${a} 是新的写法，请删掉 ${b}` });
  if (label !== undefined && numeral !== undefined) both('label', 'numeral');
  if (items !== undefined && item !== undefined) both('items', 'item');
  if (label === undefined && numeral === undefined) {
    ctx.addIssue({ code: 'custom', path: ['label'], message: '缺少 label（标题前的编号），照原文写，例如“一、”写 label: 一、' });
  }
  if (items === undefined && item === undefined) {
    ctx.addIssue({ code: 'custom', path: ['items'], message: `缺少 items（报告事项），例如 items: [主要举措和成效]；可选：${ITEM_NAMES.join('、')}` });
  }
  return { ...rest, label: label ?? `${numeral ?? ''}${NUMERAL_MARK}`, items: items ?? (item ? [item] : []) };
}

/** The fields a section entry may write, in the order they are written. */
export const SECTION_FIELDS = Object.keys(sectionShape);

export const sectionSchema = z.strictObject(sectionShape, { error: unknownKeys(SECTION_FIELDS) }).transform(normalizedSection);

export type ReportData = z.output<typeof reportSchema>;
export type SectionData = z.output<typeof sectionSchema>;
export type Figure = z.output<typeof figureSchema>;
