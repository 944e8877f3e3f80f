import { expect, test } from './fixtures'
import { commentsSection, listComments, postPath, slug, unique } from './support/comments'
import { xss } from './support/xss-corpus'

test('an XSS corpus in names and Markdown bodies shows as text: no script runs and no element is injected', async ({
  page,
  request,
}) => {
  const marker = unique('xss')
  for (const [index, payload] of xss.entries()) {
    const response = await request.post('/api/comments', {
      data: {
        slug,
        name: `${payload}`.slice(0, 60),
        body: `${marker} ${index}\n${payload}`,
        idempotencyKey: `${marker.replace(' ', '-')}-${index}`,
      },
    })
    // Payloads with "links" (javascript:) may be held for moderation; approve none, check the published ones.
    expect([201, 202]).toContain(response.status())
  }
  const published = (await listComments(request)).filter((c) => c.body?.startsWith(marker))
  expect(published.length).toBeGreaterThanOrEqual(8)

  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await page.goto(postPath)
  const section = commentsSection(page)
  for (const comment of published) {
    const article = section.locator(`#comment-${comment.id}`)
    await expect(article.getByRole('heading')).toHaveText(comment.name ?? '')
    // The body is Markdown now: raw HTML shows as typed, entities as their characters.
    await expect(article).toContainText(comment.body?.split('\n')[0] ?? '')
  }
  // Only the elements the page itself renders: no script, image, frame, svg, style, math or table from a comment.
  await expect(section.locator('script, img, iframe, svg, style, math, table, mglyph')).toHaveCount(0)
  await expect(section.locator('a[href^="javascript:"]')).toHaveCount(0)
  expect(await page.evaluate(() => (window as Window & { __xss?: number }).__xss)).toBeUndefined()
  expect(dialogs).toEqual([])
  await expect(page.locator('body')).toBeVisible()
})

test('a form posted from another site is refused with 403 and stores nothing', async ({ page, request, baseURL }) => {
  const name = unique('CrossSite')
  // An attacker's page on another origin, served by Playwright (no network involved).
  await page.route('http://attacker.test/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body:
        `<form method="post" action="${baseURL}/api/comments">\n` +
        `        <input name="slug" value="${slug}"><input name="name" value="${name}">` +
        '<input name="body" value="Posted by another site">\n' +
        '        <button>Send</button></form>',
    }),
  )
  await page.goto('http://attacker.test/')
  const [response] = await Promise.all([
    page.waitForResponse(`${baseURL}/api/comments`),
    page.getByRole('button', { name: 'Send' }).click(),
  ])
  expect(response.status()).toBe(403)
  expect(response.headers()['location']).toBeUndefined()
  expect((await listComments(request)).some((c) => c.name === name)).toBe(false)
})

test('the API contract on the real server: 405 with Allow, no CORS headers, 413 on an oversized body', async ({
  request,
}) => {
  const put = await request.put('/api/comments', { data: {} })
  expect(put.status()).toBe(405)
  expect(put.headers()['allow']).toBe('GET, HEAD, POST, OPTIONS')
  const get = await request.get(`/api/comments?slug=${slug}`, { headers: { origin: 'https://elsewhere.example' } })
  expect(get.headers()['cache-control']).toBe('no-store')
  expect(Object.keys(get.headers()).filter((header) => header.startsWith('access-control-'))).toEqual([])
  const big = await request.post('/api/comments', {
    headers: { 'content-type': 'application/json' },
    data: JSON.stringify({ slug, name: 'A', body: 'x'.repeat(70_000) }),
  })
  expect(big.status()).toBe(413)
})

// What the server sends, not how the build stores it: the build's files are Next.js's business.
test('the post page is served whole from the cache, with its comments and form, never the build placeholder', async ({
  request,
}) => {
  await request.get(postPath)
  const cached = await request.get(postPath)
  expect(cached.headers()['x-nextjs-cache']).toBe('HIT')
  expect(cached.headers()['x-nextjs-postponed']).toBeUndefined()
  // A CDN in front keeps it for a minute, not the cache's 30 days; a browser always asks again.
  expect(cached.headers()['cache-control']).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=60')
  const html = await cached.text()
  expect(html).toContain('Why it matters')
  expect(html).toContain('id="comment-form"')
  // The build's placeholder for the comments, whose cache life is one second, is never served.
  expect(html).not.toContain('Comments are on their way')
})
