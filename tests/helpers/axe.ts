/**
 * axe-core on a page, for every test that runs it: axe.run in the page itself. The site has no
 * frames (asserted, so one added would not go unchecked), so nothing is merged across frames.
 *
 * axe's source is put in a page once per document: a run after the last one, with no load in
 * between (the phone's 菜单 opened, say), uses the copy already there. A wrapper such as
 * @axe-core/playwright evaluates axe's 1.3 MB source twice for every run: on a small machine
 * that took about 0.6 s, four times as long as the run itself.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';

/** axe-core's minified build: half the size of the source its main module gives, and parsed in half the time. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.2 A and AA (GB/T 37668 follows WCAG 2.x), with axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export interface AxeOptions {
  /** Only the rules with these tags; left aside when `rules` is given. */
  tags?: string[];
  /** Every rule axe runs by default, with these turned on or off. */
  rules?: Record<string, { enabled: boolean }>;
  /** Only this part of the page (a CSS selector). */
  include?: string;
}

type WithAxe = typeof globalThis & { axe?: typeof import('axe-core') };

export async function runAxe(page: Page, { tags = AXE_TAGS, rules, include }: AxeOptions = {}): Promise<AxeResults> {
  expect(page.frames(), 'frames in the page').toHaveLength(1);
  if (!(await page.evaluate(() => typeof (globalThis as WithAxe).axe?.run === 'function'))) await page.evaluate(AXE_SOURCE);
  const options: RunOptions = rules ? { rules } : { runOnly: { type: 'tag', values: tags } };
  // Sent back as JSON text: Playwright takes four times as long to send the results as an object.
  const json = await page.evaluate(
    async ({ include, options }) => JSON.stringify(await (globalThis as WithAxe).axe!.run(include ? { include: [include] } : document, options)),
    { include, options },
  );
  return JSON.parse(json) as AxeResults;
}

/** Violations as one line each: rule id and what it asks, then every element it found, so a failure says where. */
export function violationLines(violations: { id: string; help: string; nodes: { target: unknown[] }[] }[]): string[] {
  return violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}
