import { expect, test } from './fixtures'
import { XMLParser } from 'fast-xml-parser'

const post = { path: '/blog/a-tour-of-the-backend', title: 'A tour of the backend' }

test('the sitemap lists the home page, the tags and every post, with absolute URLs', async ({ request }) => {
  const response = await request.get('/sitemap.xml')
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toContain('xml')
  const { urlset } = new XMLParser().parse(await response.text())
  const paths = urlset.url.map((entry: { loc: string }) => {
    expect(entry.loc).toMatch(/^https?:\/\//)
    return new URL(entry.loc).pathname
  })
  expect(paths).toEqual(
    expect.arrayContaining(['/', '/archive', '/tags', '/tags/api', post.path, '/blog/apis-that-last']),
  )
})

test('robots.txt allows crawling and points at the sitemap', async ({ request }) => {
  const text = await (await request.get('/robots.txt')).text()
  expect(text).toContain('User-Agent: *')
  expect(text).toContain('Allow: /')
  expect(text).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m)
})

test('a post describes itself as a BlogPosting in JSON-LD', async ({ page }) => {
  await page.goto(post.path)
  const scripts = page.locator('script[type="application/ld+json"]')
  await expect(scripts).toHaveCount(1)
  const data = JSON.parse((await scripts.textContent()) ?? '')
  expect(data).toMatchObject({ '@context': 'https://schema.org', '@type': 'BlogPosting', headline: post.title })
  expect(new URL(data.url).pathname).toBe(post.path)
})

test('a post’s Open Graph image is a 1200×630 PNG generated for it', async ({ page, request }) => {
  await page.goto(post.path)
  const imageUrl = await page.locator('meta[property="og:image"]').getAttribute('content')
  expect(imageUrl).toMatch(/^https?:\/\/.+\/blog\/a-tour-of-the-backend\/opengraph-image/)
  await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute('content', '1200')

  const { pathname, search } = new URL(imageUrl ?? '')
  const response = await request.get(pathname + search)
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toBe('image/png')
  const png = await response.body()
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630])
})
