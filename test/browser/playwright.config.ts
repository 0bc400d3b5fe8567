import { defineConfig, devices } from '@playwright/test';

/**
 * The browser suite: Debian's chromium (apt; never `playwright install`) against the real stack
 * (scripts/browser-stack.ts: Temporal dev server, a fresh database with the demo data, the built worker
 * and API serving the built front end). `npm run test:browser` builds first.
 */
const PORT = Number(process.env.BROWSER_API_PORT ?? 3390);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/browser',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  workers: 2,
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1366, height: 860 } }, testIgnore: /phone\.spec\.ts/ },
    { name: 'phone', use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }, testMatch: /phone\.spec\.ts/ },
  ],
  webServer: {
    command: 'node dist/scripts/browser-stack.js',
    cwd: '../..',
    url: `${BASE_URL}/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { BROWSER_API_PORT: String(PORT) },
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
  },
});
