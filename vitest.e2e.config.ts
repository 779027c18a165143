import { defineConfig } from 'vitest/config';

/** Browser tests: one Atrium process for the whole run, one test file at a time. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 60_000,
    // The first start builds the dashboard (vite build) before it listens.
    hookTimeout: 180_000,
  },
});
