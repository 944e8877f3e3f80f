import { test as base, expect } from '@playwright/test'

type Fixtures = {
  /** Set to true (with `test.use`) in a test that triggers a violation on purpose. */
  allowCspViolations: boolean
  cspViolations: string[]
}

/**
 * Every e2e test imports `test` from here: it fails any test during which the browser reported a
 * Content-Security-Policy violation, so the whole suite proves the site works under its CSP.
 */
export const test = base.extend<Fixtures>({
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
