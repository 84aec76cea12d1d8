/**
 * The configuration's TypeScript loader (src/integrations/typescript-loader.mjs), in a Node of
 * its own that imports it first, as astro.config.mjs does: the project's modules are
 * transformed (so a construct Node's type stripping refuses loads too), the rest is left to Node.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers/build';

const LOADER = pathToFileURL(join(ROOT, 'src/integrations/typescript-loader.mjs')).href;

/** Imports `file` in a Node that has imported the loader first; what it printed, and its exit code. */
function importWithLoader(file: string, withLoader = true, flags: string[] = []) {
  const code = `${withLoader ? `await import(${JSON.stringify(LOADER)});` : ''} const m = await import(${JSON.stringify(pathToFileURL(file).href)}); console.log(JSON.stringify(m.result));`;
  const r = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', code], { encoding: 'utf8', cwd: ROOT });
  return { status: r.status, out: r.stdout.trim(), err: r.stderr };
}

const folder = mkdtempSync(join(tmpdir(), 'fznb-ts-loader-'));
const write = (path: string, text: string) => {
  mkdirSync(join(folder, path, '..'), { recursive: true });
  writeFileSync(join(folder, path), text);
  return join(folder, path);
};

// An enum: Node's type stripping refuses it (it would have to write code for it); a transform does not.
const SAMPLE = `
import type { Stats } from 'node:fs';
import { helper } from './helper.ts';
enum Kind { Report = 1, Section }
interface Row { year: number; kind: Kind }
const rows: Row[] = [{ year: 2023, kind: Kind.Section }];
export const result = { rows: rows.map((r) => helper(r.year)) satisfies string[], kind: Kind[2], stats: null as Stats | null };
`;

describe('the TypeScript loader', () => {
  it('loads the project’s TypeScript, imports between modules included, beyond what Node’s type stripping takes', () => {
    write('helper.ts', 'export const helper = (n: number): string => `示例${n}`;\n');
    const sample = write('sample.ts', SAMPLE);
    expect(importWithLoader(sample)).toMatchObject({ status: 0, out: JSON.stringify({ rows: ['示例2023'], kind: 'Section', stats: null }) });
    // Without it, Node's own stripping refuses the enum: the loader, not Node, loaded it above.
    expect(importWithLoader(sample, false).err).toContain('ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX');
  });

  it('names the source’s line in a stack trace when Node is run with --enable-source-maps', () => {
    const thrower = write('thrower.ts', 'interface A {\n  x: number;\n}\nconst a: A = { x: 1 };\nexport const result = (() => {\n  try {\n    throw new Error(`示例${a.x}`);\n  } catch (e) {\n    return (e as Error).stack!.split(\'\\n\')[1]!.trim();\n  }\n})();\n');
    expect(importWithLoader(thrower, true, ['--enable-source-maps']).out).toMatch(/thrower\.ts:7:\d+\)"$/);
  });

  it('leaves a module with an error to Node, which names the file', () => {
    const broken = write('broken.ts', 'export const result: number = (;\n');
    const r = importWithLoader(broken);
    expect(r.status).not.toBe(0);
    expect(r.err).toContain('broken.ts');
  });

  it('leaves TypeScript under node_modules to Node, which refuses to strip it there', () => {
    const vendored = write('node_modules/pkg/index.ts', 'export const result: number = 1;\n');
    expect(importWithLoader(vendored).err).toContain('ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING');
  });
});
