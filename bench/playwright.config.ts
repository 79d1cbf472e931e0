import { defineConfig } from '@playwright/test';

/**
 * `npm run bench` runs through Playwright's runner only because it executes TypeScript and so can
 * load the app's own services, as the e2e harness does. It is one long "test"; its reporter shows
 * the bench's progress lines and table and nothing of a test report.
 */
export default defineConfig({
  testDir: '.',
  testMatch: 'atlas.bench.ts',
  outputDir: '../test-results/bench',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60 * 60_000,
  reporter: [['./reporter.ts']],
});
