import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Builds whatever in dist/ is older than the sources, so no test runs stale build output.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
  },
});
