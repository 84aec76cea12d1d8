import { defineConfig } from 'vitest/config';

/**
 * Two projects. `unit`: pure functions, no build, files in parallel (`npm run test:unit`).
 * `site`: tests that read a built site, drive a browser or run the scripts; they build
 * fixture content under tests/fixtures/ (each fixture once per run, tests/helpers/fixtures.ts)
 * and run two files at a time: one may build while the other drives a browser or git.
 * `npm test` runs both, unit first, the unit project under the coverage gate below.
 */
export default defineConfig({
  test: {
    // Browser tests wait for what a reader would wait for; a busy machine is slower.
    expect: { poll: { timeout: 15_000, interval: 50 } },
    // The coverage gate (`npm test` runs the unit project with --coverage): the pure modules the
    // unit project is for. Left out: modules that do I/O or talk to Astro or git (*-fs, *-git,
    // write-atomic, integrations, pages) and the reader's browser code (search page, client,
    // render), which the site project drives in Chromium and through the scripts.
    coverage: {
      provider: 'v8',
      include: ['src/domain/**/*.ts', 'src/importer/**/*.ts', 'src/search/**/*.ts', 'src/utils/**/*.ts'],
      exclude: [
        '**/*-fs.ts',
        '**/*-git.ts',
        'src/domain/write-atomic.ts',
        'src/importer/{interrupt,republish,summary,lock,durable,journal,read}.ts',
        'src/search/{client,page,render,highlight,header,messages,files}.ts',
        'src/utils/{content,page-context}.ts',
      ],
      reporter: ['text-summary'],
      // Just under what the unit tests reach today: new pure code comes with its unit tests.
      thresholds: { statements: 88, branches: 82, functions: 89, lines: 89 },
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // Pure functions: the files share their modules instead of loading them again each
          // (a third of the time), and every test sets up what it reads. Two workers, also on
          // a two-core machine (vitest would take one fewer than the cores).
          isolate: false,
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
          globalSetup: ['tests/helpers/temp-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/unit/**'],
          sequence: { groupOrder: 1 },
          // Two files at a time, each worker process running its files one after another and
          // keeping the modules they share (the helpers, Playwright, cheerio, the site's own
          // modules) instead of loading them again for each file. No test mocks a module or
          // changes the environment it shares. What files share in a run (a fixture, and the
          // project's .astro folder every astro build and dev server writes) is locked
          // (tests/helpers/run-lock.ts).
          maxWorkers: 2,
          isolate: false,
          globalSetup: ['tests/helpers/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
