import { expect, type APIRequestContext, type Page } from '@playwright/test'

/** A post of the fixture site (test/fixtures/content/site), where the comment tests run. */
export const slug = 'a-tour-of-the-backend'
export const postPath = `/blog/${slug}`

/** A text no other test (or retry) uses, so assertions find exactly this test's comment. */
export const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`

/** The comments under the post: a region named by its heading ("Comments", "3 comments"). */
export const commentsSection = (page: Page) => page.getByRole('region', { name: /^(comments|\d+ comments?)$/i })
export const commentForm = (page: Page) => page.getByRole('form', { name: 'Post a comment' })

export async function listComments(request: APIRequestContext, forSlug = slug) {
  const response = await request.get(`/api/comments?slug=${forSlug}`)
  expect(response.status()).toBe(200)
  const { comments } = (await response.json()) as {
    comments: Array<{ id: number; parentId: number | null; name: string | null; body: string | null }>
  }
  return comments
}

export async function createComment(
  request: APIRequestContext,
  fields: { name: string; body: string; parentId?: number },
  forSlug = slug,
) {
  const response = await request.post('/api/comments', { data: { slug: forSlug, ...fields } })
  expect(response.status()).toBe(201)
  return ((await response.json()) as { comment: { id: number } }).comment
}

/**
 * Resolves once React has hydrated the comment form (it sets `data-hydrated`). A click before that
 * is a plain form post (the no-JavaScript path, tested on its own), which the tests of the scripted
 * form must not race into.
 */
export async function waitForHydratedForm(page: Page) {
  await expect(commentForm(page)).toHaveAttribute('data-hydrated', 'true')
}

/** Opens the post, waits until its form is interactive and fills in a comment; returns the form. */
export async function fillCommentForm(page: Page, name: string, body: string) {
  await page.goto(postPath)
  await waitForHydratedForm(page)
  const form = commentForm(page)
  await form.getByLabel('Name').fill(name)
  await form.getByLabel('Comment').fill(body)
  return form
}
