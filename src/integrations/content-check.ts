/**
 * The content folder at the build's two ends. Before Astro reads a single entry, the same
 * reading and check as `npm run check` (content.ts, src/domain/content-folder.ts), with the
 * same Chinese messages; the build stops on an error, so a build run on its own cannot publish
 * a silent edit, a deleted report, code in an entry or a date that does not exist. After the
 * build, each report's attachments are written beside its page (YYYY/files/<name>) from the
 * bytes that reading checked, under their own names, whatever characters those hold; in
 * `astro dev` they are served from the same reading.
 */
import type { AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorsOf, formatProblems, warningsOf } from '../domain/check.ts';
import type { SiteConfig } from '../domain/site.ts';
import { attachmentFolder } from '../utils/routes.ts';
import { checkedContent } from './content.ts';

/** Checks the content folder (and the site configuration); on an error, says so and ends the build. */
export function checkBeforeBuild(options: { site?: SiteConfig; configFile?: string }, logger: AstroIntegrationLogger): void {
  const { problems } = checkedContent({ ...options, fresh: true });
  if (warningsOf(problems).length) logger.warn(`\n${formatProblems(warningsOf(problems))}`);
  if (!errorsOf(problems).length) return;
  logger.error(`\n${formatProblems(errorsOf(problems))}\n按上面每一条的说明修改对应文件（或运行 npm run check 查看），然后重新构建。`);
  // The messages above say everything; a stack trace would only bury them.
  process.exit(1);
}

/** Writes every attachment of the reading under the output folder. */
export function writeAttachments(out: string): void {
  for (const [year, files] of checkedContent().attachments) {
    const folder = join(out, attachmentFolder(year));
    mkdirSync(folder, { recursive: true });
    for (const f of files) writeFileSync(join(folder, f.name), f.data);
  }
}

/** In `astro dev`: YYYY/files/<name> answered from the reading, as a download. */
export function serveAttachments(server: ViteDevServer): void {
  // Astro's dev server has taken the base path off req.url already.
  server.middlewares.use((req, res, next) => {
    const m = /^\/?(\d{4})\/files\/([^/?#]+)$/.exec(decodeURIComponent((req.url ?? '').split('?')[0]!));
    const file = m && checkedContent().attachments.get(m[1]!)?.find((f) => f.name === m[2]);
    if (!file) return next();
    res.setHeader('Content-Type', file.mediaType);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
    res.end(Buffer.from(file.data));
  });
}
