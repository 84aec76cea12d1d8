/**
 * Fixture sites, each built once per test run and shared by every test file that reads it
 * (as Starlight's testFactory memoises its fixture builds). A build is kept in the run's
 * folder (global-setup.ts) under a name made of the fixture and the build options; the next
 * file asking for the same build gets the same folder back, and one asking while it is being
 * made waits for it (run-lock.ts: two files run at a time).
 *
 * - `multi-year`: tests/fixtures/multi-year, three synthetic years;
 * - `next-year`: a copy of multi-year into which the yearly path has been run as staff run
 *   it: `npm run import` of a synthetic next year, then `npm run check -- --accept`;
 * - `withdrawn`: tests/fixtures/withdrawn, two synthetic years, the newest withdrawn;
 * - `repeated`: tests/fixtures/repeated, three synthetic years, the newest copying most of the
 *   last one's 存在的不足和原因 (its README has the hand count);
 * - `real`: src/content, for the conformance test only (tests/conformance/).
 *
 * Each is built by Astro's `build()` for a deployment given as values (build.ts,
 * buildDeployment). Any of them can be built with another site configuration: `inspectionBuild`
 * gives the options for the configurations in tests/fixtures/inspection.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { astroEnv, buildDeployment, ROOT } from './build';
import { numberedDocx } from './word';
import { runFolderOrNone, withLock, withLockAsync } from './run-lock';
import { DEFAULT_CONTENT_DIR } from '../../src/domain/layout.ts';

export type FixtureName = 'multi-year' | 'next-year' | 'withdrawn' | 'repeated' | 'real';

export const FIXTURES_DIR = join(ROOT, 'tests/fixtures');

/** The synthetic reports the next-year fixture imports, as typed texts (sources/YYYY.txt). */
export const NEXT_YEAR = { sources: join(FIXTURES_DIR, 'next-year/sources') };

export interface BuildOptions {
  /** Base path the site is built for, e.g. '/fzbg/'. */
  base?: string;
  /** The site's full address, e.g. 'https://example.gov.cn'. */
  siteUrl?: string;
  /** The site configuration module, e.g. tests/fixtures/inspection/site.config.ts. */
  configFile?: string;
  /** The environment a bureau's CI would add (EDIT_URL). */
  env?: Record<string, string>;
}

export interface BuiltFixture {
  name: FixtureName;
  /** The content folder the site was built from. */
  contentDir: string;
  /** The built site. */
  dist: string;
  /** What the build printed. */
  output: string;
  base: string;
}

function runFolder(): string {
  // Outside a vitest run (a bench): a folder of its own.
  const dir = runFolderOrNone() ?? mkdtempSync(join(tmpdir(), 'fznb-fixtures-'));
  mkdirSync(dir, { recursive: true });
  return dir;
}

const slug = (s: string) => s.replace(/[^a-zA-Z0-9]+/g, '_').replace(/^_|_$/g, '');

/**
 * The content folder of a fixture, prepared once per run. For next-year: each text in
 * tests/fixtures/next-year/sources/ becomes a Word file numbered by Word's automatic
 * numbering, which is imported, then the new year is accepted.
 */
export async function fixtureContent(name: FixtureName): Promise<string> {
  if (name === 'real') return join(ROOT, DEFAULT_CONTENT_DIR);
  if (name === 'multi-year') return join(FIXTURES_DIR, 'multi-year');
  if (name === 'withdrawn') return join(FIXTURES_DIR, 'withdrawn');
  if (name === 'repeated') return join(FIXTURES_DIR, 'repeated');
  const dir = join(runFolder(), 'content-next-year');
  const ready = join(dir, '.ready');
  if (existsSync(ready)) return dir;
  return withLockAsync('content-next-year', async () => {
    if (existsSync(ready)) return dir; // made by another file while this one waited
    rmSync(dir, { recursive: true, force: true });
    cpSync(join(FIXTURES_DIR, 'multi-year'), dir, { recursive: true, filter: (f) => !f.endsWith('README.md') });
    const words = join(runFolder(), 'next-year-word');
    mkdirSync(words, { recursive: true });
    for (const source of readdirSync(NEXT_YEAR.sources).filter((f) => f.endsWith('.txt')).sort()) {
      const docx = join(words, source.replace(/\.txt$/, '（示例）.docx'));
      writeFileSync(docx, await numberedDocx(readFileSync(join(NEXT_YEAR.sources, source), 'utf8')));
      runScript('scripts/import.ts', [docx], dir);
    }
    runScript('scripts/check.ts', ['--accept'], dir);
    writeFileSync(ready, '');
    return dir;
  });
}

