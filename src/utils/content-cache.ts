/**
 * Astro keeps parsed entries in its content cache (the data store in ASTRO_CACHE_DIR or
 * node_modules/.astro) and parses an entry again only when its digest changes. The glob()
 * loader makes that digest from the file's text alone (LoaderContext.generateDigest), and the
 * store as a whole is cleared only when src/content.config.ts's own text changes: a change
 * to the schemas it imports would otherwise leave entries parsed by the old schema.
 *
 * So the collections' loaders are wrapped: every digest they make also covers a fingerprint
 * of the schemas' source (src/domain/schema.ts and every module it imports, and zod's
 * version). Change a schema and every entry is parsed again, with nothing to remember.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { z } from 'zod';
import { REPORT_PATTERN, reportsRoot, SECTION_PATTERN, sectionsRoot } from '../domain/layout';

/** The module that defines the entries' schemas. */
export const SCHEMA_MODULE = fileURLToPath(new URL('../domain/schema.ts', import.meta.url));

/** Relative imports of a module's text: './items.ts', '../x'. */
function relativeImports(source: string): string[] {
  const specs = [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => m[1]!);
  return [...new Set(specs)];
}

/** A module and every module it imports by a relative path, each once, the module first. */
export function schemaSources(entry = SCHEMA_MODULE): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of relativeImports(readFileSync(file, 'utf8'))) {
      const target = resolve(dirname(file), spec);
      visit(/\.[cm]?[jt]s$/.test(target) ? target : `${target}.ts`);
    }
  };
  visit(entry);
  return [...seen];
}

/** A fingerprint of the schemas: the text of their modules (named by file) and zod's version. */
export function schemaFingerprint(entry = SCHEMA_MODULE): string {
  const hash = createHash('sha256');
  const { major, minor, patch } = z.core.version;
  hash.update(`zod ${major}.${minor}.${patch}\n`);
  const root = dirname(entry);
  for (const file of schemaSources(entry)) hash.update(`${relativeTo(root, file)}\n${readFileSync(file, 'utf8')}\n`);
  return hash.digest('hex').slice(0, 16);
}

/** A file's path inside the schema module's folder, so the fingerprint does not depend on where the project sits. */
const relativeTo = (root: string, file: string) => (file.startsWith(root) ? file.slice(root.length) : file);

/**
 * The same loader, except that every digest it makes covers `salt` too: entries cached with
 * another salt no longer match and are parsed again. Everything else in the context is
 * passed through untouched.
 */
export function withDigestSalt<L extends Loader>(loader: L, salt: string): L {
  return {
    ...loader,
    load: (context: LoaderContext) =>
      loader.load({
        ...context,
        generateDigest: (data) => context.generateDigest(typeof data === 'string' ? `${salt}\n${data}` : { salt, data }),
      }),
  };
}

/** The two collections' loaders over a content folder, their digests covering the schemas. */
export function contentLoaders(contentDir: string, salt = schemaFingerprint()): { reports: Loader; sections: Loader } {
  return {
    reports: withDigestSalt(glob({ pattern: REPORT_PATTERN, base: reportsRoot(contentDir) }), salt),
    sections: withDigestSalt(glob({ pattern: SECTION_PATTERN, base: sectionsRoot(contentDir) }), salt),
  };
}
