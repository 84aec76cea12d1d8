/**
 * Astro's content cache and the schemas (src/utils/content-cache.ts): a cached entry is parsed
 * again when the schemas change, with no note in src/content.config.ts to remember. Checked
 * here against Astro's own glob() loader, with a content folder and a data store of our own.
 */
import { describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { contentLoaders, SCHEMA_MODULE, schemaFingerprint, schemaSources, withDigestSalt } from '../../src/utils/content-cache';

/** A content folder with one report entry. */
function contentFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fznb-cache-'));
  mkdirSync(join(dir, 'reports'));
  writeFileSync(join(dir, 'reports/2030.mdx'), '---\nyear: 2030\n---\n\n示例前言。\n');
  return dir;
}

/** What Astro hands a loader, with a data store that survives between loads, as the cache does. */
function astroLike(root: string) {
  const entries = new Map<string, { id: string; digest?: string; filePath?: string }>();
  let parsed = 0;
  const context = {
    collection: 'reports',
    config: { root: pathToFileURL(`${root}/`), srcDir: pathToFileURL(`${root}/src/`) },
    logger: { info() {}, warn() {}, error() {}, debug() {} },
    store: {
      keys: () => [...entries.keys()],
      get: (id: string) => entries.get(id),
      set: (entry: { id: string; digest?: string }) => (entries.set(entry.id, entry), true),
      delete: (id: string) => entries.delete(id),
      has: (id: string) => entries.has(id),
      addModuleImport() {},
      addAssetImports() {},
    },
    parseData: async ({ data }: { data: Record<string, unknown> }) => (parsed++, data),
    generateDigest: (data: unknown) => (typeof data === 'string' ? data : JSON.stringify(data)),
    entryTypes: new Map([['.mdx', { getEntryInfo: async ({ contents }: { contents: string }) => ({ data: {}, body: contents }) }]]),
  } as unknown as LoaderContext;
  return { context, parsed: () => parsed, digest: () => entries.get('2030')?.digest };
}

describe('the schemas’ fingerprint', () => {
  it('covers schema.ts and every module it imports', () => {
    const names = schemaSources().map((f) => basename(f));
    expect(names[0]).toBe('schema.ts');
    expect(names).toEqual(expect.arrayContaining(['items.ts', 'numerals.ts', 'dates.ts', 'layout.ts']));
  });

  it('depends only on their text, and changes when any of them changes', () => {
    const copy = mkdtempSync(join(tmpdir(), 'fznb-schema-'));
    for (const file of schemaSources()) cpSync(file, join(copy, basename(file)));
    const copied = join(copy, basename(SCHEMA_MODULE));
    expect(schemaFingerprint(copied)).toBe(schemaFingerprint());
    appendFileSync(join(copy, 'dates.ts'), '\n// a change\n');
    expect(schemaFingerprint(copied)).not.toBe(schemaFingerprint());
  });
});

describe('the loaders', () => {
  it('parse a cached entry again only when the salt (the schemas) changes', async () => {
    const dir = contentFolder();
    const astro = astroLike(dir);
    const load = (loader: Loader) => loader.load(astro.context);

    await load(contentLoaders(dir, 'schemas-a').reports);
    expect(astro.parsed()).toBe(1);
    expect(astro.digest()).toContain('schemas-a');

    await load(contentLoaders(dir, 'schemas-a').reports);
    expect(astro.parsed(), 'same schemas: taken from the cache').toBe(1);

    await load(contentLoaders(dir, 'schemas-b').reports);
    expect(astro.parsed(), 'changed schemas: parsed again').toBe(2);

    // Astro's own glob() keys on the file's text alone: the wrapping is what makes the difference.
    await load(glob({ pattern: '*.mdx', base: join(dir, 'reports') }));
    await load(glob({ pattern: '*.mdx', base: join(dir, 'reports') }));
    expect(astro.parsed()).toBe(3);
  });

  it('pass every other part of the context through, and salt object digests too', async () => {
    const seen: unknown[] = [];
    const inner: Loader = {
      name: 'inner',
      load: async (ctx) => {
        seen.push(ctx.collection, ctx.generateDigest('text'), ctx.generateDigest({ a: 1 }), (ctx as unknown as { entryTypes: unknown }).entryTypes);
      },
    };
    const salted = withDigestSalt(inner, 'salt');
    expect(salted.name).toBe('inner');
    await salted.load({ collection: 'sections', generateDigest: (d: unknown) => JSON.stringify(d), entryTypes: 'kept' } as unknown as LoaderContext);
    expect(seen).toEqual(['sections', JSON.stringify('salt\ntext'), JSON.stringify({ salt: 'salt', data: { a: 1 } }), 'kept']);
  });

  it('are the ones src/content.config.ts gives both collections', () => {
    const config = readFileSync(join(dirname(SCHEMA_MODULE), '../content.config.ts'), 'utf8');
    expect(config).toContain('contentLoaders(contentDir)');
    expect(config).toContain('loader: loaders.reports');
    expect(config).toContain('loader: loaders.sections');
    expect(config).not.toMatch(/\bglob\(/);
  });
});
