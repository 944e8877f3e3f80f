import { expect, test } from './fixtures'

test('the header leads to the tags, each listed with its number of posts', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tags' }).click()
  await expect(page).toHaveURL('/tags')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tags')

  const tags = page.getByRole('main').getByRole('link')
  await expect(tags).toHaveText([
    'api 1 post',
    'architecture 1 post',
    'backend 1 post',
    'career 1 post',
    'http 1 post',
    'postgresql 1 post',
    'rest 1 post',
  ])
})

test('a tag page lists its posts, and a post’s tags lead there', async ({ page }) => {
  await page.goto('/blog/designing-a-rest-api-that-lasts')
  await page.getByRole('list', { name: 'Tags' }).getByRole('link', { name: 'postgresql' }).click()
  await expect(page).toHaveURL('/tags/postgresql')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Posts tagged “postgresql”')
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(['Designing a REST API that lasts'])
  // One page of posts: no pagination, and no second page.
  await expect(page.getByRole('navigation', { name: 'Pagination' })).toHaveCount(0)
  expect((await page.goto('/tags/postgresql/page/2'))?.status()).toBe(404)
})

test('an unknown tag answers 404', async ({ page }) => {
  expect((await page.goto('/tags/no-such-tag'))?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
})
