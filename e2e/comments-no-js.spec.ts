import { expect, test } from './fixtures'
import { commentForm, commentsSection, createComment, listComments, unique } from './support/comments'

// A fixture post no other spec comments on: a write from a parallel test re-renders the post on
// demand, and that render carries the request's own address (with any crafted query) in its flight
// data, which the crafted-address test would then find.
const slug = 'apis-that-last'
const postPath = `/blog/${slug}`

// Readers without JavaScript: the comments are in the page's static HTML, and the form posts to its
// Server Action. No outcome and no text ever travels in a URL.
test.use({ javaScriptEnabled: false })

test('without JavaScript, posting lands on the new comment, highlighted, with only its anchor in the address', async ({
  page,
}) => {
  const name = unique('NoScript')
  await page.goto(postPath)
  await expect(commentsSection(page).getByRole('heading', { level: 2 })).toHaveText(/^\d+ comments?$/)
  const form = commentForm(page)
  await form.getByLabel('Name').fill(name)
  await form.getByLabel('Comment').fill('Line one\nLine two')
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(postPath) && r.request().method() === 'POST'),
    form.getByRole('button', { name: 'Post comment' }).click(),
  ])
  expect(response.status()).toBe(303)
  await expect(page).toHaveURL(new RegExp(`${postPath}#comment-\\d+$`))
  const article = commentsSection(page).getByRole('article', { name })
  await expect(article.locator('p')).toHaveText('Line one\nLine two')
  expect(await article.evaluate((element) => element.matches(':target'))).toBe(true)
  await expect(commentForm(page).getByLabel('Comment')).toHaveValue('')
})

test('without JavaScript, a held comment lands on the note that it awaits moderation', async ({ page, request }) => {
  const name = unique('NoScriptHeld')
  await page.goto(postPath)
  await expect(page.getByText('Thanks! Your comment is awaiting moderation.')).toBeHidden()
  const form = commentForm(page)
  await form.getByLabel('Name').fill(name)
  await form.getByLabel('Comment').fill('Read more at www.example.com')
  await form.getByRole('button', { name: 'Post comment' }).click()
  await expect(page).toHaveURL(new RegExp(`${postPath}#comment-pending$`))
  await expect(page.getByText('Thanks! Your comment is awaiting moderation.')).toBeVisible()
  expect((await listComments(request, slug)).some((c) => c.name === name)).toBe(false)
})

test('without JavaScript, a refused comment comes back with every character kept, the errors at their fields', async ({
  page,
  request,
}) => {
  const body = `${'x'.repeat(5001)}\nünïcödé 😀 <b>not markup</b>`
  await page.goto(postPath)
  const form = commentForm(page)
  await form.getByLabel('Comment').fill(body)
  await form.getByRole('button', { name: 'Post comment' }).click()
  await expect(page).toHaveURL(new RegExp(`${postPath}$`))
  await expect(commentForm(page).getByRole('status')).toHaveText(
    'Your comment was not posted: Enter your name. Use at most 5,000 characters.',
  )
  await expect(commentForm(page).getByLabel('Name')).toHaveAccessibleDescription('Enter your name.')
  await expect(commentForm(page).getByLabel('Comment')).toHaveAccessibleDescription(/Use at most 5,000 characters\./)
  await expect(commentForm(page).getByLabel('Comment')).toHaveValue(body)

  // Fixed and sent again from that page: stored, and the text is nowhere in a URL.
  const name = unique('NoScriptRetry')
  await commentForm(page).getByLabel('Name').fill(name)
  await commentForm(page).getByLabel('Comment').fill('Shorter now')
  await commentForm(page).getByRole('button', { name: 'Post comment' }).click()
  await expect(commentsSection(page).getByRole('article', { name })).toBeVisible()
  expect(page.url()).not.toContain('Shorter')
  expect((await listComments(request, slug)).filter((c) => c.name === name)).toHaveLength(1)
})

