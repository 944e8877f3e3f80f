import AxeBuilder from '@axe-core/playwright'
import type { APIRequestContext, Page } from '@playwright/test'
import { readMailText, startTestSmtpServer } from '../test/support/smtp-server'
import { expect, test } from './fixtures'
import { startProductionServer, type ProductionServer } from '../lib/tooling/production-server.mjs'
import { commentsSection, unique } from './support/comments'
import { realPost } from './support/real-site'

// The real build's server (the fixture posts are in the fixture build only): its newest post.
const { slug } = realPost
const postPath = `/blog/${slug}`

// Moderation from a phone (docs/moderation-from-email.md): a held comment mails its author through a
// real SMTP server; the link in the mail opens the moderation page, and its Approve button publishes
// the comment on the post's page. The site runs on its own production server with SMTP configured.

// Serial, on one server of its own; each step renders a request-time page on a busy machine.
test.describe.configure({ mode: 'serial', timeout: 90_000 })

const password = 'correct horse battery staple'
let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>
let server: ProductionServer

test.beforeAll(async () => {
  test.setTimeout(200_000)
  smtp = await startTestSmtpServer()
  // A free port and a fresh PGlite folder of its own (the launcher's defaults).
  server = await startProductionServer({
    SMTP_URL: smtp.url,
    COMMENT_NOTIFY_EMAIL: 'author@example.com',
    COMMENT_NOTIFY_FROM: 'blog@example.com',
    MODERATION_SECRET: 's'.repeat(40),
    ADMIN_PASSWORD: password,
    COMMENT_RATE_LIMIT: '1000',
  })
})

test.afterAll(async () => {
  await server?.stop()
  await smtp?.close()
})

/**
 * Posts a comment with a link (held under the default COMMENT_MODERATION=links); returns its id and the
 * mail about it.
 */
async function postHeldComment(request: APIRequestContext, body: string) {
  const mail = smtp.next()
  const response = await request.post(`${server.url}/api/comments`, { data: { slug, name: 'Phone Tester', body } })
  expect(response.status()).toBe(202)
  const { comment } = (await response.json()) as { comment: { id: number } }
  return { id: comment.id, mail: readMailText((await mail).raw) }
}

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze()
  expect(
    violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([])
}

const linkAfter = (text: string, label: string) => new RegExp(`^${label}: (\\S+)$`, 'm').exec(text)?.[1] ?? ''

test('the e-mail about a held comment links to a page whose Approve button publishes it', async ({ page, request }) => {
  const body = unique('Read https://spam.example/offer now')
  const { id, mail } = await postHeldComment(request, body)
  expect(mail.subject).toBe(`Comment ${id} awaits moderation: ${realPost.title}`)
  expect(mail.text).toContain(`> ${body}`)
  const review = linkAfter(mail.text, 'Review it \\(approve, delete or mark as spam\\)')
  expect(new URL(review).pathname).toBe(`/moderate/${id}`)

  // A mail scanner opening every link changes nothing.
  for (const label of ['Approve', 'Delete', 'Spam'])
    expect((await request.get(linkAfter(mail.text, label))).status()).toBe(200)

  const response = await page.goto(review)
  expect(response?.status()).toBe(200)
  expect(response?.headers()['cache-control']).toContain('no-store')
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/)
  await expect(page.getByRole('heading', { level: 1, name: 'Moderate a comment' })).toBeVisible()
  await expect(page.getByText('Held: readers do not see it yet.')).toBeVisible()
  await expect(page.getByText(body)).toBeVisible()
  await expect(page.getByRole('link', { name: realPost.title })).toHaveAttribute('href', postPath)
  await expectNoAxeViolations(page)
  await expect(page.getByRole('article').getByRole('listitem')).toHaveText([/https:\/\/spam\.example\/offer/])

  // By keyboard: focus the button and press Enter.
  await page.getByRole('button', { name: 'Approve' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status')).toHaveText(`Done: comment ${id} is now published.`)
  await expect(page.getByText('Published: readers see it under the post.')).toBeVisible()

  await page.goto(`${server.url}${postPath}`)
  await expect(commentsSection(page).getByText(body)).toBeVisible()
})

test('a one-action link offers only its action; a tampered or foreign link shows the not-found page', async ({
  page,
  request,
}) => {
  const { id, mail } = await postHeldComment(request, unique('Spam at https://spam.example/cheap'))
  const review = new URL(linkAfter(mail.text, 'Review it \\(approve, delete or mark as spam\\)'))
  const [expiry, scope] = (review.searchParams.get('token') ?? '').split('.')
  const forged = new URL(review)
  forged.searchParams.set('token', `${Number(expiry) + 86400}.${scope}.${'A'.repeat(43)}`)
  const otherComment = new URL(review)
  otherComment.pathname = `/moderate/${id - 1}`
  // proxy.ts answers these before the page renders: the not-found page, with a real 404, and nothing
  // of the comment.
  for (const url of [
    forged.href,
    otherComment.href,
    `${server.url}/moderate/${id}?token=nope`,
    `${server.url}/moderate/${id}`,
  ]) {
    expect((await page.goto(url))?.status(), url).toBe(404)
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
    await expect(page.getByRole('button', { name: /Approve|Delete|Spam/ })).toHaveCount(0)
  }

  await page.goto(linkAfter(mail.text, 'Spam'))
  await expect(page.getByRole('article').getByRole('button')).toHaveText(['Spam'])
  await page.getByRole('button', { name: 'Spam' }).click()
  await expect(page.getByRole('status')).toHaveText(`Done: comment ${id} is now spam.`)
})

test('the admin queue needs the password, lists held comments and deletes one', async ({ page, request }) => {
  const body = unique('Queue me https://spam.example/q')
  const { id } = await postHeldComment(request, body)
  const response = await page.goto(`${server.url}/admin/comments`)
  expect(response?.headers()['cache-control']).toContain('no-store')
  await expect(page.getByRole('heading', { name: 'Sign in to moderate comments' })).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByLabel('Password').fill('not the password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'That password is not right.' })).toBeVisible()

  await page.getByLabel('Password').fill(password)
  await page.getByLabel('Password').press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: /^Held comments/ })).toBeVisible()
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name === 'admin-session')
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' })
  const item = page.getByRole('article', { name: `Comment ${id} by Phone Tester` })
  await expect(item.getByText(body)).toBeVisible()
  await item.getByRole('button', { name: 'Delete' }).click()
  await expect(page.getByRole('status')).toHaveText(`Done: comment ${id} is now deleted.`)
  await expect(page.getByRole('article', { name: `Comment ${id} by Phone Tester` })).toHaveCount(0)

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'You are signed out.' })).toBeVisible()
})

test('a moderation POST from another origin is refused', async ({ request }) => {
  const { id, mail } = await postHeldComment(request, unique('Cross https://spam.example/x'))
  const token = new URL(linkAfter(mail.text, 'Approve')).searchParams.get('token') ?? ''
  const forged = await request.post(`${server.url}/api/moderation/${id}`, {
    form: { action: 'approve', token },
    headers: { origin: 'https://evil.example' },
  })
  expect(forged.status()).toBe(403)
  const withoutOrigin = await request.post(`${server.url}/api/moderation/${id}`, { form: { action: 'approve', token } })
  expect(withoutOrigin.status()).toBe(403)
})
