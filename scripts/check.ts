/**
 * npm run check [-- --accept] [-- --strict]: the same check `npm run build` makes before it
 * builds (src/domain/content-folder.ts): every entry as written, the rules across entries, and
 * the published reports against the record of what was published; then the inspection
 * self-audit (src/domain/audit.ts) over the content and the site configuration (site.config.ts,
 * or the module SITE_CONFIG names). In Chinese, naming file, field (or line) and fix.
 * --accept records what may be recorded; --strict makes the audit's warnings errors.
 */
import { parseArgs } from 'node:util';
import { errorsOf, formatProblems } from '../src/domain/check.ts';
import { checkContentFolder } from '../src/domain/content-folder.ts';
import { contentDir, ROOT } from './lib/content.ts';
import { argsError } from './lib/args.ts';
import { loadSiteConfig } from './lib/site.ts';
import { strictByEnv } from '../src/domain/audit.ts';

const USAGE = '用法：npm run check [-- --accept] [-- --strict]';
const OPTIONS = { accept: { type: 'boolean' }, strict: { type: 'boolean' } } as const;

let accept = false;
let strict = strictByEnv(process.env);
try {
  const { values } = parseArgs({ args: process.argv.slice(2), options: OPTIONS, strict: true, allowPositionals: false });
  accept = values.accept === true;
  strict ||= values.strict === true;
} catch (e) {
  console.error((argsError(e, process.argv.slice(2), { options: OPTIONS, usage: USAGE }) as Error).message);
  process.exit(2);
}

const { site, configFile } = await loadSiteConfig();
const result = checkContentFolder(contentDir(), { root: ROOT, accept, site, configFile, strict });
if (result.recorded.length) {
  console.log(`已记入发布记录：${result.recorded.join('、')} 年 → ${result.recordPath}（请一起提交）`);
}
if (result.problems.length) console.log(formatProblems(result.problems));
if (errorsOf(result.problems).length) process.exit(1);
const drafts = result.reports.filter((r) => r.data.draft).map((r) => r.data.year);
const withdrawn = result.reports.filter((r) => r.data.withdrawn).map((r) => r.data.year);
console.log(
  `内容检查通过：${result.reports.length} 份报告，${result.sections.length} 个部分` +
    (drafts.length ? `（草稿：${drafts.join('、')} 年，不会发布）` : '') +
    (withdrawn.length ? `（已撤回：${withdrawn.join('、')} 年）` : '') +
    '。',
);
