/**
 * `npm run dev` while writing: drafts show, and search works from an index made from the
 * dev server's own pages. Runs on a copy of the content with a draft year scaffolded by
 * `npm run new`. --ignore-lock lets this run beside a developer's own `npm run dev`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { astroEnv, ROOT } from '../helpers/build';
import { startDev, type DevServer } from '../helpers/dev';
import { fileBrowser, type FileBrowser } from '../helpers/browser';
import { FIXTURES_DIR } from '../helpers/fixtures';
import { expectedSite, resultTitle, sectionsContaining } from '../helpers/expected';
import site from '../../site.config.ts';

/** A marker term of the multi-year fixture (its README), printed in one section only. */
const TERM = '测试招聘会';
let hit: ReturnType<typeof sectionsContaining>[number] | undefined;

let dev: DevServer;
let origin: string;
let browser: FileBrowser;

beforeAll(async () => {
  const content = mkdtempSync(join(tmpdir(), 'fznb-dev-content-'));
  cpSync(join(FIXTURES_DIR, 'multi-year'), content, { recursive: true });
  [hit] = sectionsContaining(expectedSite(content), TERM);
  const scaffold = spawnSync(process.execPath, [join(ROOT, 'scripts/new.ts'), '2024'], { env: astroEnv({ CONTENT_DIR: content }) });
  if (scaffold.status !== 0) throw new Error(String(scaffold.stderr));
  dev = await startDev(content);
  origin = dev.origin;
  browser = await fileBrowser();
});

afterAll(async () => {
  await browser?.close();
  dev?.stop();
});

describe('the dev server', () => {
  it('shows a draft report', async () => {
    // The first requests may land while Vite is still optimising dependencies, as a
    // reader's first load in a fresh dev server sometimes does; a reload then works.
    await expect.poll(async () => (await fetch(`${origin}/2024/`)).status).toBe(200);
    expect(await (await fetch(`${origin}/2024/`)).text()).toContain(`${site.bureau}2024年法治政府建设年度报告`);
  });

  it('finds a term in the one section that holds it', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/search/?q=${encodeURIComponent(TERM)}`);
    const first = page.locator('#search-results li a').first();
    await expect.poll(() => first.textContent(), { timeout: 30_000 }).toBe(resultTitle(hit!));
    await page.close();
  });
});
