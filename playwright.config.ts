import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'

const PORT = Number(process.env.E2E_PORT ?? 3100)
const baseURL = `http://127.0.0.1:${PORT}`
// The fixture site (scripts/build-fixture-site.mjs) for e2e/*.fixture.spec.ts, on the next port.
const FIXTURE_PORT = PORT + 1
const fixtureURL = `http://127.0.0.1:${FIXTURE_PORT}`
const fixtureSpecs = /\.fixture\.spec\.ts$/

// Debian's Chromium where it exists (CI and machines without network access to Playwright's
// browser downloads); Playwright's own browsers everywhere else.
const systemChromium = '/usr/bin/chromium'
const launchOptions = existsSync(systemChromium)
  ? {
      executablePath: systemChromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    }
  : {}

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  // Two cores build, serve and drive a browser at once in CI: give assertions room.
  expect: { timeout: 10_000 },
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions,
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: fixtureSpecs },
    { name: 'fixture-site', use: { ...devices['Desktop Chrome'], baseURL: fixtureURL }, testMatch: fixtureSpecs },
  ],
  // The production builds `npm run test:e2e` makes: the site, served by the standalone server that
  // `npm start` and the Dockerfile run, and the fixture site built from test/fixtures/content/site
  // into .e2e-fixture-site/. That copy sits inside the project, so its standalone output nests one
  // folder deeper: `next start` serves it instead.
  webServer: [
    {
      command: 'node scripts/start.mjs',
      url: baseURL,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { NEXT_TELEMETRY_DISABLED: '1', PORT: String(PORT), HOSTNAME: '127.0.0.1' },
    },
    {
      command: `node node_modules/next/dist/bin/next start .e2e-fixture-site --hostname 127.0.0.1 --port ${FIXTURE_PORT}`,
      url: fixtureURL,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { NEXT_TELEMETRY_DISABLED: '1' },
    },
  ],
})
