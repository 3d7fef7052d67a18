import { defineConfig } from 'vitest/config';

// Real browsers on a 2-core machine: one test file at a time, long timeouts, no retries
// (a flaky end-to-end test is a bug to fix, not to hide).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
  },
});
