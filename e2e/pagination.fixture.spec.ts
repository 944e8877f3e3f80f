import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

// Against the fixture site: 29 published posts, so the list runs to pages of 10, 10 and 9. The two
// oldest are the Blogger fixture's (2024), imported by scripts/build-fixture-site.mjs: they end page 3.
const titles = (page: Page) => page.getByRole('main').getByRole('heading', { level: 2 })
const pagination = (page: Page) => page.getByRole('navigation', { name: 'Pagination' })

test('the home page shows the newest 10 and the older ones follow page by page', async ({ page }) => {
  await page.goto('/')
  await expect(titles(page)).toHaveCount(10)
  await expect(titles(page).first()).toHaveText('Running it in production')
  await expect(titles(page).last()).toHaveText('Fixture post 17')
  await expect(pagination(page)).toContainText('Page 1 of 3')
  await expect(pagination(page).getByRole('link', { name: /Newer posts/ })).toHaveCount(0)

  await pagination(page).getByRole('link', { name: 'Older posts' }).click()
  await expect(page).toHaveURL('/blog/page/2')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Posts, page 2 of 3')
  await expect(titles(page)).toHaveText(
    Array.from({ length: 10 }, (_, index) => `Fixture post ${String(16 - index).padStart(2, '0')}`),
  )

  await pagination(page).getByRole('link', { name: 'Older posts' }).click()
  await expect(page).toHaveURL('/blog/page/3')
  await expect(titles(page)).toHaveCount(9)
  await expect(titles(page).nth(6)).toHaveText('Déjà vu: a post whose file name is not ASCII')
  await expect(titles(page).last()).toHaveText('What is backend engineering?')
  await expect(pagination(page).getByRole('link', { name: /Older posts/ })).toHaveCount(0)

  await pagination(page).getByRole('link', { name: 'Newer posts' }).click()
  await expect(page).toHaveURL('/blog/page/2')
  await pagination(page).getByRole('link', { name: 'Newer posts' }).click()
  await expect(page).toHaveURL('/')
})

test('the pagination links carry rel prev and next', async ({ page }) => {
  await page.goto('/blog/page/2')
  await expect(pagination(page).getByRole('link', { name: 'Newer posts' })).toHaveAttribute('rel', 'prev')
  await expect(pagination(page).getByRole('link', { name: 'Older posts' })).toHaveAttribute('rel', 'next')
})

test('pages past the last answer 404, and page 1 redirects to the home page', async ({ page }) => {
  expect((await page.goto('/blog/page/4'))?.status()).toBe(404)
  await page.goto('/blog/page/1')
  await expect(page).toHaveURL('/')
})

test('drafts and posts dated in the future are left out of the production build', async ({ page, request }) => {
  for (const path of ['/', '/blog/page/2', '/blog/page/3', '/archive']) {
    await page.goto(path)
    await expect(page.getByRole('main')).not.toContainText('A draft that must not be published')
    await expect(page.getByRole('main')).not.toContainText('A post scheduled for the year 2999')
  }
  for (const path of ['/blog/draft-post', '/blog/scheduled-post']) {
    expect((await request.get(path)).status(), path).toBe(404)
  }
  const feed = await (await request.get('/feed.xml')).text()
  expect(feed).not.toContain('scheduled-post')
  expect(feed).not.toContain('draft-post')
})
