/**
 * What the search scripts say, as templates: {n} a number, {q} the reader's query, {w} a word
 * or words, {y} a year. The build writes them for each edition (the 繁體 ones converted by the
 * site's one converter), and the scripts fill them in (src/search/messages.ts).
 */
export const searchMessages = {
  searching: '正在搜索……',
  prompt: '请输入要查找的词，例如：优待证、招聘会、普法。',
  found: '找到 {n} 个包含“{q}”的部分',
  related: '找到 {n} 个与“{q}”有关的部分',
  none: '没有找到包含“{q}”的内容。请换一个词，或减少筛选条件。',
  failed: '搜索暂时无法使用，请稍后再试，或从首页按年度浏览。',
  partial: '没有同时包含全部词语的结果，以下是部分匹配',
  missingOne: '没有找到{w}，以下结果不包含这个词',
  missingMany: '没有找到{w}，以下结果不包含这些词',
  didYouMean: '您是不是要找：{w}',
  asTyped: '仍然搜索“{q}”',
  seeAll: '查看全部 {n} 个结果',
  year: '{y}年',
  withCount: '{w}（{n}）',
  title: '{q} - 搜索报告',
  highlighted: '已在正文中标出“{q}”，共 {n} 处。',
  clearHighlight: '取消标记',
  separator: '；',
  sentenceEnd: '。',
};
export type SearchMessages = typeof searchMessages;

