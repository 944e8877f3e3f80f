import { expect, test } from './fixtures'

test('a post links to the posts before and after it, by date', async ({ page }) => {
  await page.goto('/blog/apis-that-last')
  const nav = page.getByRole('navigation', { name: 'More posts' })
  await expect(nav.getByRole('link')).toHaveText([/A tour of the backend/, /Fixture post 23/])
  await expect(nav.getByRole('link', { name: 'Fixture post 23' })).toHaveAttribute('rel', 'next')
  const previous = nav.getByRole('link', { name: 'A tour of the backend' })
  await expect(previous).toHaveAttribute('rel', 'prev')
  await previous.click()
  await expect(page).toHaveURL('/blog/a-tour-of-the-backend')

  const next = page.getByRole('navigation', { name: 'More posts' }).getByRole('link', { name: 'APIs that last' })
  await expect(next).toHaveAttribute('rel', 'next')
})

test('a post links to its source file in the repository for editing', async ({ page }) => {
  await page.goto('/blog/a-tour-of-the-backend')
  await expect(page.getByRole('link', { name: 'Edit this page on GitHub' })).toHaveAttribute(
    'href',
    'https://github.com/backend-playbook/backend-playbook/edit/main/content/posts/a-tour-of-the-backend.mdx',
  )
})

test('a post outside a series shows no series box', async ({ page }) => {
  await page.goto('/blog/a-tour-of-the-backend')
  await expect(page.getByRole('navigation', { name: 'Series' })).toHaveCount(0)
})
