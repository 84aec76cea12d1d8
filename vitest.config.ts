import { defineConfig } from 'vitest/config';

/**
 * Two projects. `unit`: pure functions, no build, files in parallel (`npm run test:unit`).
 * `site`: tests that read a built site, drive a browser or run the scripts; they build
 * fixture content under tests/fixtures/ (each fixture once per run, tests/helpers/fixtures.ts)
 * and run one file at a time, since every build uses both cores. `npm test` runs both, unit first.
 */
export default defineConfig({
  test: {
    // Browser tests wait for what a reader would wait for; a busy machine is slower.
    expect: { poll: { timeout: 15_000, interval: 50 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/unit/**'],
          sequence: { groupOrder: 1 },
          fileParallelism: false,
          globalSetup: ['tests/helpers/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
