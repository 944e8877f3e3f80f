import { expect, test } from './fixtures'

for (const path of ['/', '/blog/what-is-backend-engineering', '/blog/no-such-post', '/api/health', '/api/comments?slug=what-is-backend-engineering']) {
  test(`security headers on ${path}`, async ({ request }) => {
    const response = await request.get(path)
    const headers = response.headers()
    const csp = headers['content-security-policy'] ?? ''
    for (const directive of [
      "default-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "script-src 'self' 'unsafe-inline'",
    ]) {
      expect(csp).toContain(directive)
    }
    expect(csp).not.toContain("'unsafe-eval'")
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
    expect(headers['permissions-policy']).toContain('camera=()')
    expect(headers['strict-transport-security']).toMatch(/^max-age=\d+/)
    expect(headers['x-powered-by']).toBeUndefined()
  })
}

test.describe('the policy is enforced', () => {
  test.use({ allowCspViolations: true })

  test('the page cannot load an image from another origin', async ({ page, cspViolations }) => {
    await page.goto('/')
    const blocked = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective), {
            once: true,
          })
          const image = document.createElement('img')
          image.src = 'https://example.com/pixel.png'
          document.body.append(image)
        }),
    )
    expect(blocked).toBe('img-src')
    await expect.poll(() => cspViolations.length).toBeGreaterThan(0)
  })
})
