import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { commentForm, commentsSection, fillCommentForm, postPath, unique } from './support/comments'

const codeComment = (marker: string) =>
  `${marker}: try **this**\n\n` +
  '```ts\nconst answer: number = 42 // checked\nexport function ask() {\n  return answer\n}\n```'

/** The distinct colours of a code block's tokens: one colour means nothing was highlighted. */
async function tokenColours(scope: Locator): Promise<Set<string>> {
  const tokens = scope.locator('pre code [data-line] span')
  await expect(tokens.first()).toBeVisible()
  return new Set(await tokens.evaluateAll((spans) => spans.map((span) => getComputedStyle(span).color)))
}

/** Holds the page refresh the form starts after posting (an RSC request), so only the form can show the comment. */
async function holdRefresh(page: Page): Promise<() => void> {
  let release = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  await page.route(`**${postPath}*`, async (route) => {
    if (route.request().headers()['rsc']) await released
    await route.continue()
  })
  return release
}

test('a fenced code block is highlighted at once after posting, and in the page after a reload', async ({ page }) => {
  const name = unique('Markdown')
  const form = await fillCommentForm(page, name, codeComment(name))
  const releaseRefresh = await holdRefresh(page)
  await form.getByRole('button', { name: 'Post comment' }).click()

  // Shown from the 201 answer's html while the page's refresh is still held.
  const shown = form.getByRole('region', { name: 'Just posted' })
  await expect(shown.getByRole('strong')).toHaveText('this')
  expect((await tokenColours(shown)).size).toBeGreaterThanOrEqual(3)
  await expect(shown.locator('pre')).toContainText('export function ask() {')

  releaseRefresh()
  const article = commentsSection(page).getByRole('article', { name })
  await expect(article).toBeFocused()
  await expect(shown).toBeHidden()

  await page.reload()
  const reloaded = commentsSection(page).getByRole('article', { name })
  await expect(reloaded.locator('pre')).toContainText('const answer: number = 42 // checked')
  expect((await tokenColours(reloaded)).size).toBeGreaterThanOrEqual(3)
  // Not a second text: the raw Markdown is not on the page.
  await expect(reloaded).not.toContainText('```')
})

test('Preview shows the text as the page will, and Write brings the text box back with the text kept', async ({
  page,
}) => {
  const body =
    '*Emphasis* and `code`\n\n- one\n- two\n\n# not a heading\n\n' +
    '[bad](javascript:alert(1)) <img src=x onerror=alert(1)>'
  const form = await fillCommentForm(page, unique('Preview'), body)
  const write = form.getByRole('button', { name: 'Write' })
  const preview = form.getByRole('button', { name: 'Preview' })
  await expect(write).toHaveAttribute('aria-pressed', 'true')

  await preview.click()
  await expect(preview).toHaveAttribute('aria-pressed', 'true')
  const region = form.getByRole('region', { name: 'Preview' })
  await expect(region.getByRole('emphasis')).toHaveText('Emphasis')
  await expect(region.getByRole('listitem')).toHaveText(['one', 'two'])
  await expect(region.getByText('# not a heading')).toBeVisible()
  await expect(region.getByRole('heading')).toHaveCount(0)
  // The javascript: link is its text, and the HTML is shown as typed.
  await expect(region.getByText('bad', { exact: false })).toBeVisible()
  await expect(region.getByRole('link')).toHaveCount(0)
  await expect(region.locator('img, a')).toHaveCount(0)
  await expect(region).toContainText('<img src=x onerror=alert(1)>')
  await expect(form.getByLabel('Comment')).toBeHidden()

  await write.click()
  await expect(region).toBeHidden()
  await expect(form.getByLabel('Comment')).toHaveValue(body)
})

test('Preview says when it fails, and keeps the text', async ({ page }) => {
  const form = await fillCommentForm(page, unique('PreviewDown'), 'Some *text*')
  await page.route('**/api/comments/preview', (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/json',
      body: JSON.stringify({ error: 'Comments are unavailable right now.' }),
    }),
  )
  await form.getByRole('button', { name: 'Preview' }).click()
  await expect(form.getByRole('region', { name: 'Preview' }).getByRole('alert')).toHaveText(
    'The preview could not be shown: Comments are unavailable right now.',
  )
  await form.getByRole('button', { name: 'Write' }).click()
  await expect(form.getByLabel('Comment')).toHaveValue('Some *text*')
})

test('a comment with a javascript: link is held, and the comment shown after posting has no link', async ({ page }) => {
  const name = unique('JsLink')
  const form = await fillCommentForm(page, name, '[click me](javascript:alert(1)) and [ok](https://example.com)')
  await form.getByRole('button', { name: 'Post comment' }).click()
  const shown = form.getByRole('region', { name: 'Just posted, awaiting moderation' })
  await expect(shown).toContainText('click me and ok')
  await expect(shown.getByRole('link')).toHaveCount(1)
  await expect(shown.getByRole('link', { name: 'ok' })).toHaveAttribute('rel', 'nofollow ugc noopener')
  await expect(shown.getByRole('link', { name: 'click me' })).toHaveCount(0)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a posted comment renders as Markdown in the page, with its code highlighted', async ({ page }) => {
    const name = unique('NoScriptMarkdown')
    await page.goto(postPath)
    const form = commentForm(page)
    await expect(form.getByRole('button', { name: 'Preview' })).toHaveCount(0)
    await form.getByLabel('Name').fill(name)
    await form.getByLabel('Comment').fill(codeComment(name))
    await form.getByRole('button', { name: 'Post comment' }).click()
    await expect(page).toHaveURL(new RegExp(`${postPath}#comment-\\d+$`))
    const article = commentsSection(page).getByRole('article', { name })
    await expect(article.getByRole('strong')).toHaveText('this')
    expect((await tokenColours(article)).size).toBeGreaterThanOrEqual(3)
  })
})
