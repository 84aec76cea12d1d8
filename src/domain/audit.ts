/**
 * A self-audit against what a 政府网站 inspection counts (《政府网站与政务新媒体检查指标》,
 * 国办秘函〔2019〕19号; 《政府网站发展指引》, 国办发〔2017〕47号), as a list of named rules over
 * the content (check.ts's ContentView) and the site configuration:
 *
 * - registrations: 网站标识码, ICP备案编号, 公安机关备案号 and the 党政机关网站标识 are set;
 * - interaction: a 咨询建言 / 留言 channel is linked (its absence is a 单项否决 item);
 * - publication date: a published report states its 发布日期 (a page without one "视为不更新");
 * - deadline: published by 4月1日 of the following year — check.ts's rule published-by-deadline,
 *   reused here so that `--strict` holds it too; it is listed once, as the audit's;
 * - empty item page: no published report covers a mandatory item (空白栏目);
 * - section text: a section has text, not only headings;
 * - link labels: a link out of the site says where it goes, rather than showing a bare address.
 *
 * Every finding is a warning, so neither `npm run check` nor the build stops for it, unless
 * the audit is strict (`npm run check -- --strict`, or AUDIT_STRICT=1 for both): then they are
 * errors, for CI on the publishing branch. Plain TypeScript, no Astro imports.
 */
import type { ContentView, Entry, Problem } from './check.ts';
import { isRecorded, publicChangeAdvice, RULES } from './check.ts';
import { REQUIRED_ITEMS } from './items.ts';
import { isWithdrawn, knownPublicationDate, printedHeading } from './report.ts';
import type { SiteConfig } from './site.ts';

/** What the audit reads: the content, and the site configuration when it is known. */
export interface AuditInput {
  view: ContentView;
  /** The site configuration; without it the rules about it are skipped (the build's content check). */
  site?: SiteConfig;
  /** The configuration file as staff name it, for messages: site.config.ts. */
  configFile: string;
}

export interface AuditRule {
  name: string;
  check(input: AuditInput): Problem[];
}

/** Marks an audit finding, so staff can tell it from the content rules' messages. */
const MARK = '【检查指标】';

const finding = (file: string, field: string, message: string): Problem => ({ file, field, message: `${MARK}${message}`, warning: true });

/** Published reports: not drafts. Withdrawn ones are published too; their pages stay. */
const published = (view: ContentView) => view.reports.filter((r) => !r.data.draft);

// --- site configuration --------------------------------------------------------------------

const REGISTRATIONS = [
  ['siteCode', '网站标识码', '全国政府网站信息报送系统分配的 10 位网站标识码'],
  ['icp', 'ICP备案编号', '工信部备案的编号，例如 粤ICP备12345678号-1'],
  ['police', '公安机关备案号', '全国互联网安全管理服务平台的备案号，例如 粤公网安备 44020302000123号，并在 footer.policeUrl 填写备案查询网址'],
] as const;

/** 网站标识码, ICP备案编号, 公安机关备案号 and the 党政机关网站标识 are shown in the footer. */
const registrationsSet: AuditRule = {
  name: 'registrations-set',
  check: ({ site, configFile }) => {
    if (!site) return [];
    const missing = REGISTRATIONS.filter(([key]) => !site.footer[key]).map(([key, label, how]) =>
      finding(configFile, `footer.${key}`, `页脚没有${label}：《政府网站发展指引》要求在页脚展示。请在 ${configFile} 的 footer.${key} 填写${how}`),
    );
    if (!site.footer.badge) {
      missing.push(
        finding(
          configFile,
          'footer.badge',
          `页脚没有党政机关网站标识：请把开办时颁发的标识图片放到 public/ 下，在 ${configFile} 的 footer.badge 填写 { image: 图片路径, href: 标识的链接 }（照颁发时给出的写）`,
        ),
      );
    }
    return missing;
  },
};

/** A 咨询建言 / 留言 channel is linked from every page. */
const interactionLinked: AuditRule = {
  name: 'interaction-linked',
  check: ({ site, configFile }) =>
    site && !site.interaction
      ? [
          finding(
            configFile,
            'interaction',
            `没有互动交流（咨询建言、留言）的入口，检查指标中属单项否决项。请在 ${configFile} 的 interaction 填写 { url: 网址, label: 咨询建言 }，例如本区 12345 热线或门户网站留言板的网址`,
          ),
        ]
      : [],
};

// --- content -------------------------------------------------------------------------------

/** A published report states its 发布日期; without it its page claims no publication date. */
const publicationDateKnown: AuditRule = {
  name: 'publication-date-known',
  check: ({ view }) =>
    published(view).flatMap((r) =>
      knownPublicationDate(r.data)
        ? []
        : [
            finding(
              r.filePath,
              'publishedOn',
              `${r.data.year} 年报告没有发布日期：没有发布日期的页面在检查中“视为不更新”。请在 ${r.filePath} 写上 publishedOn: YYYY-MM-DD（报告实际向社会公开的日期，不要填成文日期）`,
            ),
          ],
    ),
};

/** check.ts's published-by-deadline, run as one of the audit's rules (its messages as they are). */
const deadlineRule = RULES.find((r) => r.name === 'published-by-deadline');
const publishedByDeadline: AuditRule = {
  name: 'published-by-deadline',
  check: ({ view }) => (deadlineRule ? deadlineRule.check(view).map((p) => ({ ...p, warning: true })) : []),
};

