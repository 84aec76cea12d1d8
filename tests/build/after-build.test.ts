/**
 * The step after the build (src/integrations/after-build.ts) runs in a worker thread: it gives
 * the titles' words first, as the pages would find them; what it logs reaches the build's log,
 * and an error in it fails the build with its own message.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { startAfterBuild } from '../../src/integrations/after-build.ts';
import { wordsOf } from '../../src/utils/words.ts';

function logger(lines: string[]) {
  return { info: (text: string) => lines.push(text) } as unknown as AstroIntegrationLogger;
}

describe('the step after the build, in its worker', () => {
  it('gives the titles’ words as the pages find them, and fails with its own message when the built site has no search page, after logging what it wrote', async () => {
    const out = mkdtempSync(join(tmpdir(), 'fznb-after-build-'));
    try {
      const titles = ['示例局2023年法治政府建设年度报告（测试）', '深入学习贯彻习近平法治思想'];
      const step = startAfterBuild({ base: '/' }, titles);
      expect([...(await step.titleWords)]).toEqual(titles.map((t) => [t, wordsOf(t)]));
      expect((await step.titleWords).get(titles[1]!)).toContain('习近平');
      mkdirSync(join(out, '2023'));
      const lines: string[] = [];
      await expect(step.run(out, logger(lines))).rejects.toThrow(`The build has no search page at ${join(out, 'search/index.html')}.`);
      expect(lines).toEqual([expect.stringMatching(/^搜索索引已生成：\d+ 个文件/), expect.stringMatching(/^繁體版已生成：0 个页面/)]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
