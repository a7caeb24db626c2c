import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs'

// The browser suite: the demo page, the script-tag page and the ESM build in headless Chromium
// (Debian's package by default). Every server is started by the tests on 127.0.0.1 and a free
// port, so the suite can run beside `pnpm start`.
export default defineConfig({
  testDir: './examples/demo-page',
  // Browser specs in e2e/; the page's pure logic is unit-tested beside it in src/ (no browser).
  testMatch: ['e2e/**/*.spec.ts', 'src/**/*.test.ts'],
  globalSetup: './examples/demo-page/e2e/global-setup.ts',
  outputDir: './test-results',
  // Two workers: the machine has two cores and each test runs a browser, a broker and an emulator.
  workers: 2,
  fullyParallel: true,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1180, height: 860 },
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [...CHROMIUM_ARGS],
    },
  },
})
