/**
 * `npm run build` refuses what `npm run check` refuses, before Astro reads a single entry:
 * the same check (src/domain/content-folder.ts) of every entry as written, the rules across
 * entries and the record of what was published, with the same Chinese messages. So a build
 * run on its own (the documented nginx deploy builds, then copies) cannot publish a silent
 * edit, a deleted or un-published report, or a date that does not exist.
 */
import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { errorsOf, formatProblems, warningsOf } from '../domain/check.ts';
import { checkContentFolder } from '../domain/content-folder.ts';
import { contentDirOf } from '../domain/layout.ts';
import type { SiteConfig } from '../domain/site.ts';

/**
 * `site` and `configFile`: the site configuration the build uses and where it is, so the
 * build warns about it (the inspection's findings on the footer and links) as `npm run check` does.
 */
export default function contentCheck(options: { site?: SiteConfig; configFile?: string } = {}): AstroIntegration {
  return {
    name: 'fznb-content-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        const root = process.cwd();
        const { problems } = checkContentFolder(resolve(root, contentDirOf(process.env)), { root, ...options });
        if (warningsOf(problems).length) logger.warn(`\n${formatProblems(warningsOf(problems))}`);
        if (errorsOf(problems).length) {
          logger.error(`\n${formatProblems(errorsOf(problems))}\n按上面每一条的说明修改对应文件（或运行 npm run check 查看），然后重新构建。`);
          // The messages above say everything; a stack trace would only bury them.
          process.exit(1);
        }
      },
    },
  };
}
