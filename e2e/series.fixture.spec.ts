import { expect, test } from './fixtures'

// Against the fixture site: "Kafka from scratch" has three parts whose slugs sort differently
// from their dates (brokers 1 April, consumers 8 April, administration 15 April).
test('a series part says "Part N of M" and links the other parts in date order', async ({ page }) => {
  await page.goto('/blog/series-consumers')
  const series = page.getByRole('navigation', { name: 'Series' })
  await expect(series).toContainText('Part 2 of 3 in the series “Kafka from scratch”')
  await expect(series.getByRole('listitem')).toHaveText([
    'Brokers and partitions',
    'Consumers and offsets',
    'Running it in production',
  ])
  await expect(series.getByRole('link')).toHaveText(['Brokers and partitions', 'Running it in production'])
  await expect(series.getByText('Consumers and offsets')).toHaveAttribute('aria-current', 'page')

  await series.getByRole('link', { name: 'Brokers and partitions' }).click()
  await expect(page).toHaveURL('/blog/series-brokers')
  await expect(page.getByRole('navigation', { name: 'Series' })).toContainText('Part 1 of 3')
})

test('previous and next post links follow the dates across the whole blog', async ({ page }) => {
  await page.goto('/blog/series-brokers')
  const nav = page.getByRole('navigation', { name: 'More posts' })
  await expect(nav.getByRole('link', { name: 'Fixture post 23' })).toHaveAttribute('rel', 'prev')
  await nav.getByRole('link', { name: 'Consumers and offsets' }).click()
  await expect(page).toHaveURL('/blog/series-consumers')
})

test('a post outside any series shows no series box', async ({ page }) => {
  await page.goto('/blog/fixture-post-01')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fixture post 01')
  await expect(page.getByRole('navigation', { name: 'Series' })).toHaveCount(0)
})
