import { expect, test } from './fixtures'

test('the archive groups posts by year and month, newest first, with machine-readable dates', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Archive' }).click()
  await expect(page).toHaveURL('/archive')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Archive')

  const year = page.getByRole('region', { name: '2026' })
  await expect(year.getByRole('heading', { level: 2 })).toHaveText('2026')
  // The fixture site's February 2026: its draft (2 February) is left out.
  const month = year.getByRole('region', { name: 'February 2026' })
  await expect(month.locator('h3 time')).toHaveAttribute('datetime', '2026-02')
  await expect(month.getByRole('listitem')).toHaveCount(4)
  await expect(month.getByRole('link')).toHaveText([
    'APIs that last',
    'A tour of the backend',
    'Fixture post 20',
    'Fixture post 19',
  ])
  await expect(month.getByRole('listitem').locator('time')).toHaveText([
    '27 February 2026',
    '20 February 2026',
    '13 February 2026',
    '6 February 2026',
  ])
  for (const time of await month.getByRole('listitem').locator('time').all()) {
    await expect(time).toHaveAttribute('datetime', /^2026-02-\d{2}$/)
  }

  await month.getByRole('link', { name: 'A tour of the backend' }).click()
  await expect(page).toHaveURL('/blog/a-tour-of-the-backend')
})
