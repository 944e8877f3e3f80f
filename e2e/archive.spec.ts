import { expect, test } from './fixtures'

test('the archive groups posts by year and month, newest first, with machine-readable dates', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Archive' }).click()
  await expect(page).toHaveURL('/archive')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Archive')

  const year = page.getByRole('region', { name: '2026' })
  await expect(year.getByRole('heading', { level: 2 })).toHaveText('2026')
  const month = year.getByRole('region', { name: 'November 2026' })
  await expect(month.locator('h3 time')).toHaveAttribute('datetime', '2026-11')
  await expect(month.getByRole('listitem')).toHaveCount(2)
  await expect(month.getByRole('link')).toHaveText(['Designing a REST API that lasts', 'What is backend engineering'])
  await expect(month.getByRole('listitem').locator('time')).toHaveText(['24 November 2026', '18 November 2026'])
  for (const time of await month.getByRole('listitem').locator('time').all()) {
    await expect(time).toHaveAttribute('datetime', /^2026-11-\d{2}$/)
  }

  await month.getByRole('link', { name: 'What is backend engineering' }).click()
  await expect(page).toHaveURL('/blog/what-is-backend-engineering')
})
