// End-to-end tests: the release build (dist/) served on 127.0.0.1 and driven in Debian's
// Chromium at tablet size with touch. Run through `scripts/dev test`.
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
// Several people can run the suite at once on one machine with their own build and port.
const port = Number(process.env.HOMEWARD_E2E_PORT ?? 4173);
const dist = process.env.HOMEWARD_E2E_DIST ?? join(here, '..', '..', 'dist');

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export default defineConfig({
  testDir: here,
  testMatch: '*.spec.mjs',
  outputDir: join(here, 'test-results', `artifacts-${port}`),
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.HOMEWARD_E2E_REPORT ?? join(here, 'test-results', 'results.json') }],
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 820, height: 1180 },
    hasTouch: true,
    isMobile: true,
    deviceScaleFactor: 1,
    locale: 'en-GB',
    launchOptions: { executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs },
  },
  webServer: {
    command: `node ${join(here, 'serve.mjs')} ${dist} ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    stdout: 'ignore',
  },
});