/** A template of searchMessages with its {name} places filled. */
export function fillMessage(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/** Words each in Chinese quotes, one after another: “房贷”“公积金”. */
export const quoted = (words: readonly string[]) => words.map((w) => `“${w}”`).join('');

/** Every Chinese string the site's own interface shows (report text comes from content). */
import { toChineseNumeral } from '../domain/numerals.ts';
export const ui = {
  skipToContent: '跳到正文',
  home: '首页',
  breadcrumb: '当前位置',
  latestReport: '最新报告',
  allYears: '历年报告',
  yearReport: (year: number) => `${year}年报告`,
  readWhole: '阅读全文',
  contents: '目录',
  metadata: '文件信息',
  indexNumber: '索引号',
  agency: '发布机构',
  topic: '主题分类',
  signedOn: '成文日期',
  publishedOn: '发布日期',
  documentNumber: '文号',
  validity: '有效性',
  keywords: '关键词',
  lastUpdated: '最后更新',
  attachments: '原文下载',
  attachmentsIntro: '本报告发布时的原件。下载后可用 SHA-256 校验值核对文件是否与发布的一致。',
  attachmentType: '类型',
  attachmentSize: '大小',
  attachmentDigest: 'SHA-256',
  corrections: '更正记录',
  recordFingerprint: '发布记录指纹',
  recordHistoryLink: '版本记录和核对方法',
  history: '版本记录',
  historyTitle: (year: number) => `${year}年报告的版本记录`,
  historyIntro:
    '这份报告自发布以来的每一次发布、更正、撤回和补充，最新的在前。每一条写明日期、说明和改动的内容：删去的句子和新增的句子分别标明。报告发布后只能这样公开地改动，每一条都记在网站的发布记录中。',
  historyEvent: { publish: '发布', correct: '更正', withdraw: '撤回', supplement: '补充' } as Record<string, string>,
  historyDate: (event: string, date: string | null) => (date ? `${date} ${event}` : `${event}（发布日期未记录）`),
  historyRecordedOn: (date: string) => `记入发布记录：${date}`,
  historyFirst: '首次发布，这是最初公开的版本。',
  historyNoTextChange: '正文没有改动。',
  historyRemoved: '删去：',
  historyAdded: '新增：',
  historyTextUnavailable: (why: string) => `${why}。`,
  historyFieldChanged: (label: string, before: string | undefined, after: string | undefined) =>
    before === undefined ? `补充${label}：${after}` : after === undefined ? `删去${label}：${before}` : `${label}：由“${before}”改为“${after}”`,
  historyFields: {
    title: '标题',
    agency: '发布机构',
    signedOn: '成文日期',
    publishedOn: '发布日期',
    indexNumber: '索引号',
    topic: '主题分类',
    documentNumber: '文号',
    validity: '有效性',
    keywords: '关键词',
    signature: '落款',
  } as Record<string, string>,
  historyItems: (order: string) => `第${toChineseNumeral(Number(order))}部分的报告事项`,
  historyFigure: (key: string) => `主要数据（${key}）`,
  historyAttachmentAdded: (name: string) => `新增附件：${name}`,
  historyAttachmentReplaced: (name: string) => `更换附件：${name}`,
  historyAttachmentRemoved: (name: string) => `删去附件：${name}`,
  historyFingerprint: (fp: string) => `这一条的指纹：${fp}`,
  historyVerify:
    '核对方法：每一条记录都带着前一条的校验值，连成一条链，公开在 /data/record.json。记下上面的指纹，以后任何人都可以用它核对网站上的报告和记录有没有被悄悄改写（技术人员可运行 npm run verify，见操作手册“发布记录指纹”一节）。',
  historyOpen: '查看版本记录',
  feedCorrection: (title: string, date: string) => `更正：${title}（${date}）`,
  feedWithdrawal: (title: string, date: string) => `撤回：${title}（${date}）`,
  correctionsIntro: '本报告发布后有以下更正：',
  editInRepo: '在仓库中编辑',
  editInRepoHint: '（供工作人员使用）',
  partNumber: (order: number) => `第${toChineseNumeral(order)}部分`,
  openSection: '单独阅读本部分',
  prevSection: '上一部分',
  nextSection: '下一部分',
  backToReport: '返回报告全文',
  sectionNav: '部分导航',
  notFoundTitle: '页面未找到',
  notFoundBody: '您访问的页面不存在，可能已被移动或地址有误。',
  notFoundHome: '返回首页',
  noReports: '暂无已发布的报告。',
  noCurrentReport: '已发布的报告均已撤回，目前没有现行的报告。撤回的报告仍可在下方“历年报告”中查阅。',

  // A withdrawn report (撤回): its pages stay, with a dated public notice
  withdrawn: '已撤回',
  withdrawnHeading: '本报告已撤回',
  withdrawnOn: '撤回日期',
  withdrawnReason: '撤回原因',
  withdrawnKept: '以下是本报告撤回前公开的原文，保留备查，不再代表现行情况。',
  withdrawnTitle: (title: string) => `${title}（已撤回）`,
  withdrawnDescription: (date: string, reason: string, description: string) => `已撤回（${date}）：${reason.replace(/。$/, '')}。${description}`,

  // Reading aids in the header (text size, high contrast), printing, head metadata
  siteNav: '网站导航',
  siteSearch: '全站搜索',
  textSize: '字号',
  textSizeStandard: '标准',
  textSizeLarge: '大',
  textSizeXLarge: '特大',
  highContrast: '高对比度',
  print: '打印',
  printedFrom: '本页网址：',
  feedTitle: (siteName: string) => `${siteName}（RSS订阅）`,
  columnName: '法治政府建设年度报告',
  siteDescription: (bureau: string) => `${bureau}依照《法治政府建设与责任落实督察工作规定》向社会公开的法治政府建设年度报告。`,
  reportDescription: (title: string, agency: string, date: string) => `${title}全文。发布机构：${agency}；成文日期：${date}。`,
  sectionDescription: (title: string, heading: string) => `${title}：${heading}。`,
  keywordsBase: '法治政府建设,年度报告',

  // Search
  search: '搜索',
  searchTitle: '搜索报告',
  searchLabel: '搜索报告内容',
  searchPlaceholder: '如：优待证、招聘会',
  searchTerm: '搜索词',
  searchYear: '报告年度',
  searchItem: '报告事项',
  searchSort: '排序',
  allYears_filter: '全部年度',
  allItems: '全部事项',
  sortRelevance: '按相关度',
  sortNewest: '按年度，新的在前',
  yearLabel: (year: number) => fillMessage(searchMessages.year, { y: year }),
  withCount: (label: string, n: number) => fillMessage(searchMessages.withCount, { w: label, n }),
  searching: searchMessages.searching,
  searchPrompt: searchMessages.prompt,
  searchFound: (n: number, q: string) => fillMessage(searchMessages.found, { n, q }),
  searchNone: (q: string) => fillMessage(searchMessages.none, { q }),
  searchFailed: searchMessages.failed,
  searchResults: '搜索结果',
  seeAllResults: (n: number) => fillMessage(searchMessages.seeAll, { n }),
  highlighted: (q: string, n: number) => fillMessage(searchMessages.highlighted, { q, n }),
  clearHighlight: searchMessages.clearHighlight,
  searchPartial: searchMessages.partial,
  didYouMean: (w: string) => fillMessage(searchMessages.didYouMean, { w }),
  searchAsTyped: (q: string) => fillMessage(searchMessages.asTyped, { q }),
  searchMissing: (words: readonly string[]) => fillMessage(words.length > 1 ? searchMessages.missingMany : searchMessages.missingOne, { w: quoted(words) }),
  moreResults: '更多结果',
  searchShown: (shown: number, n: number) => `（显示前 ${shown} 个，共 ${n} 个）`,
  preface: '前言',

  // Key figures, items across years, feeds and open data
  browse: '浏览',
  figures: '主要数据',
  figuresTitle: '历年主要数据',
  figuresIntro: '各年报告正文中的主要数字，照原文摘录。每个数字链接到它所在的部分；同一指标在两年以上有数据时附变化图。',
  figuresPanelMore: '历年主要数据对比',
  figuresNone: '已发布的报告中还没有标注主要数据。',
  figuresCaption: '各年报告中的主要数据（年度新的在前）',
  figureIn: (part: string) => `，见${part}`,
  figureMeasure: '指标',
  figureWithUnit: (label: string, unit: string) => `${label}（${unit}）`,
  figureTrend: '变化',
  figureMissing: '无数据',
  chartDescription: (label: string, unit: string, points: readonly string[]) => `${label}（${unit}）历年变化：${points.join('，')}`,
  chartPoint: (year: number, printed: string) => `${year}年 ${printed}`,
  downloads: '下载数据',
  downloadFiguresCsv: '主要数据（CSV，可用 Excel 打开）',
  downloadFiguresJson: '主要数据（JSON）',
  downloadReports: '全部报告（JSON：文件信息、各部分正文、报告事项、主要数据）',
  downloadReportsSchema: '全部报告数据的格式说明（JSON Schema）',
  subscribeFeed: '订阅新发布的报告（RSS）',
  figuresCsvHeader: ['年度', 'key', '数据名称', '限定词', '数值', '单位', '所在部分', '网址'],
  itemsTitle: '按报告事项浏览',
  itemsIntro: '《法治政府建设与责任落实督察工作规定》要求年度报告写明以下各项。选择一项，可以逐年对比各年报告中的相应内容。',
  itemsLink: '按报告事项对比历年内容',
  itemMandatory: '每年必须报告',
  itemOptional: '有需要时报告',
  itemSummary: (years: number, sections: number) => `${years} 年报告，共 ${sections} 个部分`,
  itemEmpty: '已发布的报告中还没有这一项的内容。',
  itemIntro: (full: string) => `各年报告中关于“${full}”的部分，年度新的在前。`,
  // Footer, header and the pages a 政府网站 inspection looks for
  footerNav: '网站信息',
  siteMap: '网站地图',
  siteMapIntro: '本网站全部页面，按类别列出。',
  siteMapReports: '历年报告',
  siteMapItems: '按报告事项浏览',
  siteMapOther: '其他页面',
  contactUs: '联系我们',
  contactIntro: (bureau: string) => `${bureau}的联系方式：`,
  contactAddress: '地址',
  contactPostcode: '邮政编码',
  contactTelephone: '电话',
  contactEmail: '电子邮箱',
  contactHours: '办公时间',
  errorReport: '我为政府网站找错',
  accessibility: '无障碍声明',
  badgeAlt: '党政机关网站标识',
  parentSite: '上级网站',
  feedDescription: (bureau: string) => `${bureau}每年发布的法治政府建设年度报告`,
  feedWithoutSite:
    'feed.xml：没有设置网站地址（site.config.ts 的 url 或环境变量 SITE_URL），订阅中的链接只能写成相对地址，网站地图也不会生成。设置网址后重新构建即可。',
  // 繁體 edition (src/integrations/traditional.ts). The switch names the other edition in its
  // own script, as language switches do, so its text is never converted; the notice is
  // written here in simplified and converted with the page.
  editionToHant: '繁體版',
  editionToHans: '简体版',
  hantNotice: '本页由简体原文自动转换为繁体，以原文为准。',
  hantOriginal: '查看简体原文',

  // Reading aids (大鼠标, 阅读辅助线, 朗读); the 无障碍声明's prose is accessibilityStatement, below
  largeCursor: '大鼠标',
  readingGuide: '阅读辅助线',
  readAloud: '朗读',
  readAloudPause: '暂停',
  readAloudResume: '继续',
  readAloudStop: '停止',

  // Layout: header menu, ways back, 打印 without scripts, search without scripts
  menu: '菜单',
  menuHint: '（搜索、导航、阅读辅助）',
  backToContents: '返回目录',
  backToTop: '返回页首',
  figuresCount: (n: number) => `（${n} 项）`,
  printHelpTitle: '如何打印本页',
  printHelpBody:
    '请使用浏览器的“打印”功能：电脑上按 Ctrl+P（苹果电脑按 ⌘+P），或在浏览器菜单中选择“打印”；手机上在浏览器菜单中选择“打印”或“分享”→“打印”。打印出来的是报告正文，不含网站的导航和按钮。',
  printHelpClose: '返回正文',
  searchNoScriptLead: '您的浏览器没有运行本页的搜索程序，所以这里不能列出结果。您可以这样查找：',
  searchNoScriptYears: '打开一年的报告全文，再用浏览器的“查找”（“在页面中查找”，电脑上按 Ctrl+F）查找您要找的词：',
  searchNoScriptItems: '按报告事项浏览，逐年对比同一项内容',
} as const;

/**
 * The 无障碍声明 (src/pages/accessibility.astro): its prose, apart from `ui` because the search
 * code ships `ui` to the browser and none of this needs to go with it.
 */
export const accessibilityStatement = {
  intro: (bureau: string, siteName: string) =>
    `${bureau}希望每一位读者都能顺利阅读${siteName}，包括年长的读者，以及有视力、听力、行动或认知障碍的读者。本声明说明网站做到了什么、怎样检验、还有哪些不足，以及遇到障碍时怎样告诉我们。`,
  meetsHeading: '本网站做到了什么',
  target:
    '本网站以《Web内容无障碍指南》（WCAG）2.2 AA 级为目标，与之对应的国家标准是 GB/T 37668-2019《信息技术 互联网内容无障碍可访问性技术要求与测试方法》。按照工业和信息化部《互联网网站适老化通用设计规范》，网站本身提供以下功能，不需要安装插件，也不加载第三方的“无障碍工具条”：',
  offers: [
    ['字号', '页眉的“字号”有标准、大、特大三档。页面随字号重新排版，在手机上也不需要左右滚动。'],
    ['高对比度', '黑底白字、黄色链接，文字与背景的对比度不低于 7:1；链接一律加下划线。'],
    ['大鼠标', '约 48 像素的黑色箭头，带白色描边；指向链接和按钮时变成手形。'],
    ['朗读', '用浏览器自带的中文语音朗读本页正文：报告页朗读报告全文，各部分的页面朗读这一部分；可以暂停、继续和停止。'],
    ['阅读辅助线', '一条横跨页面的色带，跟随鼠标、手指或键盘焦点移动，帮助看清正在读的那一行。'],
    ['键盘操作', '全部功能都可以只用键盘操作：Tab 键依次到达每个链接和按钮，焦点处有醒目的边框；每页第一个链接是“跳到正文”。'],
    ['不用脚本也能阅读', '关闭 JavaScript 时，报告全文、目录、网站地图和全部链接照常可用，可以改用浏览器自带的缩放和打印；站内搜索的结果和这些辅助按钮需要 JavaScript，这时不显示。'],
    ['打印', '报告页和各部分的页面可以直接打印，按《党政机关公文格式》（GB/T 9704）排版，不打印导航和按钮。'],
    ['繁體版', '每个页面都有“繁體版”链接，打开同一页面的繁体字版本；繁體版由简体原文自动转换，以简体原文为准。两个版本共用一个站内搜索，繁体字或简体字输入都能找到。'],
  ],
  offersNote:
    '这些辅助按钮的点击区域都不小于 44×44 像素，正文行距为字号的 1.8 倍。字号、高对比度、大鼠标和阅读辅助线的选择保存在您自己的浏览器中，换页后仍然有效，不会发送给网站。网站没有弹窗和广告。',
  testedHeading: '怎样检验',
  tested: [
    ['自动检查', '每次修改网站后，测试用 axe-core 在手机宽度（360 像素）和电脑宽度（1280 像素）下检查每一类页面，常规配色和高对比度各检查一次；在报告各部分的页面上，还在标准、大、特大每一档字号下打开全部辅助功能再检查；另外检查标题层级和页面区域划分，以及特大字号下手机页面不出现横向滚动、页眉按钮互不遮挡。'],
    ['键盘测试', '测试只用键盘走遍每一类页面：Tab 键按阅读顺序到达每个链接和按钮，每一处都有看得见的焦点边框，辅助按钮可以用回车键和空格键操作。'],
    ['读屏软件需要的标记', '页面语言标为中文（简体页面 zh-CN，繁體版 zh-Hant），标题按层级排列，页眉、导航、正文、页脚都有对应的区域标记；表格有表头，图表有文字说明，开关按钮标明“已按下”状态。'],
    ['人工检查', '在手机和电脑宽度下逐类查看页面截图和打印效果。'],
  ],
  limitsHeading: '已知的不足',
  limits: [
    '朗读使用浏览器和操作系统自带的语音：没有中文语音时不显示“朗读”按钮；不同设备的读音不同，数字、年份和专有名词可能读得不准确。暂停后继续，会从当前这一句的开头重新读。',
    '大鼠标只在使用鼠标的电脑上起作用，部分系统会把鼠标图片缩小显示；操作系统自带的“放大指针”设置可以在所有网站上使用。',
    '辅助功能的选择保存在当前浏览器中：换一台设备或清除浏览器数据后，需要重新选择。',
    '报告附件（原文下载）是原件，可能不如网页容易阅读；需要时可以按下文方式索取其他格式。',
    '网站还没有请读屏软件用户和年长读者参加测试。',
  ],
  contactHeading: '索取其他格式、反映无障碍问题',
  contactIntro:
    '如果您需要本网站内容的其他格式（例如大字打印稿或纯文本），或者在使用中遇到障碍，请告诉我们：是哪个页面、遇到什么问题、使用的是什么设备和浏览器。',
  contactNone: (bureau: string) => `本网站暂未公布联系方式，请直接与${bureau}联系。`,
  byPage: '联系我们页面',
} as const;

/**
 * Year against year (/items/<slug>/ and /items/plans-carried-out/): the repeated share, the
 * marks and what they mean. Apart from `ui`, which the search code ships to the browser.
 */
export const compareText = {
  // What a screen reader hears around a marked run; visually hidden, the marks show it.
  delStart: '删去：',
  delEnd: '（删去至此）',
  insStart: '新增：',
  insEnd: '（新增至此）',
  intro: (full: string) => `各年报告中关于“${full}”的部分，年度新的在前。每一年都与报告了这一项的上一份报告逐字对照：`,
  keyHeading: '怎样看对照',
  keyIns: '新增的文字',
  keyInsNote: '：加下划线和底色，是这一年新写的（与上一份报告不同）；',
  keyDel: '删去的文字',
  keyDelNote: '：加删除线，是上一份报告中有、这一年没有的；',
  keySame: '没有标记的文字两年相同。',
  measureHeading: '相同文字比例怎样计算',
  measure:
    '把这一年这一项的正文逐段去掉标点和空格，取出每一段中所有连续的五个字（“五字片段”，相同的只算一次），看其中有多少也出现在上一份报告同一项的正文中。比例 = 两年共有的片段数 ÷ 这一年的片段数，不足 1% 的部分舍去。段落调换了顺序不影响比例；改动一个字，会使包含它的最多五个片段不再相同。',
  measureData: '各年的比例也在开放数据中：',
  plansLink: '对照上一年的主要安排，看这一年的举措和成效',
  repeat: (previous: number, percent: number) => `与${previous}年报告相同的文字占 ${percent}%`,
  repeatDetail: (grams: number, repeated: number, previous: number) => `（这一年这一项共 ${grams} 个五字片段，其中 ${repeated} 个也在${previous}年报告中）`,
  repeatFirst: '这是报告这一项最早的一份，没有可以对照的上一份报告。',
  repeatTooShort: (previous: number) => `与${previous}年报告对照如下；这一年的文字不足五个字，不计算相同比例。`,
  previousHeading: (year: number) => `对照：${year}年报告`,
  // /items/plans-carried-out/
  plansTitle: '上一年的主要安排与这一年的举措和成效',
  plansShort: '主要安排的落实',
  plansIntro: '每份报告都写明下一年度的主要安排。这里把每一年报告的“主要举措和成效”与上一份报告的“下一年度主要安排”并排列出，年度新的在前，便于对照安排是否落实。',
  plansNone: '还没有可以对照的年份：需要先后两年的报告，前一年写有下一年度主要安排，后一年写有主要举措和成效。',
  plansYear: (year: number) => `${year}年`,
  plansPlanned: (planYear: number) => `${planYear}年报告的下一年度主要安排`,
  plansDone: (year: number) => `${year}年报告的主要举措和成效`,
} as const;
