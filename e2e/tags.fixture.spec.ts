import { expect, test } from './fixtures'

// Against the fixture site: `café` tags 12 published posts (once written in Unicode NFD, once as
// `Café`) and also a draft and a scheduled post, which must not count.
test('a non-ASCII tag has its page after a production build, with its posts over two pages', async ({ page }) => {
  await page.goto('/tags')
  await page.getByRole('main').getByRole('link', { name: 'café 12 posts' }).click()
  await expect(page).toHaveURL('/tags/caf%C3%A9')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Posts tagged “café”')
  const titles = page.getByRole('main').getByRole('heading', { level: 2 })
  await expect(titles).toHaveCount(10)
  await expect(titles.first()).toHaveText('Fixture post 12')

  const pagination = page.getByRole('navigation', { name: 'Pagination' })
  await pagination.getByRole('link', { name: 'Older posts' }).click()
  await expect(page).toHaveURL('/tags/caf%C3%A9/page/2')
  await expect(titles).toHaveText(['Fixture post 02', 'Fixture post 01'])
  await pagination.getByRole('link', { name: 'Newer posts' }).click()
  await expect(page).toHaveURL('/tags/caf%C3%A9')
})

test('a post’s non-ASCII tag links to the tag page', async ({ page }) => {
  await page.goto('/blog/fixture-post-05')
  await page.getByRole('list', { name: 'Tags' }).getByRole('link', { name: 'café' }).click()
  await expect(page).toHaveURL('/tags/caf%C3%A9')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Posts tagged “café”')
})

test('the tag answers at its one address, typed encoded or raw; other spellings are 404s', async ({
  page,
  request,
}) => {
  for (const path of ['/tags/caf%C3%A9', '/tags/café']) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(200)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Posts tagged “café”')
  }
  for (const path of ['/tags/Caf%C3%A9', '/tags/cafe%CC%81', '/tags/caf%25C3%25A9', '/tags/caf%C3%A9/page/3']) {
    expect((await request.get(path)).status(), path).toBe(404)
  }
  const response = await request.get('/tags/caf%C3%A9/page/1', { maxRedirects: 0 })
  expect(response.status()).toBe(308)
  expect(response.headers().location).toBe('/tags/caf%C3%A9')
})

test('a post whose slug is not ASCII has its page and its Open Graph image', async ({ page, request }) => {
  await page.goto('/archive')
  await page.getByRole('link', { name: 'Déjà vu: a post whose file name is not ASCII' }).click()
  await expect(page).toHaveURL('/blog/d%C3%A9j%C3%A0-vu')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Déjà vu: a post whose file name is not ASCII')
  const image = await request.get('/blog/d%C3%A9j%C3%A0-vu/opengraph-image')
  expect(image.status()).toBe(200)
  expect(image.headers()['content-type']).toBe('image/png')
})
