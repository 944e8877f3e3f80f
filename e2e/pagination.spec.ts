import { expect, test } from './fixtures'

// The real posts fit on one page; e2e/pagination.fixture.spec.ts covers lists of several pages.
test('with every post on the home page there is no pagination and no second page', async ({ page, request }) => {
  await page.goto('/')
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveCount(2)
  await expect(page.getByRole('navigation', { name: 'Pagination' })).toHaveCount(0)
  await expect(page.getByRole('link', { name: /Older posts/ })).toHaveCount(0)

  expect((await request.get('/blog/page/2')).status()).toBe(404)
})

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