/** Runs one of the project's scripts as `npm run …` would, on a content folder; throws with its output on failure. */
export function runScript(script: string, args: string[], contentDir: string) {
  const r = spawnSync(process.execPath, [join(ROOT, script), ...args], {
    cwd: ROOT,
    env: astroEnv({ CONTENT_DIR: contentDir }),
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`${script} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** A fixture built with the given options: built on first use in a run, then shared. */
export async function builtFixture(name: FixtureName, options: BuildOptions = {}): Promise<BuiltFixture> {
  const base = options.base ?? '/';
  const key = slug([name, base, options.siteUrl ?? '', options.configFile ?? '', JSON.stringify(options.env ?? {})].join(' ')) || name;
  const dir = join(runFolder(), `build-${key}`);
  const contentDir = await fixtureContent(name);
  const done = join(dir, 'output.txt');
  const built = (): BuiltFixture => ({ name, contentDir, dist: join(dir, 'dist'), output: readFileSync(done, 'utf8'), base });
  if (existsSync(done)) return built();
  return withLock(`build-${key}`, () => {
    if (existsSync(done)) return built(); // built by another file while this one waited
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const r = buildDeployment(
      { contentDir, outDir: join(dir, 'dist'), base, site: options.siteUrl, configFile: options.configFile },
      options.env,
    );
    if (r.status !== 0) throw new Error(`astro build of fixture ${name} failed:\n${r.output}`);
    // Whole or not at all: another file may look for it at any moment.
    writeFileSync(`${done}.part`, r.output);
    renameSync(`${done}.part`, done);
    return built();
  });
}

/** The address fixture sites are built for when they have one. */
export const FIXTURE_SITE_URL = 'https://example.gov.cn';

/**
 * A site as hosted in a district portal's 专栏: under a sub-path, with its full address
 * known. A stray BASE_URL in the environment (vitest sets BASE_URL=/) is passed on, since
 * the deployment, not the environment, owns the base path (src/integrations/fznb.ts).
 */
export const PORTAL: BuildOptions = { base: '/fzbg/', siteUrl: FIXTURE_SITE_URL, env: { BASE_URL: '/' } };

/** A site at the root of its address, as a bureau's own domain hosts it (feeds and the sitemap give full links). */
export const AT_ROOT: BuildOptions = { siteUrl: FIXTURE_SITE_URL };

/** The site configurations of tests/fixtures/inspection. */
export const INSPECTION_CONFIGS = {
  /** Every footer, header and contact field set, with fake values. */
  full: 'tests/fixtures/inspection/site.config.ts',
  /** Only the two names: no registration, no link but the 网站地图. */
  empty: 'tests/fixtures/inspection/empty.site.config.ts',
} as const;

/** The repository's edit address, as a bureau's CI would set it (EDIT_URL). */
export const EDIT_URL = 'https://git.example.test/bureau/fznb/edit/main/';

/**
 * A build with one of those configurations, its site address known (so the sitemap is
 * written); the full one with the edit address too, so every optional part of a page is there.
 */
export const inspectionBuild = (config: keyof typeof INSPECTION_CONFIGS): BuildOptions => ({
  siteUrl: FIXTURE_SITE_URL,
  configFile: INSPECTION_CONFIGS[config],
  ...(config === 'full' ? { env: { EDIT_URL } } : {}),
});
