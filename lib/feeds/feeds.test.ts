import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { buildAtom } from './atom'
import { FEED_SIZE, getFeed, type FeedPost } from './feed'
import { buildJsonFeed } from './json-feed'
import { buildRss } from './rss'

const site = {
  name: 'Backend Playbook',
  description: 'A blog about <backend> engineering & more.',
  url: 'https://example.com',
  language: 'en-GB',
  author: { name: 'The team' },
}

const trickyBody = `import { Callout } from './callout'
export const answer = 42

## Heading & \`<stuff>\`

Text with **bold**, a [relative link](/blog/other), an [anchor](#heading--stuff), an
![diagram](/images/diagram.png), <kbd title="Control" onClick="alert(1)">Ctrl</kbd> and an expression {1 + 1}.

<Callout type="warning" onClick="alert(1)">
Inside a **callout**.
</Callout>

<Figure src="/images/flow.png" alt="Request flow" width={800} />

\`\`\`ts
if (a < b && c > d) console.log("]]>")
\`\`\`
`

const tricky: FeedPost = {
  slug: 'tricky',
  title: 'Ampersands & <angle> "quotes" ]]> and a bell\u0007',
  summary: 'Summary with <b>markup</b> & entities.',
  url: '/blog/tricky',
  date: '2026-11-30T00:00:00.000Z',
  updated: '2026-12-02T10:30:00.000Z',
  tags: ['café', 'R&D'],
  body: { raw: trickyBody },
}

// 25 posts, newest first: the tricky one, then 24 plain ones a day apart.
const posts: FeedPost[] = [
  tricky,
  ...Array.from({ length: 24 }, (_, index): FeedPost => {
    const day = String(28 - index).padStart(2, '0')
    return {
      slug: `post-${index}`,
      title: `Post ${index}`,
      summary: `Summary ${index}`,
      url: `/blog/post-${index}`,
      date: `2026-10-${day}T00:00:00.000Z`,
      tags: [],
      body: { raw: `Body of post ${index}.` },
    }
  }),
]

const feed = getFeed(posts, site)
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (_name, jpath) =>
    [
      'rss.channel.item',
      'rss.channel.item.category',
      'feed.link',
      'feed.entry',
      'feed.entry.link',
      'feed.entry.category',
    ].includes(String(jpath)),
})

const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/
const ABSOLUTE = /^https:\/\/example\.com\//

