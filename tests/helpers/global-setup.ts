import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One folder per test run where fixture builds are kept (tests/helpers/fixtures.ts), so each
 * fixture is built once however many test files read it; removed when the run ends.
 */
export default function setup({ provide }: { provide: (key: 'buildCache', value: string) => void }) {
  const dir = mkdtempSync(join(tmpdir(), 'fznb-run-'));
  provide('buildCache', dir);
  return () => {
    if (!process.env.KEEP_BUILDS) rmSync(dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    buildCache: string;
  }
}
