/** The whole import short of writing: read, parse, decide, render. */
import { assemble } from './assemble.ts';
import { ImportError } from './errors.ts';
import { parseReport } from './parse.ts';
import { readBlocks } from './read.ts';
import { planYear, type Planned } from './write.ts';
import type { Report } from './model.ts';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { isAttachmentName } from '../domain/attachments.ts';

/** The name the original file is published under: its own, unless that cannot be a file name on the site. */
function attachmentName(name: string, year: number): string {
  return isAttachmentName(name) ? name : `${year}年报告原文${extname(name).toLowerCase()}`;
}

export interface Prepared {
  /** How the file was read, e.g. '文本文件（UTF-8 编码）'. */
  format: string;
  report: Report;
  planned: Planned;
}

/** Reads a file and renders its year's entries, writing nothing; what to write is in `planned`. `bureau`: the site's, for an original that names no agency. */
export async function prepare(file: string, shown: string, contentDir: string, yearOption?: number, bureau?: string): Promise<Prepared> {
  const read = await readBlocks(file, shown);
  let parsed;
  try {
    parsed = parseReport(read.blocks, shown, read.notes);
  } catch (e) {
    // What reading noticed (such as Word's automatic numbering) often explains a missing heading.
    if (e instanceof ImportError && read.warnings.length) throw new ImportError([e.message, ...read.warnings].join('\n'));
    throw e;
  }
  const assembled = assemble(parsed, yearOption, shown, bureau);
  const report = { ...assembled, warnings: [...read.warnings, ...assembled.warnings] };
  const planned = planYear(contentDir, report);
  // The file itself is published beside the text as its 附件 (原文下载).
  planned.attachments = [{ name: attachmentName(basename(file), report.year), data: readFileSync(file) }];
  return { format: read.format, report, planned };
}
