import { once } from 'node:events'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startProductionServer } from '../lib/tooling/production-server.mjs'
import { realPostSlug } from './support/real-site'
import { expect, test } from './fixtures'
import {
  commentForm,
  commentsSection,
  createComment,
  fillCommentForm,
  listComments,
  postPath,
  unique,
  waitForHydratedForm,
} from './support/comments'

test('a posted comment appears without a reload, is focused, and is in the server HTML after a reload', async ({
  page,
  request,
}) => {
  const name = unique('Reader')
  const body = `First line\nSecond line of ${name}`
  const form = await fillCommentForm(page, name, body)
  await expect(form.getByText(`${[...body].length} / 5,000 characters`)).toBeVisible()
  await form.getByRole('button', { name: 'Post comment' }).click()

  await expect(form.getByRole('status')).toHaveText('Your comment was published.')
  const article = commentsSection(page).getByRole('article', { name })
  await expect(article).toBeFocused()
  await expect(article.locator('p')).toHaveText(body)
  await expect(article.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/)
  await expect(form.getByLabel('Comment')).toHaveValue('')
  await expect(form.getByLabel('Name')).toHaveValue(name)

  // Readers without JavaScript get it in the HTML itself.
  const html = await (await request.get(postPath)).text()
  expect(html).toContain(`Second line of ${name}`)
  await page.reload()
  await expect(commentsSection(page).getByRole('heading', { level: 2 })).toHaveText(/^\d+ comments?$/)
  await expect(commentsSection(page).getByRole('article', { name })).toBeVisible()
})

test('a reply is posted under its comment, indented in its replies list', async ({ page, request }) => {
  const parentName = unique('Parent')
  const parent = await createComment(request, { name: parentName, body: 'Start a thread' })
  await page.goto(postPath)
  await waitForHydratedForm(page)
  await page.getByRole('link', { name: `Reply to ${parentName}` }).click()
  const form = commentForm(page)
  await expect(form).toContainText(`Replying to ${parentName}.`)
  await expect(form.getByLabel('Comment')).toBeFocused()
  const replyName = unique('Replier')
  await form.getByLabel('Name').fill(replyName)
  await form.getByLabel('Comment').fill('A reply')
  await form.getByRole('button', { name: 'Post comment' }).click()

  const thread = commentsSection(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('article', { name: parentName }) })
  await expect(thread.getByRole('list', { name: 'Replies' }).getByRole('article', { name: replyName })).toBeVisible()
  await expect(form).not.toContainText('Replying to')
  expect((await listComments(request)).find((c) => c.name === replyName)?.parentId).toBe(parent.id)
})

