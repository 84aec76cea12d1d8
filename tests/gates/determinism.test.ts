/** Two builds of the same content give byte-identical pages, feeds and search index: a new build is compared with the fixture build the other tests read. */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite } from '../helpers/build';
import { builtFixture } from '../helpers/fixtures';

function files(dir: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const path = join(e.parentPath, e.name);
        return [path.slice(dir.length + 1), readFileSync(path)] as const;
      })
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

describe('determinism', () => {
  it('a second build, by `astro build` as npm run build runs it, gives the same files as the fixture\'s build(), byte for byte', async () => {
    const a = await builtFixture('multi-year');
    const b = buildSite({ CONTENT_DIR: a.contentDir });
    expect(b.status, b.output).toBe(0);
    const fa = files(a.dist);
    const fb = files(b.outDir);
    expect([...fb.keys()]).toEqual([...fa.keys()]);
    expect([...fa.keys()].some((f) => f.endsWith('.html'))).toBe(true);
    const differing = [...fa].filter(([name, bytes]) => !bytes.equals(fb.get(name)!)).map(([name]) => name);
    expect(differing).toEqual([]);
  });
});