test('without JavaScript, a reader replies by choosing the comment in the form', async ({ page, request }) => {
  const parentName = unique('NoJsParent')
  const parent = await createComment(request, { name: parentName, body: 'Reply to me without scripts' }, slug)
  await page.goto(postPath)
  await page.getByRole('link', { name: `Reply to ${parentName}` }).click()
  await expect(page).toHaveURL(new RegExp(`${postPath}#comment-form$`))
  const form = commentForm(page)
  await form.getByLabel('Reply to').selectOption({ label: `${parentName}: Reply to me without scripts` })
  const name = unique('NoJsReply')
  await form.getByLabel('Name').fill(name)
  await form.getByLabel('Comment').fill('Replied')
  await form.getByRole('button', { name: 'Post comment' }).click()
  await expect(page).toHaveURL(/#comment-\d+$/)
  const thread = commentsSection(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('article', { name: parentName }) })
  await expect(thread.getByRole('list', { name: 'Replies' }).getByRole('article', { name })).toBeVisible()
  expect((await listComments(request, slug)).find((c) => c.name === name)?.parentId).toBe(parent.id)
})

test('a crafted address with form state in its query changes nothing on the page and stores nothing', async ({
  page,
  request,
}) => {
  // A post nobody comments on: the other tests of this file write to theirs while this one runs, and
  // a page re-rendered on demand carries the request's address (query included) in its flight data.
  const quietSlug = 'fixture-post-19'
  const quietPath = `/blog/${quietSlug}`
  await expect.poll(async () => (await request.get(quietPath)).headers()['x-nextjs-cache']).toBe('HIT')
  const query =
    '?name=Mallory&body=Visit%20evil.example&error=rate-limited&error=body-too-long&comment=published&replyTo=1'
  // The static file, whatever the query says: none of its values is in it.
  const crafted = await request.get(`${quietPath}${query}`)
  expect(crafted.headers()['x-nextjs-cache']).toBe('HIT')
  for (const text of ['Mallory', 'evil.example', 'You are posting too fast', 'Your comment was published'])
    expect(await crafted.text()).not.toContain(text)
  await page.goto(`${quietPath}${query}`)
  const form = commentForm(page)
  await expect(form.getByLabel('Name')).toHaveValue('')
  await expect(form.getByLabel('Comment')).toHaveValue('')
  await expect(form.getByRole('status')).toHaveText('')
  await expect(form).not.toContainText('Replying to')
  await expect(page.getByText('Your comment was published.')).toHaveCount(0)
  expect(
    (await listComments(request, quietSlug)).filter(
      (comment) => comment.name === 'Mallory' || comment.body?.includes('evil.example'),
    ),
  ).toEqual([])
})

test('without JavaScript, the longest comments in any script are posted; one over the limit comes back whole', async ({
  page,
  request,
}) => {
  const post = async (name: string, body: string) => {
    await page.goto(postPath)
    const form = commentForm(page)
    await form.getByLabel('Name').fill(name)
    await form.getByLabel('Comment').fill(body)
    await form.getByRole('button', { name: 'Post comment' }).click()
  }
  const chinese = unique('Chinese')
  await post(chinese, '后端'.repeat(1050))
  await expect(page).toHaveURL(/#comment-\d+$/)
  const emoji = unique('Emoji')
  await post(emoji, '😀'.repeat(5000))
  await expect(page).toHaveURL(/#comment-\d+$/)
  const stored = await listComments(request, slug)
  expect(stored.find((c) => c.name === chinese)?.body).toBe('后端'.repeat(1050))
  expect(stored.find((c) => c.name === emoji)?.body).toBe('😀'.repeat(5000))

  const tooLong = '😀'.repeat(6000)
  await post(unique('TooLongEmoji'), tooLong)
  await expect(commentForm(page).getByLabel('Comment')).toHaveAccessibleDescription(/Use at most 5,000 characters\./)
  await expect(commentForm(page).getByLabel('Comment')).toHaveValue(tooLong)
})
