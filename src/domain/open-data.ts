/**
 * The shape of /data/reports.json, the open-data copy of every published report. The
 * frontmatter schemas (schema.ts) describe what staff write; this one describes what the site
 * publishes for reuse, and /data/reports.schema.json is generated from it (z.toJSONSchema).
 * Every field is required: unknown values are null, never left out, so the JSON Schema can
 * catch a field that went missing.
 */
import { z } from 'zod';
import { ITEM_NAMES, REQUIRED_ITEMS } from './items.ts';
import { FIGURE_VALUE } from './schema.ts';
import { REPORT_YEARS } from './layout.ts';
import { REPEAT_MEASURE } from './repeats.ts';

const ITEM_SLUGS = REQUIRED_ITEMS.map((i) => i.slug) as [string, ...string[]];
const nonEmpty = z.string().min(1);
const date = z.iso.date().describe('YYYY-MM-DD');
const path = z.string().regex(/^\//).describe('网站内地址（含基础路径），相对网站根目录，例如 /2023/section-2/');

const figure = z
  .strictObject({
    key: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).describe('数据代码：同一指标历年相同'),
    label: nonEmpty.describe('数据名称'),
    qualifier: nonEmpty.nullable().describe('数值前的限定词，例如“约”；没有时为 null'),
    value: z.string().regex(FIGURE_VALUE).describe('数值，照正文原样（文字），例如 "21.40"'),
    number: z.number().describe('由 value 得出的数，便于计算'),
    unit: nonEmpty.describe('单位，例如 人、万元、%'),
  })
  .describe('主要数据：正文中印着的一个数');

const section = z
  .strictObject({
    order: z.number().int().min(1).describe('在报告中的顺序，第一部分为 1'),
    label: nonEmpty.describe('标题前的编号，照原文，例如 一、 或 1. 或 第一部分'),
    heading: nonEmpty.describe('标题（不含编号）'),
    printedHeading: nonEmpty.describe('标题，照原文，连同编号，例如 一、深入学习贯彻……'),
    items: z.array(z.enum(ITEM_NAMES)).min(1).describe('这一部分报告的规定事项（一项或几项）'),
    itemSlugs: z.array(z.enum(ITEM_SLUGS)).min(1).describe('报告事项的英文代码，与 items 一一对应'),
    path,
    text: z.string().describe('正文纯文本：段落之间空一行，表格每行一行、单元格以制表符分隔'),
    figures: z.array(figure),
  })
  .describe('报告的一个部分');

const attachment = z
  .strictObject({
    name: nonEmpty.describe('文件名'),
    type: nonEmpty.describe('文件类型（中文），例如 Word 文档（.docx）'),
    mediaType: nonEmpty.describe('媒体类型（MIME）'),
    bytes: z.number().int().min(0).describe('文件大小（字节）'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('文件的 SHA-256 校验值（十六进制）'),
    path,
  })
  .describe('附件：报告发布时的原件');

const itemRepeat = z
  .strictObject({
    item: z.enum(ITEM_NAMES).describe('报告事项'),
    itemSlug: z.enum(ITEM_SLUGS).describe('报告事项的英文代码'),
    comparedWith: z.number().int().nullable().describe('对照的上一份报告的年度：更早的、报告了这一事项的最近一份未撤回的报告；没有时为 null'),
    grams: z.number().int().min(0).describe('这一年这一事项正文中不同的五字片段数（见 repeatMeasure）'),
    repeated: z.number().int().min(0).nullable().describe('其中也出现在对照报告同一事项正文中的片段数；没有对照报告时为 null'),
    share: z.number().min(0).max(1).nullable().describe('相同文字比例 = repeated ÷ grams（0 到 1）；没有对照报告或 grams 为 0 时为 null'),
  })
  .describe('一个报告事项与上一份报告同一事项相比的相同文字比例');

const report = z
  .strictObject({
    year: z.number().int().min(REPORT_YEARS.min).max(REPORT_YEARS.max).describe('报告年度'),
    title: nonEmpty,
    agency: nonEmpty.describe('发布机构'),
    signedOn: date.describe('成文日期'),
    publishedOn: date.nullable().describe('发布日期；不知道时为 null'),
    indexNumber: nonEmpty.nullable().describe('索引号；没有时为 null'),
    topic: nonEmpty.nullable().describe('主题分类；没有时为 null'),
    documentNumber: nonEmpty.nullable().describe('文号，照原文，例如 武退役军人〔2024〕5号；没有时为 null'),
    validity: nonEmpty.nullable().describe('有效性，例如 有效；未说明时为 null'),
    keywords: z.array(nonEmpty).min(1).nullable().describe('关键词（主题词）；未说明时为 null'),
    signature: z.array(nonEmpty).describe('落款，逐行；原文没有落款时为空列表'),
    corrections: z.array(z.strictObject({ date, note: nonEmpty })).describe('更正说明'),
    withdrawn: z
      .strictObject({ date: date.describe('撤回日期'), reason: nonEmpty.describe('撤回原因') })
      .nullable()
      .describe('撤回：报告已撤回时的撤回日期和原因（页面保留并显示撤回说明）；未撤回时为 null'),
    attachments: z.array(attachment).describe('原文下载：发布时的原件，没有时为空列表'),
    path,
    preface: z.string().describe('前言（纯文本）'),
    sections: z.array(section),
    itemRepeats: z.array(itemRepeat).describe('这份报告报告的每一个事项（按规定的顺序）与上一份报告相比的相同文字比例'),
  })
  .describe('一年的法治政府建设年度报告');

const item = z
  .strictObject({
    name: z.enum(ITEM_NAMES),
    slug: z.enum(ITEM_SLUGS),
    full: nonEmpty.describe('规定中的表述'),
    mandatory: z.boolean().describe('是否每年必须报告'),
    path,
  })
  .describe('《法治政府建设与责任落实督察工作规定》要求报告的事项');

const repeatMeasure = z
  .strictObject({
    id: z.literal(REPEAT_MEASURE.id).describe('度量的名称：字符五元组包含度（character 5-gram containment）'),
    gramLength: z.literal(REPEAT_MEASURE.gramLength).describe('每个片段的字数'),
    description: nonEmpty.describe('度量的定义'),
  })
  .describe('itemRepeats 中相同文字比例的计算方法');

export const reportsDataSchema = z
  .strictObject({
    site: z.url().nullable().describe('网站首页的完整网址；构建时未设置网址则为 null'),
    items: z.array(item),
    repeatMeasure,
    reports: z.array(report).describe('已发布的报告，年度新的在前；已撤回的报告也在其中，见 withdrawn'),
  })
  .meta({ title: '法治政府建设年度报告：开放数据', description: '全部已发布报告的文件信息、各部分正文（纯文本）、报告事项、主要数据，以及各事项与上一年相比的相同文字比例' });

export type ReportsData = z.infer<typeof reportsDataSchema>;
export type ReportsDataItemRepeat = z.infer<typeof itemRepeat>;

export function reportsDataJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(reportsDataSchema) as Record<string, unknown>;
}

