import { defineConfig } from 'vitest/config';

// Browser tests: Debian's Chromium (through playwright-core) against `sithsynth serve` serving web/dist. One file at
// a time in one process: the machine has two cores, and each file starts its own server and browser.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    poolOptions: { forks: { singleFork: true } },
    fileParallelism: false,
  },
});
