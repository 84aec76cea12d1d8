import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One temporary folder per test run: every folder the tests make with os.tmpdir(), and the
 * scripts, builds and browsers they start, goes inside it, and it is removed when the run ends
 * (KEEP_BUILDS=1 keeps it), so no run leaves its copies behind.
 */
export function useRunTempFolder(): () => void {
  const before = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'fznb-tests-'));
  process.env.TMPDIR = dir;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    if (!process.env.KEEP_BUILDS) rmSync(dir, { recursive: true, force: true });
  };
}

/** The unit project's global setup. */
export default function setup(): () => void {
  return useRunTempFolder();
}
