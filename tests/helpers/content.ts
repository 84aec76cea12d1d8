/** Content entries read straight from disk, parsed as Astro parses them. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { ROOT } from './build';

export interface RawEntry {
  id: string;
  filePath: string;
  frontmatter: Record<string, unknown>;
  body: string;
}

export function readEntries(dir: string): RawEntry[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => {
      const full = join(dir, f);
      const { frontmatter, content } = parseFrontmatter(readFileSync(full, 'utf8'));
      return { id: f.replace(/\.mdx$/, ''), filePath: relative(ROOT, full), frontmatter, body: content };
    });
}
