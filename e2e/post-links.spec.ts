import { expect, test } from './fixtures'

test('a post links to the posts before and after it, by date', async ({ page }) => {
  await page.goto('/blog/designing-a-rest-api-that-lasts')
  const nav = page.getByRole('navigation', { name: 'More posts' })
  // The newest post has only an older neighbour.
  await expect(nav.getByRole('link')).toHaveCount(1)
  const previous = nav.getByRole('link', { name: 'What is backend engineering' })
  await expect(previous).toHaveAttribute('rel', 'prev')
  await previous.click()
  await expect(page).toHaveURL('/blog/what-is-backend-engineering')

  const next = page.getByRole('navigation', { name: 'More posts' }).getByRole('link', { name: 'Designing a REST API that lasts' })
  await expect(next).toHaveAttribute('rel', 'next')
})

test('a post links to its source file in the repository for editing', async ({ page }) => {
  await page.goto('/blog/what-is-backend-engineering')
  await expect(page.getByRole('link', { name: 'Edit this page on GitHub' })).toHaveAttribute(
    'href',
    'https://github.com/backend-playbook/backend-playbook/edit/main/content/posts/what-is-backend-engineering.mdx',
  )
})

test('the real posts belong to no series, so none shows a series box', async ({ page }) => {
  await page.goto('/blog/what-is-backend-engineering')
  await expect(page.getByRole('navigation', { name: 'Series' })).toHaveCount(0)
})
