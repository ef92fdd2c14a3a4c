import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // PGlite is CPU heavy on start; two cores, two workers.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
