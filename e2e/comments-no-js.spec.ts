import { expect, test } from './fixtures'
import { commentForm, commentsSection, createComment, listComments, postPath, unique } from './support/comments'

test.use({ javaScriptEnabled: false })

test('without JavaScript, the comments are in the page and the form posts with a 303 back to the new comment', async ({ page }) => {
  const name = unique('NoScript')
  await page.goto(postPath)
  await expect(commentsSection(page).getByRole('heading', { level: 2 })).toHaveText(/^(\d+ comments?)$/)
  const form = commentForm(page)
  await form.getByLabel('Name').fill(name)
  await form.getByLabel('Comment').fill('Line one\nLine two')
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/comments') && r.request().method() === 'POST'),
    form.getByRole('button', { name: 'Post comment' }).click(),
  ])
  expect(response.status()).toBe(303)
  await expect(page).toHaveURL(new RegExp(`${postPath}\\?comment=published#comment-\\d+$`))
  await expect(commentForm(page).getByRole('status')).toHaveText('Your comment was published.')
  await expect(commentsSection(page).getByRole('article', { name }).locator('p')).toHaveText('Line one\nLine two')
})

test('without JavaScript, an error comes back next to its field with the text kept', async ({ page, request }) => {
  const name = unique('TooLong')
  await page.goto(postPath)
  const form = commentForm(page)
  await form.getByLabel('Name').fill(name)
  await form.getByLabel('Comment').fill('x'.repeat(5001))
  await form.getByRole('button', { name: 'Post comment' }).click()
  await expect(page).toHaveURL(/\?error=body-too-long.*#comment-form$/)
  await expect(commentForm(page).getByLabel('Comment')).toHaveAccessibleDescription(/Use at most 5,000 characters\./)
  await expect(commentForm(page).getByLabel('Comment')).toHaveValue('x'.repeat(5001))
  await expect(commentForm(page).getByLabel('Name')).toHaveValue(name)
  expect((await listComments(request)).some((c) => c.name === name)).toBe(false)
})

test('without JavaScript, Reply leads to the form in reply mode and the reply lands under its parent', async ({ page, request }) => {
  const parentName = unique('NoJsParent')
  const parent = await createComment(request, { name: parentName, body: 'Reply to me without scripts' })
  await page.goto(postPath)
  await page.getByRole('link', { name: `Reply to ${parentName}` }).click()
  await expect(page).toHaveURL(new RegExp(`replyTo=${parent.id}#comment-form$`))
  const form = commentForm(page)
  await expect(form).toContainText(`Replying to ${parentName}.`)
  const name = unique('NoJsReply')
  await form.getByLabel('Name').fill(name)
  await form.getByLabel('Comment').fill('Replied')
  await form.getByRole('button', { name: 'Post comment' }).click()
  await expect(page).toHaveURL(/\?comment=published#comment-\d+$/)
  expect((await listComments(request)).find((c) => c.name === name)?.parentId).toBe(parent.id)
})
