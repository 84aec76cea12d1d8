/**
 * The one file a bureau edits to make this site its own. Footer registrations are real
 * numbers issued to the site: leave a field out until it has been issued, and it is not
 * shown. SITE_URL and BASE_PATH in the environment override `url` and `base`; SITE_CONFIG
 * names another configuration module to read instead of this one. `npm run check` lists the
 * fields an inspection expects that are still unset.
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
    /** 公安机关备案号, as issued: 粤公网安备 44020302000123号 */
    // police: '',
    /** The record's address on the 全国互联网安全管理服务平台, which the number links to. */
    // policeUrl: '',
    /** 党政机关网站标识 as issued: the image under public/ and the link given with it. */
    // badge: { image: 'images/dzjg.png', href: '' },
  },
  /** 联系我们: the fields of the site's own /contact/ page, or `url` of such a page elsewhere. */
  // contactUs: { address: '', postcode: '', telephone: '', email: '', hours: '' },
  /** 我为政府网站找错: the address of the error-report form for this site. */
  // errorReportUrl: '',
  /** 互动: the 咨询建言 / 留言 channel (the district's 12345, the portal's message board). */
  // interaction: { url: '', label: '咨询建言' },
  /** The district portal this site is a 专栏 of, linked in the header (上级网站). */
  // parentSite: { name: '', url: '' },
});
