import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'

const PORT = Number(process.env.E2E_PORT ?? 3100)
const baseURL = `http://127.0.0.1:${PORT}`
/** The webhook receiver e2e/comments.spec.ts listens on (E2E_PORT + 9, so parallel checkouts do not collide). */
const WEBHOOK_PORT = PORT + 9
const E2E_DATA = '.data/e2e'

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
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions,
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  // Runs against the production build made by `npm run test:e2e` (`next build` first).
  webServer: {
    // A fresh PGlite database per run (removed first, so no comment survives from an earlier run).
    command: `rm -rf ${E2E_DATA} && node node_modules/next/dist/bin/next start --hostname 127.0.0.1 --port ${PORT}`,
    // Ready once the comments API answers: the first PGlite start (initdb in WebAssembly) takes a while.
    url: `${baseURL}/api/comments?slug=what-is-backend-engineering`,
    reuseExistingServer: false,
    timeout: 180_000,
    env: {
      NEXT_TELEMETRY_DISABLED: '1',
      PGLITE_DIR: `${E2E_DATA}/pglite`,
      DATABASE_URL: '',
      // Generous limits: the tests share one client address. e2e/rate-limit.spec.ts starts its own servers to test 429.
      COMMENT_RATE_LIMIT: '10000',
      COMMENT_RATE_LIMIT_POST: '10000',
      COMMENT_RATE_LIMIT_SITE: '100000',
      COMMENT_WEBHOOK_URL: `http://127.0.0.1:${WEBHOOK_PORT}/hook`,
      COMMENT_WEBHOOK_TIMEOUT_MS: '2000',
    },
  },
})
