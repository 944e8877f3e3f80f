import { createHash } from 'node:crypto'
import { test as base, expect } from '@playwright/test'

type Fixtures = {
  /** Set to true (with `test.use`) in a test that triggers a violation on purpose. */
  allowCspViolations: boolean
  cspViolations: string[]
}

/**
 * An address of the benchmarking range (198.18.0.0/15) of this attempt of this test. The fixture
 * site trusts one proxy hop (playwright.config.ts), so each attempt is a client of its own: a retry
 * is not refused as a duplicate of its first attempt's comment, and no test shares another's limits.
 */
function clientAddressOf(testId: string, attempt: string) {
  const [a = 0, b = 0] = createHash('sha256').update(`${testId} ${attempt}`).digest()
  return `198.${18 + (a % 2)}.${b}.${1 + (a % 254)}`
}

/**
 * Every e2e test imports `test` from here: it fails any test during which the browser reported a
 * Content-Security-Policy violation, so the whole suite proves the site works under its CSP. Its
 * requests (browser and API) name this attempt's client address in X-Forwarded-For, which only the
 * fixture site trusts.
 */
export const test = base.extend<Fixtures>({
  extraHTTPHeaders: async ({ extraHTTPHeaders }, provide, testInfo) => {
    const attempt = `${testInfo.retry} ${testInfo.repeatEachIndex}`
    await provide({ ...extraHTTPHeaders, 'x-forwarded-for': clientAddressOf(testInfo.testId, attempt) })
  },
  allowCspViolations: [false, { option: true }],
  cspViolations: [
    async ({ page, allowCspViolations }, use) => {
      const violations: string[] = []
      page.on('console', (message) => {
        if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text())
      })
      await use(violations)
      if (!allowCspViolations) expect(violations, 'Content-Security-Policy violations').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }
