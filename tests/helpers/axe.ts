/**
 * axe-core on a page, for every test that runs it. It runs with axe.run in the page itself
 * (setLegacyMode): by default AxeBuilder opens a blank page for every run to merge the frames'
 * results (axe.finishRun), which takes as long as the run. The two check the same; they differ
 * only for cross-origin frames, which legacy mode leaves out, and the site has no frames at all
 * (asserted, so one added would not go unchecked).
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

/** WCAG 2.2 A and AA (GB/T 37668 follows WCAG 2.x), with axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export interface AxeOptions {
  /** Only the rules with these tags; left aside when `rules` is given. */
  tags?: string[];
  /** Every rule axe runs by default, with these turned on or off (AxeBuilder's options replace its tags). */
  rules?: Record<string, { enabled: boolean }>;
  /** Only this part of the page. */
  include?: string;
}

export async function runAxe(page: Page, { tags = AXE_TAGS, rules, include }: AxeOptions = {}) {
  expect(page.frames(), 'frames in the page').toHaveLength(1);
  let builder = new AxeBuilder({ page }).setLegacyMode();
  builder = rules ? builder.options({ rules }) : builder.withTags(tags);
  if (include) builder = builder.include(include);
  return builder.analyze();
}

/** Violations as one line each: rule id and what it asks, then every element it found, so a failure says where. */
export function violationLines(violations: { id: string; help: string; nodes: { target: unknown[] }[] }[]): string[] {
  return violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}
