/**
 * The step after the build (src/integrations/after-build.ts) runs in a worker thread: what it
 * logs reaches the build's log, and an error in it fails the build with its own message.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { startAfterBuild } from '../../src/integrations/after-build.ts';

function logger(lines: string[]) {
  return { info: (text: string) => lines.push(text) } as unknown as AstroIntegrationLogger;
}

describe('the step after the build, in its worker', () => {
  it('fails with its own message when the built site has no search page, after logging what it wrote', async () => {
    const out = mkdtempSync(join(tmpdir(), 'fznb-after-build-'));
    try {
      mkdirSync(join(out, '2023'));
      const lines: string[] = [];
      await expect(startAfterBuild({ base: '/' }).run(out, logger(lines))).rejects.toThrow(`The build has no search page at ${join(out, 'search/index.html')}.`);
      expect(lines).toEqual([expect.stringMatching(/^搜索索引已生成：\d+ 个文件/), expect.stringMatching(/^繁體版已生成：0 个页面/)]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
