/**
 * A problem with the input that staff can fix: the CLI prints the message alone (no stack
 * trace) and exits with 1. Anything else thrown is a bug.
 */
export class ImportError extends Error {
  override name = 'ImportError';
}

/**
 * A file beyond what any real report is (src/importer/read.ts, docx.ts): the message says
 * which limit and by how much, without the file's name, which the reader adds.
 */
export class TooLargeError extends Error {
  override name = 'TooLargeError';
}

/**
 * The write was interrupted (Ctrl+C, SIGTERM) and everything it had done was put back, or
 * it was interrupted after its last move and the year is completely written (`completed`).
 * The CLI prints one line and exits with 130.
 */
export class InterruptedError extends Error {
  override name = 'InterruptedError';
  readonly completed: boolean;
  constructor(completed = false) {
    super(completed ? '已中断：导入在中断前已经完成，全部文件都已写入。' : '已中断：没有改动任何文件。');
    this.completed = completed;
  }
}
