/**
 * How Node loads the project's own TypeScript in the thread that imports this module (the
 * configuration's, so every `astro build`, `astro dev` and test build, and the build's worker,
 * after-build.ts): with the TypeScript transform of Rolldown, the bundler Vite runs, whose native
 * binding Astro has loaded before it reads the configuration, instead of Node's type stripping,
 * whose WebAssembly takes some 80 ms to load in each thread and 60 ms more to strip the modules
 * the configuration imports. The transform takes about 25 ms for them (docs/benchmarks.md,
 * "2026-12-07（九）").
 *
 * Left to Node: files under node_modules, files that are not .ts, a file the transform reports
 * an error in (Node then names the error as it always does), and every file on a Node without
 * module.registerHooks (before 22.15). The transform prints the module again, so a stack trace's
 * line numbers are the printed module's; run with --enable-source-maps for the source's.
 *
 * Plain JavaScript: it must run before any TypeScript is loaded. Modules imported statically
 * beside it are loaded before it runs, so the configuration imports its TypeScript dynamically.
 */
import module from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'rolldown/experimental';

const REGISTERED = Symbol.for('fznb.typescript-loader');

/** The module's JavaScript, or undefined to leave it to Node. */
function javascriptOf(url) {
  const { protocol, pathname } = new URL(url);
  if (protocol !== 'file:' || !pathname.endsWith('.ts') || pathname.includes('/node_modules/')) return undefined;
  const path = fileURLToPath(url);
  const sourcemap = process.sourceMapsEnabled;
  let out;
  try {
    out = transformSync(path, readFileSync(path, 'utf8'), { lang: 'ts', sourceType: 'module', sourcemap });
  } catch {
    return undefined; // unreadable, or the transform failed: Node reads it and says why
  }
  if (out.errors.length) return undefined;
  const map = sourcemap && out.map ? `\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(out.map)).toString('base64')}` : '';
  return out.code + map;
}

// Once per thread, should the module be evaluated again (Astro loads the configuration through Vite
// when Node cannot import it, and Vite evaluates its imports afresh).
if (typeof module.registerHooks === 'function' && !globalThis[REGISTERED]) {
  globalThis[REGISTERED] = true;
  module.registerHooks({
    load(url, context, nextLoad) {
      const source = javascriptOf(url);
      return source === undefined ? nextLoad(url, context) : { format: 'module', source, shortCircuit: true };
    },
  });
}
