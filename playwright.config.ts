import path from 'node:path'
import { defineConfig, devices } from '@playwright/test'
import { chromiumArgs, systemChromiumPath } from './lib/tooling/chromium.mjs'

const PORT = Number(process.env.E2E_PORT ?? 3100)
const baseURL = `http://127.0.0.1:${PORT}`
// The fixture site (scripts/build-fixture-site.mjs), where the suites run. Specs that need a
// server of their own start it on a free port (lib/tooling/production-server.mjs).
const FIXTURE_PORT = PORT + 1
const fixtureURL = `http://127.0.0.1:${FIXTURE_PORT}`
// The specs of the real site: the smoke test of the real posts, and the tests that start the real
// build's servers of their own (they pick a post from content/posts, e2e/support/real-site.ts).
const realSiteSpecs = /\/(smoke|standalone|instances|graceful-shutdown)\.spec\.ts$/
const loadSpecs = /comments-load\.spec\.ts$/
// Absolute: the standalone server changes its working directory to .next/standalone.
const E2E_DATA = path.resolve('.data/e2e')

// Debian's Chromium where it exists, Playwright's own browsers everywhere else.
const launchOptions = systemChromiumPath ? { executablePath: systemChromiumPath, args: [...chromiumArgs] } : {}

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
    // Every suite runs on the fixture posts (test/fixtures/content/site), so that an author rewriting,
    // renaming or deleting a real post breaks no test.
    {
      name: 'fixture-site',
      use: { ...devices['Desktop Chrome'], baseURL: fixtureURL },
      testIgnore: [realSiteSpecs, loadSpecs],
    },
    { name: 'real-site', use: { ...devices['Desktop Chrome'] }, testMatch: realSiteSpecs },
    // Latency bounds under a flood of comments: alone, once everything else has run.
    {
      name: 'load',
      use: { ...devices['Desktop Chrome'] },
      testMatch: loadSpecs,
      dependencies: ['real-site', 'fixture-site'],
    },
  ],
  webServer: [
    {
      command: `rm -rf ${E2E_DATA}/site && node scripts/start.mjs`,
      // Ready once the database answers: the first PGlite start (initdb in WebAssembly) takes a while.
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      env: {
        NEXT_TELEMETRY_DISABLED: '1',
        PORT: String(PORT),
        HOSTNAME: '127.0.0.1',
        // A production server refuses to start without its public address.
        SITE_URL: baseURL,
        PGLITE_DIR: `${E2E_DATA}/site/pglite`,
        DATABASE_URL: '',
        // Generous limits: the smoke test shares one client address with itself.
        COMMENT_RATE_LIMIT: '10000',
        COMMENT_RATE_LIMIT_POST: '10000',
        COMMENT_RATE_LIMIT_SITE: '100000',
        COMMENT_WEBHOOK_URL: '',
      },
    },
    {
      // The Blogger fixture's comments go into the fresh database before the server opens it; its
      // posts are in the build already (scripts/build-fixture-site.mjs), so they are left unchanged.
      command:
        `rm -rf ${E2E_DATA}/fixture-site` +
        ' && npm run --silent import:blogger -- test/fixtures/blogger/feed.atom' +
        ' --content-dir .e2e-fixture-site/content' +
        ` && node node_modules/next/dist/bin/next start .e2e-fixture-site --hostname 127.0.0.1 --port ${FIXTURE_PORT}`,
      url: `${fixtureURL}/api/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      env: {
        NEXT_TELEMETRY_DISABLED: '1',
        SITE_URL: fixtureURL,
        PGLITE_DIR: `${E2E_DATA}/fixture-site/pglite`,
        DATABASE_URL: '',
        // Each test attempt is a client of its own: e2e/fixtures.ts names it in X-Forwarded-For, the
        // one proxy hop trusted here (the real site's servers trust none). Generous limits all the
        // same; e2e/instances.spec.ts and e2e/comments-load.spec.ts start servers of their own to test 429.
        TRUST_PROXY_HOPS: '1',
        COMMENT_RATE_LIMIT: '10000',
        COMMENT_RATE_LIMIT_POST: '10000',
        COMMENT_RATE_LIMIT_SITE: '100000',
        // No webhook: e2e/comments.spec.ts tests it on a server of its own, with a receiver on a free port.
        COMMENT_WEBHOOK_URL: '',
      },
    },
  ],
})
