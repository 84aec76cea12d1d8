/**
 * `npm run build` refuses what `npm run check` refuses, before Astro reads a single entry:
 * the same reading and check of the content folder (content.ts, src/domain/content-folder.ts)
 * with the same Chinese messages, kept for the collections to be filled from. So a build run
 * on its own (the documented nginx deploy builds, then copies) cannot publish a silent edit, a
 * deleted or un-published report, code in an entry, or a date that does not exist.
 *
 * After the build, each report's attachments are written beside its page (YYYY/files/<name>)
 * from the bytes that reading checked, under their own names, whatever characters those hold;
 * in `astro dev` they are served from the same reading.
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorsOf, formatProblems, warningsOf } from '../domain/check.ts';
import type { SiteConfig } from '../domain/site.ts';
import { attachmentFolder } from '../utils/routes.ts';
import { checkedContent } from './content.ts';

/** Writes every attachment of the reading under the output folder. */
function writeAttachments(out: string): void {
  for (const [year, files] of checkedContent().attachments) {
    const folder = join(out, attachmentFolder(year));
    mkdirSync(folder, { recursive: true });
    for (const f of files) writeFileSync(join(folder, f.name), f.data);
  }
}

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
        const { problems } = checkedContent({ ...options, fresh: true });
        if (warningsOf(problems).length) logger.warn(`\n${formatProblems(warningsOf(problems))}`);
        if (errorsOf(problems).length) {
          logger.error(`\n${formatProblems(errorsOf(problems))}\n按上面每一条的说明修改对应文件（或运行 npm run check 查看），然后重新构建。`);
          // The messages above say everything; a stack trace would only bury them.
          process.exit(1);
        }
      },
      'astro:server:setup': ({ server }) => {
        // Astro's dev server has taken the base path off req.url already.
        server.middlewares.use((req, res, next) => {
          const m = /^\/?(\d{4})\/files\/([^/?#]+)$/.exec(decodeURIComponent((req.url ?? '').split('?')[0]!));
          const file = m && checkedContent().attachments.get(m[1]!)?.find((f) => f.name === m[2]);
          if (!file) return next();
          res.setHeader('Content-Type', file.mediaType);
          res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
          res.end(Buffer.from(file.data));
        });
      },
      'astro:build:done': ({ dir }) => writeAttachments(fileURLToPath(dir)),
    },
  };
}
