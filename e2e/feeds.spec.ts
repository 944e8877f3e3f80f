import { expect, test } from './fixtures'
import { XMLParser, XMLValidator } from 'fast-xml-parser'

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' })
// The fixture site's newest post, and its two long articles.
const newest = '/blog/series-administration'
const posts = ['/blog/apis-that-last', '/blog/a-tour-of-the-backend']

test('every page announces the RSS, Atom and JSON feeds in its head', async ({ page }) => {
  for (const path of ['/', posts[0] ?? '', '/tags', '/archive']) {
    await page.goto(path)
    const head = page.locator('head')
    await expect(head.locator('link[rel="alternate"][type="application/rss+xml"]'), path).toHaveAttribute(
      'href',
      /^https?:\/\/.+\/feed\.xml$/,
    )
    await expect(head.locator('link[rel="alternate"][type="application/atom+xml"]'), path).toHaveAttribute(
      'href',
      /\/atom\.xml$/,
    )
    await expect(head.locator('link[rel="alternate"][type="application/feed+json"]'), path).toHaveAttribute(
      'href',
      /\/feed\.json$/,
    )
  }
})

test('the RSS feed is served as RSS and carries every post with its full text', async ({ request }) => {
  const response = await request.get('/feed.xml')
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toBe('application/rss+xml; charset=utf-8')
  const xml = await response.text()
  expect(XMLValidator.validate(xml)).toBe(true)
  const items = parser.parse(xml).rss.channel.item
  const paths = items.map((item: { link: string }) => new URL(item.link).pathname)
  expect(paths[0]).toBe(newest)
  expect(paths.filter((path: string) => posts.includes(path))).toEqual(posts)
  expect(paths).not.toContain('/blog/draft-post')
  // Full content, not just the summary: a heading from deep inside the REST post.
  expect(items[paths.indexOf(posts[0])]['content:encoded']).toContain('<h2>Idempotency for POST</h2>')
})

test('the Atom feed is served as Atom', async ({ request }) => {
  const response = await request.get('/atom.xml')
  expect(response.headers()['content-type']).toBe('application/atom+xml; charset=utf-8')
  const xml = await response.text()
  expect(XMLValidator.validate(xml)).toBe(true)
  const { feed } = parser.parse(xml)
  const paths = feed.entry.map((entry: { id: string }) => new URL(entry.id).pathname)
  expect(paths[0]).toBe(newest)
  expect(paths.filter((path: string) => posts.includes(path))).toEqual(posts)
})

test('the JSON feed is served as a JSON Feed 1.1 whose links lead to the posts', async ({ request }) => {
  const response = await request.get('/feed.json')
  expect(response.headers()['content-type']).toBe('application/feed+json; charset=utf-8')
  const feed = await response.json()
  expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
  for (const item of feed.items) {
    const { pathname } = new URL(item.url)
    expect((await request.get(pathname)).status(), pathname).toBe(200)
  }
})
