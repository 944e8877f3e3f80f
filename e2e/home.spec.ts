import { expect, test } from './fixtures'

const posts = [
  { title: 'Designing a REST API that lasts', path: '/blog/designing-a-rest-api-that-lasts' },
  { title: 'What is backend engineering', path: '/blog/what-is-backend-engineering' },
]

test('the home page lists every post, newest first, and links to it', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('link', { name: 'Backend Playbook' })).toBeVisible()

  const items = page.getByRole('main').getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) })
  await expect(items.getByRole('heading', { level: 2 })).toHaveText(posts.map((post) => post.title))
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
