/** Site configuration: what differs between bureaus that publish with this project. */
import { z } from 'zod';

const optionalText = z.string().trim().min(1, '不能是空字符串：没有的项请整行删除或注释掉').optional();

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
      icp: optionalText,
      police: optionalText,
    })
    .default({}),
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

export function footerRows(config: SiteConfig): { label: string; value: string }[] {
  return FOOTER_FIELDS.flatMap(([key, label]) => {
    const value = config.footer[key];
    return value ? [{ label, value }] : [];
  });
}

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
