/**
 * How long the test suite takes: `npm run bench:tests` times `npm run test:unit` (no build)
 * and `npm test` (everything, fixture builds included) on this machine and prints both with
 * the number of tests each ran. docs/benchmarks.md records a run.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { ROOT } from '../tests/helpers/build.ts';

function time(script: string): { seconds: number; summary: string; status: number | null } {
  const t0 = performance.now();
  const r = spawnSync('npm', ['run', script, '--silent'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  const seconds = (performance.now() - t0) / 1000;
  const out = `${r.stdout}\n${r.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
  // `npm test` runs two vitest projects one after the other: each prints its own summary.
  const lines = (re: RegExp) => [...out.matchAll(re)].map((m) => m[0].trim());
  const files = lines(/^\s*Test Files\s+.+$/gm);
  const tests = lines(/^\s*Tests\s+.+$/gm);
  const summary = files.map((f, i) => `${f}; ${tests[i] ?? ''}`).join(' + ');
  return { seconds, summary, status: r.status };
}

console.log(`Machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), load ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
let failed = false;
for (const script of ['test:unit', 'test']) {
  const r = time(script);
  failed ||= r.status !== 0;
  console.log(`npm run ${script}: ${r.seconds.toFixed(1)} s wall (${r.summary})${r.status === 0 ? '' : ` — exit ${r.status}`}`);
}
process.exitCode = failed ? 1 : 0;