const fieldChange = z
  .strictObject({ field: nonEmpty.describe('字段名，或部分的顺序号、主要数据的代码'), before: z.string().optional().describe('原来的值；新补充的没有'), after: z.string().optional().describe('现在的值；删去的没有') })
  .describe('一项改动');

const changeEntry = z
  .strictObject({
    event: z.enum(['publish', 'correct', 'withdraw', 'supplement']).describe('publish 发布、correct 更正、withdraw 撤回、supplement 补充'),
    date: date.nullable().describe('发布日期（未记录时为 null）、更正日期、撤回日期或补充的日期'),
    note: z.string().optional().describe('更正说明、撤回原因或补充了什么'),
    recordedOn: date.describe('记入发布记录的日期'),
    fingerprint: z.string().regex(/^[0-9a-f]{16}$/).describe('这一条在发布记录（/data/record.json）中的指纹：hash 的前 16 位'),
    sentences: z
      .array(z.strictObject({ removed: z.array(z.string()).describe('删去的句子'), added: z.array(z.string()).describe('新增的句子') }))
      .optional()
      .describe('正文中改动的句子（按句比较）；首次发布没有；原文无法取得时没有，见 textUnavailable'),
    textUnavailable: z.string().optional().describe('这一版或前一版的全文无法从仓库历史中取得时，说明原因'),
    title: fieldChange.optional(),
    metadata: z.array(fieldChange).describe('文件信息的改动'),
    items: z.array(fieldChange).describe('各部分报告事项的改动（field 为部分的顺序号）'),
    figures: z.array(fieldChange).describe('主要数据的改动（field 为数据代码）'),
    attachments: z.strictObject({ added: z.array(z.string()), replaced: z.array(z.string()), removed: z.array(z.string()) }).describe('附件的改动（文件名）'),
  })
  .describe('版本记录的一条：一次发布、更正、撤回或补充，以及它改动了什么');

export const changesDataSchema = z
  .strictObject({
    reports: z.array(
      z.strictObject({
        year: z.number().int().min(REPORT_YEARS.min).max(REPORT_YEARS.max),
        title: nonEmpty,
        path,
        historyPath: path.describe('版本记录页面'),
        entries: z.array(changeEntry).describe('最新的在前'),
      }),
    ),
  })
  .meta({ title: '法治政府建设年度报告：版本记录', description: '每份报告自发布以来的每一次发布、更正、撤回和补充，以及改动的内容' });

export type ChangesData = z.infer<typeof changesDataSchema>;

export function changesDataJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(changesDataSchema) as Record<string, unknown>;
}
