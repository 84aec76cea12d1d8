/**
 * A problem with the input that staff can fix: the CLI prints the message alone (no stack
 * trace) and exits with 1. Anything else thrown is a bug.
 */
export class ImportError extends Error {
  override name = 'ImportError';
}
