import { expect, test } from './fixtures'
import { XMLParser, XMLValidator } from 'fast-xml-parser'

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' })
const posts = ['/blog/designing-a-rest-api-that-lasts', '/blog/what-is-backend-engineering']

test('every page announces the RSS, Atom and JSON feeds in its head', async ({ page }) => {
  for (const path of ['/', posts[0] ?? '', '/tags', '/archive']) {
    await page.goto(path)
    const head = page.locator('head')
    await expect(head.locator('link[rel="alternate"][type="application/rss+xml"]'), path).toHaveAttribute('href', /^https?:\/\/.+\/feed\.xml$/)
    await expect(head.locator('link[rel="alternate"][type="application/atom+xml"]'), path).toHaveAttribute('href', /\/atom\.xml$/)
    await expect(head.locator('link[rel="alternate"][type="application/feed+json"]'), path).toHaveAttribute('href', /\/feed\.json$/)
  }
})

test('the RSS feed is served as RSS and carries every post with its full text', async ({ request }) => {
  const response = await request.get('/feed.xml')
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toBe('application/rss+xml; charset=utf-8')
  const xml = await response.text()
  expect(XMLValidator.validate(xml)).toBe(true)
  const items = parser.parse(xml).rss.channel.item
  expect(items.map((item: { link: string }) => new URL(item.link).pathname)).toEqual(posts)
  // Full content, not just the summary: a heading from deep inside the REST post.
  expect(items[0]['content:encoded']).toContain('<h2>Idempotency for POST</h2>')
})

test('the Atom feed is served as Atom', async ({ request }) => {
  const response = await request.get('/atom.xml')
  expect(response.headers()['content-type']).toBe('application/atom+xml; charset=utf-8')
  const xml = await response.text()
  expect(XMLValidator.validate(xml)).toBe(true)
  const { feed } = parser.parse(xml)
  expect(feed.entry.map((entry: { id: string }) => new URL(entry.id).pathname)).toEqual(posts)
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
