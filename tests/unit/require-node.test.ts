import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { ROOT } from '../helpers/build';

const guard = join(ROOT, 'scripts/require-node.cjs');

// Runs the guard in this Node with process.versions.node pretending to be another version.
function runAs(version: string) {
  return spawnSync(
    process.execPath,
    ['-e', `Object.defineProperty(process.versions, 'node', { value: '${version}' }); require(${JSON.stringify(guard)})`],
    { encoding: 'utf8' },
  );
}

describe('Node version guard', () => {
  it('stops a script on Node 20 with a one-line explanation', () => {
    const r = runAs('20.20.2');
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('需要 Node 22.12 或更高版本');
    expect(lines[0]).toContain('npm ci');
  });

  it('lets Node 22.12 and later through', () => {
    expect(runAs('22.12.0').status).toBe(0);
    expect(runAs('24.1.0').status).toBe(0);
    expect(runAs('22.11.9').status).toBe(1);
  });

  it('runs first in every npm script', () => {
    const scripts: Record<string, string> = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts;
    for (const [name, command] of Object.entries(scripts)) {
      expect(command, name).toMatch(/^node scripts\/require-node\.cjs && /);
    }
  });

});
