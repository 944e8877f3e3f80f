import { expect, test } from './fixtures'

test('the header leads to the tags, each listed with its number of posts', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tags' }).click()
  await expect(page).toHaveURL('/tags')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tags')

  // The fixture site's tags: every one with its count, `kafka` on the three posts of its series.
  const tags = page.getByRole('main').getByRole('link')
  await expect(tags.filter({ hasText: /^kafka / })).toHaveText('kafka 3 posts')
  for (const tag of await tags.allTextContents()) expect(tag).toMatch(/^\S.* \d+ posts?$/)
})

test('a tag page lists its posts, and a post’s tags lead there', async ({ page }) => {
  await page.goto('/blog/series-brokers')
  await page.getByRole('list', { name: 'Tags' }).getByRole('link', { name: 'kafka' }).click()
  await expect(page).toHaveURL('/tags/kafka')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Posts tagged “kafka”')
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText([
    'Running it in production',
    'Consumers and offsets',
    'Brokers and partitions',
  ])
  // One page of posts: no pagination, and no second page.
  await expect(page.getByRole('navigation', { name: 'Pagination' })).toHaveCount(0)
  expect((await page.goto('/tags/kafka/page/2'))?.status()).toBe(404)
})

test('an unknown tag answers 404', async ({ page }) => {
  expect((await page.goto('/tags/no-such-tag'))?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
})
