import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { expect, test } from './fixtures'
import {
  commentForm,
  commentsSection,
  createComment,
  fillCommentForm,
  listComments,
  postPath,
  slug,
  unique,
} from './support/comments'

// Issue 12: a writer edits or deletes their own comment for a while (with JavaScript, from the
// browser that posted it); the post lists show comment counts; /comments.xml lists new comments.
// Every page involved stays a cached file.

test('the writer edits their comment (it shows "edited" after a reload), nobody else can, and then deletes it', async ({
  page,
  browser,
}) => {
  const name = unique('Editor')
  const form = await fillCommentForm(page, name, 'Frist draft.')
  await expect(form).toContainText('With JavaScript on, you can edit or delete your comment from this browser')
  await form.getByRole('button', { name: 'Post comment' }).click()
  await expect(form.getByRole('status')).toHaveText('Your comment was published.')
  const article = commentsSection(page).getByRole('article', { name })
  await expect(article).toContainText(/You can edit or delete it until \d\d:\d\d\./)

  // Keyboard: the Edit button opens the editor with the text, focused; Escape closes it again.
  await article.getByRole('button', { name: 'Edit your comment' }).focus()
  await page.keyboard.press('Enter')
  const editor = article.getByLabel('Edit your comment')
  await expect(editor).toBeFocused()
  await expect(editor).toHaveValue('Frist draft.')
  await page.keyboard.press('Escape')
  await expect(editor).toBeHidden()
  await expect(article.getByRole('button', { name: 'Edit your comment' })).toBeFocused()

  await page.keyboard.press('Enter')
  await editor.fill('   ')
  await article.getByRole('button', { name: 'Save' }).click()
  await expect(article.getByRole('status')).toHaveText('Not saved: Write a comment.')
  await editor.fill('First draft, fixed.')
  await article.getByRole('button', { name: 'Save' }).click()
  await expect(article.getByRole('status')).toHaveText('Your comment was saved.')
  await expect(article.locator('p')).toHaveText('First draft, fixed.')
  await expect(article.getByText('edited', { exact: true })).toBeVisible()

  // In the page's HTML after a reload, for everyone; the buttons only in the browser that posted it.
  await page.reload()
  const reloaded = commentsSection(page).getByRole('article', { name })
  await expect(reloaded.locator('p')).toHaveText('First draft, fixed.')
  await expect(reloaded.getByText('edited', { exact: true })).toBeVisible()
  await expect(reloaded.getByRole('button', { name: 'Delete your comment' })).toBeVisible()
  const stranger = await browser.newPage()
  await stranger.goto(postPath)
  await expect(commentsSection(stranger).getByRole('article', { name }).locator('p')).toHaveText('First draft, fixed.')
  await expect(commentsSection(stranger).getByRole('article', { name }).getByRole('button')).toHaveCount(0)
  await stranger.close()

  page.once('dialog', (dialog) => void dialog.accept())
  await reloaded.getByRole('button', { name: 'Delete your comment' }).click()
  await expect(commentsSection(page).getByRole('article', { name })).toHaveCount(0)
  await page.reload()
  await expect(commentsSection(page).getByRole('article', { name })).toHaveCount(0)
  expect(
    await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('comment-edit:')).length),
  ).toBe(0)
})

test('the API refuses an edit without the secret, with a wrong one, and after a delete', async ({ request }) => {
  const created = await request.post('/api/comments', { data: { slug, name: unique('Api'), body: 'Original.' } })
  const { comment, editSecret } = (await created.json()) as { comment: { id: number }; editSecret: string }
  expect((await request.patch(`/api/comments/${comment.id}`, { data: { body: 'No secret.' } })).status()).toBe(401)
  expect(
    (
      await request.patch(`/api/comments/${comment.id}`, {
        data: { body: 'Wrong.' },
        headers: { authorization: 'Bearer wrong' },
      })
    ).status(),
  ).toBe(403)
  const edited = await request.patch(`/api/comments/${comment.id}`, {
    data: { body: 'Edited.' },
    headers: { authorization: `Bearer ${editSecret}` },
  })
  expect(edited.status()).toBe(200)
  expect((await listComments(request)).find((listed) => listed.id === comment.id)?.body).toBe('Edited.')
  expect(
    (
      await request.delete(`/api/comments/${comment.id}`, { headers: { authorization: `Bearer ${editSecret}` } })
    ).status(),
  ).toBe(204)
  expect(
    (
      await request.delete(`/api/comments/${comment.id}`, { headers: { authorization: `Bearer ${editSecret}` } })
    ).status(),
  ).toBe(404)
})

