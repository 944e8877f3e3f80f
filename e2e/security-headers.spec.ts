import { expect, test } from './fixtures'

for (const path of [
  '/',
  '/blog/a-tour-of-the-backend',
  '/blog/no-such-post',
  '/api/health',
  '/api/comments?slug=a-tour-of-the-backend',
]) {
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
      "script-src-attr 'none'",
    ]) {
      expect(csp).toContain(directive)
    }
    expect(csp).not.toContain("'unsafe-eval'")
    // A hash or nonce in script-src would switch 'unsafe-inline' off and block Next.js's inline scripts.
    expect(csp).not.toMatch(/'(sha256|sha384|sha512|nonce)-/)
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
    expect(headers['permissions-policy']).toContain('camera=()')
    expect(headers['strict-transport-security']).toMatch(/^max-age=\d+/)
    expect(headers['x-powered-by']).toBeUndefined()
  })
}

test('prerendered pages carry Next.js inline scripts that differ per page, so the policy cannot list hashes', async ({
  request,
}) => {
  const inlineScripts = async (path: string) => {
    const html = await (await request.get(path)).text()
    return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '')
  }
  const [home, post] = await Promise.all([inlineScripts('/'), inlineScripts('/blog/a-tour-of-the-backend')])
  // The theme script, Next.js's bootstrap, and the RSC payload in chunks.
  for (const scripts of [home, post])
    expect(scripts.filter((script) => script.startsWith('self.__next_f.push(')).length).toBeGreaterThan(0)
  const payload = (scripts: string[]) =>
    scripts.filter((script) => script.startsWith('self.__next_f.push([1,')).join('')
  expect(payload(home)).not.toBe(payload(post))
})

test('no page uses inline event handler attributes, which the policy forbids', async ({ page, request }) => {
  // Every page of the sitemap, one after another.
  test.slow()
  const sitemap = await (await request.get('/sitemap.xml')).text()
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? '/').pathname)
  expect(paths.length).toBeGreaterThan(3)
  for (const path of [...paths, '/search', '/blog/no-such-post']) {
    await page.goto(path)
    const handlers = await page.evaluate(() =>
      [...document.querySelectorAll('*')].flatMap((element) =>
        [...element.attributes]
          .filter((attribute) => /^on/i.test(attribute.name))
          .map((attribute) => `${element.localName} ${attribute.name}`),
      ),
    )
    expect(handlers, path).toEqual([])
  }
})

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

  test('an inline event handler attribute does not run', async ({ page, cspViolations }) => {
    await page.goto('/')
    const result = await page.evaluate(
      () =>
        new Promise<{ directive: string; hasRun: boolean }>((resolve) => {
          document.addEventListener(
            'securitypolicyviolation',
            (event) => resolve({ directive: event.violatedDirective, hasRun: Reflect.has(window, '__handlerRan') }),
            {
              once: true,
            },
          )
          const button = document.createElement('button')
          button.setAttribute('onclick', 'window.__handlerRan = true')
          document.body.append(button)
          button.click()
        }),
    )
    expect(result).toEqual({ directive: 'script-src-attr', hasRun: false })
    await expect.poll(() => cspViolations.length).toBeGreaterThan(0)
  })
})