test('a comment can be written and sent with the keyboard alone', async ({ page }) => {
  const name = unique('Keyboard')
  await page.goto(`${postPath}#comment-form`)
  // Typed before hydration, the first letters can be replaced by the restored draft name.
  await waitForHydratedForm(page)
  await commentForm(page).getByLabel('Name').focus()
  await page.keyboard.type(name)
  // The Write / Preview buttons sit above the text box, as in the tab order.
  await page.keyboard.press('Tab')
  await expect(commentForm(page).getByRole('button', { name: 'Write' })).toBeFocused()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(commentForm(page).getByLabel('Comment')).toBeFocused()
  await page.keyboard.type('Typed without a mouse.')
  await page.keyboard.press('Tab')
  await expect(commentForm(page).getByRole('button', { name: 'Post comment' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(commentsSection(page).getByRole('article', { name })).toBeFocused()
})

test('a double click makes one comment', async ({ page, request }) => {
  const name = unique('Double')
  const form = await fillCommentForm(page, name, 'Clicked twice')
  await form.getByRole('button', { name: 'Post comment' }).dblclick()
  await expect(commentsSection(page).getByRole('article', { name })).toHaveCount(1)
  expect((await listComments(request)).filter((c) => c.name === name)).toHaveLength(1)
})

test('while posting, the button reads "Posting…" and is disabled; a server error keeps the text', async ({
  page,
  request,
}) => {
  const name = unique('Unlucky')
  let release: () => void = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/api/comments', async (route) => {
    if (route.request().method() !== 'POST') return route.continue()
    await released
    await route.fulfill({ status: 500, contentType: 'text/html', body: '<h1>Internal Server Error</h1>' })
  })
  const form = await fillCommentForm(page, name, 'Please do not lose me')
  await form.getByRole('button', { name: 'Post comment' }).click()
  await expect(form.getByRole('button', { name: 'Posting…' })).toBeDisabled()
  release()

  await expect(form.getByRole('status')).toContainText('Your comment was not posted')
  await expect(form.getByLabel('Name')).toHaveValue(name)
  await expect(form.getByLabel('Comment')).toHaveValue('Please do not lose me')
  await expect(form.getByRole('button', { name: 'Post comment' })).toBeEnabled()

  // The draft also survives a reload (localStorage), and nothing was stored.
  await page.unroute('**/api/comments')
  await page.reload()
  await expect(commentForm(page).getByLabel('Comment')).toHaveValue('Please do not lose me')
  expect((await listComments(request)).some((c) => c.name === name)).toBe(false)
})

test('a 503 and field errors are shown next to the fields and in the live region, text kept', async ({ page }) => {
  await page.route('**/api/comments', (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({
          status: 503,
          headers: { 'retry-after': '30' },
          json: { error: 'Comments are unavailable right now. Please try again later.', code: 'unavailable' },
        })
      : route.continue(),
  )
  await page.goto(postPath)
  await waitForHydratedForm(page)
  const form = commentForm(page)
  await form.getByRole('button', { name: 'Post comment' }).click()
  await expect(form.getByLabel('Name')).toHaveAccessibleDescription('Enter your name.')
  await expect(form.getByRole('status')).toContainText('Write a comment.')

  await form.getByLabel('Name').fill('Ada')
  await form.getByLabel('Comment').fill('Kept through a 503')
  await form.getByRole('button', { name: 'Post comment' }).click()
  await expect(form.getByRole('status')).toContainText('Comments are unavailable right now.')
  await expect(form.getByLabel('Comment')).toHaveValue('Kept through a 503')
})

test('the webhook is called after a comment is stored', async ({ page }) => {
  // A server of its own: the shared one's address for the webhook is fixed before any test runs,
  // and the receiver listens on a port the system chooses.
  test.setTimeout(300_000)
  const received: unknown[] = []
  const receiver = createServer((req, res) => {
    let text = ''
    req.on('data', (chunk: Buffer) => (text += chunk))
    req.on('end', () => {
      received.push(JSON.parse(text))
      res.writeHead(204).end()
    })
  })
  receiver.listen(0, '127.0.0.1')
  await once(receiver, 'listening')
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`
  const server = await startProductionServer({ COMMENT_WEBHOOK_URL: hook, COMMENT_WEBHOOK_TIMEOUT_MS: '2000' })
  try {
    const name = unique('Hooked')
    // The real build's server: a real post (the fixture posts are in the fixture build only).
    await page.goto(`${server.url}/blog/${realPostSlug}`)
    await waitForHydratedForm(page)
    const form = commentForm(page)
    await form.getByLabel('Name').fill(name)
    await form.getByLabel('Comment').fill('Tell the moderators')
    await form.getByRole('button', { name: 'Post comment' }).click()
    await expect(commentsSection(page).getByRole('article', { name })).toBeVisible()
    await expect
      .poll(() => received.find((hook) => JSON.stringify(hook).includes(name)))
      .toMatchObject({ event: 'comment.created', comment: { name, body: 'Tell the moderators', status: 'published' } })
  } finally {
    await server.stop()
    await new Promise((resolve) => receiver.close(resolve))
  }
})

test('a comment with a link is held: the form says it awaits moderation and the list does not show it', async ({
  page,
  request,
}) => {
  const name = unique('Linker')
  const form = await fillCommentForm(page, name, 'My write-up: https://example.com/post')
  await form.getByRole('button', { name: 'Post comment' }).click()
  await expect(form.getByRole('status')).toHaveText('Thanks! Your comment is awaiting moderation.')
  await expect(form.getByLabel('Comment')).toHaveValue('')
  await expect(commentsSection(page).getByRole('article', { name })).toHaveCount(0)
  expect((await listComments(request)).some((c) => c.name === name)).toBe(false)
})

test('a crafted address with form state in its query neither fills the form nor touches the saved draft', async ({
  page,
}) => {
  await page.goto(postPath)
  await waitForHydratedForm(page)
  await commentForm(page).getByLabel('Name').fill('Me')
  await commentForm(page).getByLabel('Comment').fill('My own draft')
  const draftKey = `comment-draft:${postPath.split('/').pop()}`
  const saved = await page.evaluate((key) => localStorage.getItem(key), draftKey)
  expect(saved).toContain('My own draft')

  await page.goto(`${postPath}?name=Mallory&body=Visit%20evil.example&error=rate-limited&comment=published&replyTo=1`)
  await waitForHydratedForm(page)
  const form = commentForm(page)
  await expect(form.getByLabel('Name')).toHaveValue('Me')
  await expect(form.getByLabel('Comment')).toHaveValue('My own draft')
  await expect(form.getByRole('status')).toHaveText('')
  await expect(form).not.toContainText('Replying to')
  expect(await page.evaluate((key) => localStorage.getItem(key), draftKey)).toBe(saved)
})
