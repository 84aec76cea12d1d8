/** Site configuration: what differs between bureaus that publish with this project. */
import { z } from 'zod';

const optionalText = z.string().trim().min(1, '不能是空字符串：没有的项请整行删除或注释掉').optional();

/** A full http(s) address, the field named in the message. */
const webAddress = (field: string, label: string, example: string) =>
  z.url({ protocol: /^https?$/, error: `${field}（${label}）应为完整网址，以 http:// 或 https:// 开头，例如 ${example}` });

/** ICP备案编号 as 工信部 issues it: 粤ICP备12345678号, with a site number -1 when given. */
export const ICP_NUMBER = /^[\u4e00-\u9fa5]ICP备\d+号(-\d+)?$/;
/** 公安机关备案号 as the 全国互联网安全管理服务平台 issues it: 粤公网安备 44020302000123号. */
export const POLICE_NUMBER = /^[\u4e00-\u9fa5]公网安备\s?\d+号$/;
/** Where an ICP备案编号 is looked up: 工信部 ICP/IP地址/域名信息备案管理系统. */
export const ICP_LOOKUP_URL = 'https://beian.miit.gov.cn/';

/** A file under public/, as the site serves it: images/dzjg.png, no leading / and no .. */
const publicFile = z
  .string()
  .trim()
  .regex(/^(?!\/)(?!.*\.\.)[^\s?#\\]+\.(?:png|gif|jpe?g|svg|webp)$/i, {
    error: 'footer.badge.image（党政机关网站标识图片）应为 public/ 下图片文件的路径，例如 images/dzjg.png（不以 / 开头，不含 ..）',
  });

export const siteConfigSchema = z.strictObject({
  bureau: z.string().trim().min(1, 'bureau（局名）不能为空'),
  siteName: z.string().trim().min(1, 'siteName（网站名称）不能为空'),
  /** The site's public address, e.g. https://www.example.gov.cn; SITE_URL overrides it. */
  url: z.url({ error: 'url（网站地址）应为完整网址，例如 https://www.example.gov.cn' }).optional(),
  /** The path the site is served under, e.g. /fzbg/; BASE_PATH overrides it. */
  base: z.string().default('/'),
  /**
   * Where a source file can be edited in the repository: the file's path is appended, e.g.
   * https://github.com/example/fazhi-nianbao/edit/main/ . Leave out to hide "在仓库中编辑".
   */
  editUrl: z.url({ error: 'editUrl（在仓库中编辑的网址前缀）应为完整网址，以 / 结尾' }).optional(),
  footer: z
    .strictObject({
      sponsor: optionalText,
      contact: optionalText,
      siteCode: optionalText,
      icp: optionalText.refine((v) => v === undefined || ICP_NUMBER.test(v), {
        error: (iss) => `footer.icp（ICP备案编号）应照备案写，例如 粤ICP备12345678号 或 粤ICP备12345678号-1；收到 “${String(iss.input)}”`,
      }),
      police: optionalText.refine((v) => v === undefined || POLICE_NUMBER.test(v), {
        error: (iss) => `footer.police（公安机关备案号）应照备案写，例如 粤公网安备 44020302000123号；收到 “${String(iss.input)}”`,
      }),
      /** The record's page on the 全国互联网安全管理服务平台 (beian.mps.gov.cn), which the number links to. */
      policeUrl: webAddress('footer.policeUrl', '公安机关备案号的查询网址', 'https://beian.mps.gov.cn/#/query/webSearch?code=44020302000123').optional(),
      /** 党政机关网站标识 as issued (开办者 receives the image and its link from 中央编办). */
      badge: z
        .strictObject({
          image: publicFile,
          href: webAddress('footer.badge.href', '党政机关网站标识的链接', 'https://bszs.conac.cn/sitename?method=show&id=…'),
        })
        .optional(),
    })
    .default({}),
  /**
   * 联系我们: either `url`, an existing page elsewhere (the portal's), or the fields of the
   * site's own /contact/ page. Only what is given is shown.
   */
  contactUs: z
    .strictObject({
      url: webAddress('contactUs.url', '联系我们页面的网址', 'https://www.example.gov.cn/lxwm/').optional(),
      address: optionalText,
      postcode: optionalText,
      telephone: optionalText,
      email: z.email({ error: 'contactUs.email（电子邮箱）应为电子邮箱地址，例如 fzbg@example.gov.cn' }).optional(),
      hours: optionalText,
    })
    .optional(),
  /** 我为政府网站找错: the address of the national or provincial error-report form for this site. */
  errorReportUrl: webAddress('errorReportUrl', '我为政府网站找错的网址', 'https://zfwzzc.www.gov.cn/…').optional(),
  /** 互动: the 咨询建言 / 留言 channel readers can use, e.g. the district's 12345 or the portal's message board. */
  interaction: z
    .strictObject({
      url: webAddress('interaction.url', '互动交流的网址', 'https://www.example.gov.cn/hdjl/'),
      label: z.string().trim().min(1, 'interaction.label（互动链接的文字）不能为空，例如 咨询建言').default('咨询建言'),
    })
    .optional(),
  /** The portal this site is a 专栏 of: its name and address, linked in the header. */
  parentSite: z
    .strictObject({
      name: z.string().trim().min(1, 'parentSite.name（上级网站名称）不能为空，例如 韶关市武江区人民政府'),
      url: webAddress('parentSite.url', '上级网站的网址', 'https://www.example.gov.cn/'),
    })
    .optional(),
});

