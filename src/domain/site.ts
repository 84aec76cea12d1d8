/** Site configuration: what differs between bureaus that publish with this project. */
import { z } from 'zod';

const optionalText = z.string().trim().min(1, '不能是空字符串：没有的项请整行删除或注释掉').optional();

export const siteConfigSchema = z.strictObject({
  bureau: z.string().trim().min(1, 'bureau（局名）不能为空'),
  siteName: z.string().trim().min(1, 'siteName（网站名称）不能为空'),
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
  const parsed = siteConfigSchema.safeParse(input);
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
