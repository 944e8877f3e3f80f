import { expect, test } from './fixtures'

// On the fixture site; e2e/pagination.fixture.spec.ts checks the order of the whole list.
const posts = [
  { title: 'APIs that last', path: '/blog/apis-that-last' },
  { title: 'A tour of the backend', path: '/blog/a-tour-of-the-backend' },
]

test('the home page lists the newest posts with their date and reading time, and links to them', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('link', { name: 'Backend Playbook' })).toBeVisible()

  const items = page
    .getByRole('main')
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 2 }) })
  await expect(items).toHaveCount(10)
  const titles = await items.getByRole('heading', { level: 2 }).allTextContents()
  expect(titles.filter((title) => posts.some((post) => post.title === title))).toEqual(posts.map((post) => post.title))
  for (const item of await items.all()) {
    await expect(item.locator('time[datetime]')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/)
    await expect(item).toContainText(/\d+ min read/)
  }

  for (const post of posts) {
    await page.goto('/')
    await page.getByRole('link', { name: post.title }).click()
    await expect(page).toHaveURL(post.path)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(post.title)
  }
})

test('an unknown address answers 404 with a way home', async ({ page }) => {
  for (const path of ['/blog/no-such-post', '/no-such-page']) {
    const response = await page.goto(path)
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
  }
  await page.getByRole('link', { name: 'Back to all posts' }).click()
  await expect(page).toHaveURL('/')
})