describe('the feed content', () => {
  const html = feed.entries[0]?.html ?? ''

  it('keeps the newest 20 posts, newest first, with absolute URLs', () => {
    expect(FEED_SIZE).toBe(20)
    expect(feed.entries).toHaveLength(20)
    expect(feed.entries[0]?.url).toBe('https://example.com/blog/tricky')
    expect(feed.entries[19]?.url).toBe('https://example.com/blog/post-18')
    expect(feed.updated.toISOString()).toBe('2026-12-02T10:30:00.000Z')
  })

  it('is the full post as HTML, links and images made absolute', () => {
    expect(html).toContain('<h2>Heading &#x26; <code>&#x3C;stuff></code></h2>')
    expect(html).toContain('<strong>bold</strong>')
    expect(html).toContain('<a href="https://example.com/blog/other">relative link</a>')
    expect(html).toContain('<a href="https://example.com/blog/tricky#heading--stuff">anchor</a>')
    expect(html).toContain('<img src="https://example.com/images/diagram.png" alt="diagram">')
    expect(html).toContain('a &#x3C; b &#x26;&#x26; c > d')
  })

  it('keeps the text of MDX components and lower-case elements, and drops code, expressions and handlers', () => {
    expect(html).toContain('<kbd title="Control">Ctrl</kbd>')
    expect(html).toContain('Inside a <strong>callout</strong>.')
    expect(html).toContain('<img src="https://example.com/images/flow.png" alt="Request flow">')
    expect(html).not.toMatch(/<Callout|<Figure|warning|width|800|import \{|export const|answer|1 \+ 1|onclick|alert\(/i)
  })
})

describe('RSS 2.0', () => {
  const xml = buildRss(feed)
  const { rss } = parser.parse(xml)

  it('is well-formed XML with the required channel elements', () => {
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(rss['@version']).toBe('2.0')
    expect(rss.channel.title).toBe('Backend Playbook')
    expect(rss.channel.link).toBe('https://example.com/')
    expect(rss.channel.description).toBe('A blog about <backend> engineering & more.')
    expect(rss.channel.lastBuildDate).toMatch(RFC_822)
    expect(rss.channel['atom:link']).toMatchObject({ '@href': 'https://example.com/feed.xml', '@rel': 'self' })
  })

  it('has items with an absolute link, a permalink guid, an RFC 822 date and the escaped full content', () => {
    expect(rss.channel.item).toHaveLength(20)
    for (const item of rss.channel.item) {
      expect(item.link).toMatch(ABSOLUTE)
      expect(item.guid).toMatchObject({ '#text': item.link, '@isPermaLink': 'true' })
      expect(item.pubDate).toMatch(RFC_822)
    }
    const [first] = rss.channel.item
    expect(first.title).toBe('Ampersands & <angle> "quotes" ]]> and a bell')
    expect(new Date(first.pubDate).toISOString()).toBe('2026-11-30T00:00:00.000Z')
    expect(first.description).toBe('Summary with <b>markup</b> & entities.')
    expect(first['content:encoded']).toBe(feed.entries[0]?.html)
    expect(first.category).toEqual(['café', 'R&D'])
  })
})

describe('Atom 1.0', () => {
  const xml = buildAtom(feed)
  const atom = parser.parse(xml).feed

  it('is well-formed XML with the required feed elements', () => {
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(atom['@xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(atom.id).toBe('https://example.com/')
    expect(atom.title).toBe('Backend Playbook')
    expect(atom.updated).toBe('2026-12-02T10:30:00.000Z')
    expect(atom.author.name).toBe('The team')
    expect(atom.link).toContainEqual(
      expect.objectContaining({ '@rel': 'self', '@href': 'https://example.com/atom.xml' }),
    )
  })

  it('has entries with a permanent id, RFC 3339 dates, an alternate link and HTML content', () => {
    expect(atom.entry).toHaveLength(20)
    for (const entry of atom.entry) {
      expect(entry.id).toMatch(ABSOLUTE)
      expect(entry.updated).toMatch(RFC_3339)
      expect(entry.published).toMatch(RFC_3339)
      expect(entry.link[0]).toMatchObject({ '@rel': 'alternate', '@href': entry.id })
    }
    const [first] = atom.entry
    expect(first.title).toBe('Ampersands & <angle> "quotes" ]]> and a bell')
    expect(first.published).toBe('2026-11-30T00:00:00.000Z')
    expect(first.updated).toBe('2026-12-02T10:30:00.000Z')
    expect(first.content).toMatchObject({ '@type': 'html', '#text': feed.entries[0]?.html })
    expect(first.category.map((category: Record<string, string>) => category['@term'])).toEqual(['café', 'R&D'])
  })
})

describe('JSON Feed 1.1', () => {
  const json = JSON.parse(buildJsonFeed(feed))

  it('has the version, title and absolute feed and home URLs', () => {
    expect(json).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Backend Playbook',
      home_page_url: 'https://example.com/',
      feed_url: 'https://example.com/feed.json',
      language: 'en-GB',
      authors: [{ name: 'The team' }],
    })
  })

  it('has items with a unique string id, an absolute URL, RFC 3339 dates and HTML content', () => {
    expect(json.items).toHaveLength(20)
    expect(new Set(json.items.map((item: { id: string }) => item.id)).size).toBe(20)
    for (const item of json.items) {
      expect(typeof item.id).toBe('string')
      expect(item.url).toMatch(ABSOLUTE)
      expect(item.date_published).toMatch(RFC_3339)
      expect(item.date_modified).toMatch(RFC_3339)
      expect(typeof item.content_html).toBe('string')
    }
    expect(json.items[0]).toMatchObject({
      title: tricky.title,
      date_published: '2026-11-30T00:00:00.000Z',
      date_modified: '2026-12-02T10:30:00.000Z',
      content_html: feed.entries[0]?.html,
      tags: ['café', 'R&D'],
    })
  })
})

describe('an empty blog', () => {
  it('still gives valid feeds', () => {
    const empty = getFeed([], site)
    expect(XMLValidator.validate(buildRss(empty))).toBe(true)
    expect(XMLValidator.validate(buildAtom(empty))).toBe(true)
    expect(JSON.parse(buildJsonFeed(empty)).items).toEqual([])
  })
})
