import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useRunTempFolder } from './temp-setup.ts';

/**
 * The site project's run: its temporary folder (temp-setup.ts), removed when the run ends,
 * and in it one folder where fixture builds are kept (tests/helpers/fixtures.ts), so each
 * fixture is built once however many test files read it.
 */
export default function setup({ provide }: { provide: (key: 'buildCache', value: string) => void }) {
  const end = useRunTempFolder();
  provide('buildCache', mkdtempSync(join(tmpdir(), 'fznb-run-')));
  return end;
}

declare module 'vitest' {
  export interface ProvidedContext {
    buildCache: string;
  }
}
