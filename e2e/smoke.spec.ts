import { expect, test } from './fixtures'
import { commentForm, commentsSection, unique, waitForHydratedForm } from './support/comments'

// The one spec on the real posts (content/posts); every other suite runs on the fixture site. It
// names no post, so that an author rewriting, renaming or deleting one breaks no test.
test('the home page lists the real posts, the newest opens, and a comment posted on it shows', async ({
  page,
  request,
}) => {
  await page.goto('/')
  const newest = page.getByRole('main').getByRole('heading', { level: 2 }).first().getByRole('link')
  await expect(newest).toBeVisible()
  const title = (await newest.textContent()) ?? ''
  expect(title.trim()).not.toBe('')
  await newest.click()
  await expect(page).toHaveURL(/\/blog\/[^/]+$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(page.locator('article .prose').first()).not.toBeEmpty()

  await waitForHydratedForm(page)
  const name = unique('Smoke')
  const form = commentForm(page)
  await form.getByLabel('Name').fill(name)
  await form.getByLabel('Comment').fill(`A comment on a real post from ${name}`)
  await form.getByRole('button', { name: 'Post comment' }).click()
  await expect(form.getByRole('status')).toHaveText('Your comment was published.')
  await expect(commentsSection(page).getByRole('article', { name })).toBeVisible()
  expect(await (await request.get(new URL(page.url()).pathname)).text()).toContain(`from ${name}`)
})
