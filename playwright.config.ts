import { defineConfig } from '@playwright/test';
import { describeHost } from './e2e/host.ts';

// The specs take their page from e2e/fixtures.ts, which picks the host: Electron where its
// binary is installed, else Debian's (or Playwright's) Chromium with the real router bridged in.
// Printed once, by the runner (workers load this file too).
if (process.env.TEST_WORKER_INDEX === undefined) console.log(`e2e host: ${describeHost()}`);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
});
