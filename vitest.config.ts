import { configDefaults, defineConfig } from 'vitest/config';

/**
 * `npm test` runs the fast tests (BULWARK_TESTS=fast): everything but the browser tests in test/e2e
 * and the whole record-night runs (see test/slow.ts). `npm run test:all` — and `.ci/run` — run all.
 */
const fast = process.env.BULWARK_TESTS === 'fast';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(fast ? ['test/e2e/**'] : [])],
    // Builds whatever in dist/ is older than the sources, so no test runs stale build output.
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup/fast-check-seed.ts'],
    // Generous: on a loaded 2-core machine a test may take many times its quiet time, and must not
    // fail for that alone; a hung test still fails. Speed is measured in bench/, not here.
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
