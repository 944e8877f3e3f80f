import { expect, test } from './fixtures'

// e2e/pagination.fixture.spec.ts walks the pages; e2e/tags.spec.ts checks a list that fits on one page.
test('page 1 of the list is the home page: /blog/page/1 and /blog redirect there', async ({ page, request }) => {
  for (const path of ['/blog/page/1', '/blog']) {
    const response = await request.get(path, { maxRedirects: 0 })
    expect(response.status(), path).toBe(308)
    expect(new URL(response.headers().location ?? '', 'http://x').pathname).toBe('/')
  }
  await page.goto('/blog/page/1')
  await expect(page).toHaveURL('/')
})

test('malformed page numbers answer 404', async ({ request }) => {
  for (const path of ['/blog/page/0', '/blog/page/02', '/blog/page/two', '/blog/page/-1']) {
    expect((await request.get(path)).status(), path).toBe(404)
  }
})
