import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Build tests run `astro build` in this project; one file at a time keeps them from
    // writing the same generated types at once.
    fileParallelism: false,
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 120_000,
    // Browser tests wait for what a reader would wait for; a busy machine is slower.
    expect: { poll: { timeout: 15_000, interval: 50 } },
    hookTimeout: 300_000,
  },
});
