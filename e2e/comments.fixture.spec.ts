import { expect, test } from './fixtures'
import { commentForm, commentsSection, unique } from './support/comments'

// The fixture site has a post whose slug is not ASCII: the no-JavaScript form's redirect after a
// stored comment must be a percent-encoded address (a Location header is bytes), and land.
test.use({ javaScriptEnabled: false })

test('without JavaScript, a comment on a post with a non-ASCII slug redirects to its percent-encoded address', async ({
  page,
}) => {
  const path = '/blog/d%C3%A9j%C3%A0-vu'
  await page.goto(path)
  const name = unique('Déjà')
  const form = commentForm(page)
  await form.getByLabel('Name').fill(name)
  await form.getByLabel('Comment').fill('Vu, déjà.')
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    form.getByRole('button', { name: 'Post comment' }).click(),
  ])
  expect(response.status()).toBe(303)
  expect(response.headers().location).toMatch(/^\/blog\/d%C3%A9j%C3%A0-vu#comment-\d+$/)
  await expect(commentsSection(page).getByRole('article', { name })).toBeVisible()
})
