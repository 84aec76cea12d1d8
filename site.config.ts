/**
 * The one file a bureau edits to make this site its own. Footer registrations are real
 * numbers issued to the site: leave a field out until it has been issued, and it is not
 * shown. SITE_URL and BASE_PATH in the environment override `url` and `base`.
 */
import { defineSiteConfig } from './src/domain/site.ts';

export default defineSiteConfig({
  /** The bureau that publishes the reports; shown in the header. */
  bureau: '韶关市武江区退役军人事务局',
  /** The site's name, after the bureau's in the header and in every page title. */
  siteName: '法治政府建设年度报告',
  // url: 'https://www.example.gov.cn', // 网站地址（环境变量 SITE_URL 优先）
  // base: '/fzbg/', // 网站放在子路径下时填写，默认 /（环境变量 BASE_PATH 优先）
  footer: {
    /** 主办单位 */
    sponsor: '韶关市武江区退役军人事务局',
    /** 联系方式: address, telephone or e-mail, as the bureau publishes it. */
    // contact: '',
    /** 网站标识码 */
    // siteCode: '',
    /** ICP备案编号 */
    // icp: '',
    /** 公安机关备案号 */
    // police: '',
  },
});
