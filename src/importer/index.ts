/** The whole import short of writing: read, parse, decide, render. */
import { assemble } from './assemble.ts';
import { ImportError } from './errors.ts';
import { parseReport } from './parse.ts';
import { readBlocks } from './read.ts';
import { planYear, type Planned } from './write.ts';
import type { Report } from './model.ts';

export interface Prepared {
  /** How the file was read, e.g. '文本文件（UTF-8 编码）'. */
  format: string;
  report: Report;
  planned: Planned;
}

/** Reads a file and renders its year's entries, writing nothing; what to write is in `planned`. */
export async function prepare(file: string, shown: string, contentDir: string, yearOption?: number): Promise<Prepared> {
  const read = await readBlocks(file, shown);
  let parsed;
  try {
    parsed = parseReport(read.blocks, shown);
  } catch (e) {
    // What reading noticed (such as Word's automatic numbering) often explains a missing heading.
    if (e instanceof ImportError && read.warnings.length) throw new ImportError([e.message, ...read.warnings].join('\n'));
    throw e;
  }
  const assembled = assemble(parsed, yearOption);
  const report = { ...assembled, warnings: [...read.warnings, ...assembled.warnings] };
  return { format: read.format, report, planned: planYear(contentDir, report) };
}