test("the home page shows a post's comment count; a comment updates it in the background, not on a view", async ({
  page,
  request,
}) => {
  // A post on the home page that no other test comments on: its count changes only here.
  const quiet = 'fixture-post-20'
  const countLink = page.locator(`a[href="/blog/${quiet}#comments"]`)
  const label = (count: number) => (count === 0 ? '(none)' : `${count} comment${count === 1 ? '' : 's'}`)
  const shownCount = async () => ((await countLink.count()) === 0 ? '(none)' : await countLink.textContent())
  const published = async () => (await listComments(request, quiet)).filter((listed) => listed.name !== null).length
  // Every view's cache status, checked once the count has caught up: an assertion inside the poll
  // below would only make it try again, and a MISS would pass unnoticed.
  const statuses: string[] = []
  const view = async () => {
    const response = await page.goto('/')
    statuses.push(response?.headers()['x-nextjs-cache'] ?? '(no header)')
  }
  // The home page has been rendered since the server started (not only prerendered by the build).
  await expect.poll(async () => (await request.get('/')).headers()['x-nextjs-cache']).toBe('HIT')
  const before = await published()
  await view()
  expect(await shownCount()).toBe(label(before))

  await createComment(request, { name: unique('Counter'), body: unique('Counted.') }, quiet)
  expect(await published()).toBe(before + 1)
  await expect
    .poll(async () => {
      await view()
      return shownCount()
    })
    .toBe(label(before + 1))
  // The cached page each time (HIT, or STALE while it renders in the background), never a render on the view.
  expect(statuses.filter((status) => status !== 'HIT' && status !== 'STALE')).toEqual([])
  await countLink.click()
  await expect(page).toHaveURL(new RegExp(`/blog/${quiet}#comments$`))

  // Comments of parallel tests leave the page stale too: once rendered again, it is a HIT.
  let cached = await request.get('/')
  await expect
    .poll(async () => {
      cached = await request.get('/')
      return cached.headers()['x-nextjs-cache']
    })
    .toBe('HIT')
  expect(cached.headers()['x-nextjs-postponed']).toBeUndefined()
  expect(cached.headers()['cache-control']).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=60')
})

test('/comments.xml lists a new comment with its post and a link to it, as Atom, from the cache', async ({
  request,
}) => {
  const name = unique('Feed <&>')
  const comment = await createComment(request, { name, body: 'In the feed & escaped <b>.' })
  const response = await request.get('/comments.xml')
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toBe('application/atom+xml; charset=utf-8')
  const xml = await response.text()
  expect(XMLValidator.validate(xml)).toBe(true)
  expect(xml).toContain(`${postPath}#comment-${comment.id}`)
  expect(xml).toContain(name.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;'))
  const entries = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    isArray: (tag) => tag === 'entry',
  }).parse(xml).feed.entry as Array<{ id: string; content: { '@type': string; '#text': string } }>
  const entry = entries.find((candidate) => candidate.id.endsWith(`#comment-${comment.id}`))
  // The comment as the page shows it: sanitized HTML, where the reader's "<b>" is text, not a tag.
  expect(entry?.content['@type']).toBe('html')
  expect(entry?.content['#text']).toBe('<p>In the feed &#x26; escaped &#x3C;b>.</p>')
  expect(xml).toContain('A tour of the backend')
  // Served from the cache: once any render that a parallel test's comment caused is done, a HIT.
  await expect.poll(async () => (await request.get('/comments.xml')).headers()['x-nextjs-cache']).toBe('HIT')
})

test('without JavaScript the form still says editing needs it, and no Edit button appears', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto(postPath)
  await expect(commentForm(page)).toContainText('With JavaScript on, you can edit or delete your comment')
  await expect(commentsSection(page).getByRole('button', { name: /your comment/ })).toHaveCount(0)
  await context.close()
})
