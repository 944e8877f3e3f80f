import { expect, test } from './fixtures'

// The shared server has neither MODERATION_SECRET, REVALIDATE_SECRET nor ADMIN_PASSWORD: moderation
// over HTTP is off, and its pages answer the not-found page with a real 404 (proxy.ts), not with the
// status 200 a request-time page's streamed notFound() would have.
// e2e/moderation-email.spec.ts covers them switched on, including a tampered link (404 there too).

test('with moderation over HTTP off, the moderation page and the admin queue answer 404', async ({ page, request }) => {
  for (const path of ['/moderate/1?token=1.moderate.x', '/admin/comments']) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(404)
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
  }
  // The proxy runs on those paths only: a post page and the comments API are untouched.
  expect((await request.get('/')).status()).toBe(200)
})