/**
 * An item page with nothing on it. Every one of the five items has its page (/items/<slug>/);
 * "empty" here means a mandatory item that no published, not withdrawn report covers, so its
 * page only says there is nothing yet — an inspection counts that as a 空白栏目. The optional
 * item (其他需要报告的情况) is reported only when there is something to report, and its page
 * says so; it is not counted. One finding per item, on the reports folder.
 */
const itemPagesFilled: AuditRule = {
  name: 'item-pages-filled',
  check: ({ view }) => {
    const standing = new Set(published(view).filter((r) => !isWithdrawn(r.data)).map((r) => String(r.data.year)));
    const covered = new Set(view.sections.filter((s) => standing.has(s.data.report)).flatMap((s) => s.data.items));
    const where = view.reports[0]?.filePath.replace(/[^/]*$/, '') ?? 'reports/';
    return REQUIRED_ITEMS.filter((i) => i.mandatory && !covered.has(i.name)).map((i) =>
      finding(
        where,
        'item',
        `“${i.full}”的页面（/items/${i.slug}/）是空的：没有已发布、未撤回的报告有 items 包括“${i.name}”的部分，检查中属“空白栏目”。请发布含这一项的报告`,
      ),
    );
  },
};

/** The lines of a text that are text: not blank, not a heading, not an MDX comment. */
const textLines = (body: string) =>
  body
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .split('\n')
    .filter((l) => l.trim() && !/^\s*#{1,6}\s/.test(l));

/** A section has text of its own, not only headings. */
const sectionsHaveText: AuditRule = {
  name: 'sections-have-text',
  check: ({ view }) =>
    view.inFileOrder.flatMap((s) =>
      s.body !== undefined && textLines(s.body).length === 0
        ? [
            finding(
              s.filePath,
              '正文',
              `这一部分（${printedHeading(s.data)}）没有正文，页面会是空的。` +
                (isRecorded(view, s.data.report) ? `请照原文写入正文。${publicChangeAdvice(s.data.report, s.filePath)}` : '请照原文写入正文，或删掉这一部分并调整其余部分的 order'),
            ),
          ]
        : [],
    ),
};

/** An address out of the site: http(s):// … up to a space, bracket or Chinese punctuation. */
const URL_TEXT = String.raw`https?:\/\/[^\s<>()\[\]（）【】，。；、“”]+`;
/** [https://…](…): a Markdown link whose text is an address. */
const URL_AS_LABEL = new RegExp(String.raw`\[\s*(${URL_TEXT})\s*\]\(`, 'g');
/** <https://…>: an autolink, shown as the address. */
const AUTOLINK = new RegExp(String.raw`<(${URL_TEXT})>`, 'g');
/** An address written out in the text, not as a link's target ](…) nor inside [ ] or < >. */
const BARE_URL = new RegExp(String.raw`(?<![\](<\[])(?<!\]\()\b(${URL_TEXT})`, 'g');

/** The addresses a line shows as their own label, in the order found. */
export function unlabelledLinks(line: string): string[] {
  const found = [...line.matchAll(URL_AS_LABEL), ...line.matchAll(AUTOLINK)].map((m) => m[1]!);
  // Take the links' own parts out, then look for addresses written out as text.
  const rest = line.replace(/\[[^\]]*\]\([^)]*\)/g, ' ').replace(AUTOLINK, ' ');
  return [...found, ...[...rest.matchAll(BARE_URL)].map((m) => m[1]!)];
}

/** How many lines of the file come before its text (the frontmatter), where the file was read. */
function linesBeforeBody(e: Entry<unknown>): number {
  if (e.raw === undefined || e.body === undefined) return 0;
  const at = e.raw.lastIndexOf(e.body);
  return at < 0 ? 0 : e.raw.slice(0, at).split('\n').length - 1;
}

/**
 * A link out of the site says where it goes: its text is a name (《…》, 某某网), not the bare
 * address, which a screen reader reads out character by character and a reader cannot judge.
 */
const linksLabelled: AuditRule = {
  name: 'links-labelled',
  check: ({ view }) =>
    [...view.reports, ...view.inFileOrder].flatMap((e: Entry<unknown>) =>
      (e.body ?? '').split('\n').flatMap((line, i) =>
        unlabelledLinks(line).map((url) =>
          finding(
            e.filePath,
            `第 ${linesBeforeBody(e) + i + 1} 行`,
            `链接只写了网址 ${url}：请写成 [链接到的网站或文件的名称](${url})，让读者知道点开是哪里`,
          ),
        ),
      ),
    ),
};

/** Every audit rule, in the order their findings are listed. */
export const AUDIT_RULES: readonly AuditRule[] = [
  registrationsSet,
  interactionLinked,
  publicationDateKnown,
  publishedByDeadline,
  itemPagesFilled,
  sectionsHaveText,
  linksLabelled,
];

/** The audit's findings: warnings, or errors when strict. */
export function audit(input: AuditInput, { strict = false }: { strict?: boolean } = {}): Problem[] {
  return AUDIT_RULES.flatMap((rule) => rule.check(input)).map((p) => (strict ? { ...p, warning: false } : p));
}

/**
 * The content rules' problems without those the audit lists too (published-by-deadline),
 * so each is listed once, as the audit's.
 */
export function withoutAudited(problems: readonly Problem[], audited: readonly Problem[]): Problem[] {
  const key = (p: Problem) => `${p.file}\u0000${p.field}\u0000${p.message}`;
  const seen = new Set(audited.map(key));
  return problems.filter((p) => !seen.has(key(p)));
}

/** Whether the audit is strict by the environment: AUDIT_STRICT=1 (or true). */
export const strictByEnv = (env: Record<string, string | undefined>) => /^(1|true)$/i.test(env.AUDIT_STRICT?.trim() ?? '');