export type SiteConfig = z.output<typeof siteConfigSchema>;

export function defineSiteConfig(input: z.input<typeof siteConfigSchema>): SiteConfig {
  // The forge knows the repository's address, so CI can set it without editing this file.
  const editUrl = typeof process === 'undefined' ? undefined : process.env.EDIT_URL;
  const parsed = siteConfigSchema.safeParse(editUrl ? { ...input, editUrl } : input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  site.config.ts · ${i.path.join('.') || '(根)'}：${i.message}`);
    throw new Error(['网站配置 site.config.ts 有误：', ...lines].join('\n'));
  }
  return parsed.data;
}

/** Footer rows in the order 《政府网站发展指引》 lists them; unset fields are left out. */
export const FOOTER_FIELDS = [
  ['sponsor', '主办单位'],
  ['contact', '联系方式'],
  ['siteCode', '网站标识码'],
  ['icp', 'ICP备案编号'],
  ['police', '公安机关备案号'],
] as const;

/** A footer row: label and value, and where the value links to (ICP to 工信部, 公安备案 to its record). */
export interface FooterRow {
  label: string;
  value: string;
  href?: string;
}

/** The footer's rows as text: label and value of each configured field. */
export function footerRows(config: SiteConfig): { label: string; value: string }[] {
  return footerRegistrations(config).map(({ label, value }) => ({ label, value }));
}

/** The footer's rows as shown: each configured field, ICP linked to 工信部, 公安备案 to its record when given. */
export function footerRegistrations(config: SiteConfig): FooterRow[] {
  return FOOTER_FIELDS.flatMap(([key, label]) => {
    const value = config.footer[key];
    if (!value) return [];
    const href = key === 'icp' ? ICP_LOOKUP_URL : key === 'police' ? config.footer.policeUrl : undefined;
    return [href ? { label, value, href } : { label, value }];
  });
}

/** Whether the site has its own /contact/ page: 联系我们 is configured with fields but no external url. */
export function hasContactPage(config: SiteConfig): boolean {
  const c = config.contactUs;
  return Boolean(c && !c.url && (c.address || c.postcode || c.telephone || c.email || c.hours));
}

/**
 * The module a build and `npm run check` read the site configuration from: SITE_CONFIG in the
 * environment names another one (a fixture's, a second deployment's), relative to the
 * project; else site.config.ts.
 */
export function siteConfigModule(env: Record<string, string | undefined>): string {
  return env.SITE_CONFIG?.trim() || DEFAULT_SITE_CONFIG;
}
export const DEFAULT_SITE_CONFIG = 'site.config.ts';

/**
 * The path the site is served under, as /segment/…/: a missing leading or trailing slash is
 * added (fzbg, /fzbg and fzbg/ all give /fzbg/); anything else unusual is refused, naming
 * where the value came from.
 */
export function basePath(raw: string, from: string): string {
  const path = `/${raw}/`.replace(/^\/\/+/, '/').replace(/\/\/+$/, '/');
  if (path === '/') return path;
  const ok = path
    .slice(1, -1)
    .split('/')
    .every((segment) => /^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$/.test(segment));
  if (!ok) {
    throw new Error(
      `${from}（基础路径）格式不对：收到 “${raw}”。应为网站所在的路径，例如 /fzbg/ 或 /xxgk/fzbg/：` +
        '每一段只用英文字母、数字和 - _ . ~，段与段之间只有一个 /，不含空格、?、#、反斜杠，也不是完整网址' +
        '（网址写在 SITE_URL 或 site.config.ts 的 url）。网站放在根目录时不设置 BASE_PATH，或写 /。',
    );
  }
  return path;
}

/** The site's public address, checked; undefined when not set. */
export function siteUrl(raw: string | undefined, from: string): string | undefined {
  if (!raw) return undefined;
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash) {
    throw new Error(
      `${from}（网站地址）格式不对：收到 “${raw}”。应为完整网址，例如 https://www.example.gov.cn` +
        '（以 http:// 或 https:// 开头，不带 ? 和 #）。',
    );
  }
  return url.href;
}

/**
 * What the header and footer link to besides the registrations, as plain data: the 党政机关网站标识,
 * 联系我们 (the site's own page or an address elsewhere), 我为政府网站找错, the 互动 channel and the
 * portal this site is a 专栏 of. Each only when configured.
 */
export interface SiteLinks {
  badge?: { image: string; href: string };
  /** 联系我们 elsewhere; when unset and hasContactPage, the site's own /contact/ page. */
  contactUrl?: string;
  contactPage: boolean;
  errorReportUrl?: string;
  interaction?: { url: string; label: string };
  parentSite?: { name: string; url: string };
}

export function siteLinks(config: SiteConfig): SiteLinks {
  return {
    ...(config.footer.badge && { badge: { ...config.footer.badge } }),
    ...(config.contactUs?.url && { contactUrl: config.contactUs.url }),
    contactPage: hasContactPage(config),
    ...(config.errorReportUrl && { errorReportUrl: config.errorReportUrl }),
    ...(config.interaction && { interaction: { ...config.interaction } }),
    ...(config.parentSite && { parentSite: { ...config.parentSite } }),
  };
}
