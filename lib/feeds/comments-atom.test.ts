import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { buildCommentsAtom, type CommentFeed } from './comments-atom'

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (_name, jpath) => ['feed.entry', 'feed.link'].includes(String(jpath)),
})
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

const post = { title: 'Queues & "retries" <explained>', url: 'https://blog.example/blog/queues' }
const feed: CommentFeed = {
  title: 'Comments on Backend Playbook',
  language: 'en-GB',
  homeUrl: 'https://blog.example/',
  selfUrl: 'https://blog.example/comments.xml',
  comments: [
    {
      id: 7,
      name: 'Eve <script>',
      body: '</content><script>alert(1)</script> & \u0007bell\n]]>',
      createdAt: '2026-06-01T12:05:00.000Z',
      editedAt: '2026-06-01T12:09:00.000Z',
      post,
    },
    { id: 3, name: 'Ada', body: 'Plain words.', createdAt: '2026-06-01T12:00:00.000Z', post },
  ],
}

describe('buildCommentsAtom', () => {
  it('is valid XML, with one entry per comment linking to the comment on its post', () => {
    const xml = buildCommentsAtom(feed)
    expect(XMLValidator.validate(xml)).toBe(true)
    const parsed = parser.parse(xml).feed
    expect(parsed['@xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(parsed.id).toBe('https://blog.example/comments.xml')
    expect(parsed.link.map((link: Record<string, string>) => [link['@rel'], link['@href']])).toEqual([
      ['alternate', 'https://blog.example/'],
      ['self', 'https://blog.example/comments.xml'],
    ])
    expect(parsed.updated).toBe('2026-06-01T12:09:00.000Z')
    expect(parsed.entry.map((entry: Record<string, unknown>) => entry.id)).toEqual([
      'https://blog.example/blog/queues#comment-7',
      'https://blog.example/blog/queues#comment-3',
    ])
    const [edited, plain] = parsed.entry
    expect(edited.link['@href']).toBe('https://blog.example/blog/queues#comment-7')
    expect(plain.updated).toBe(plain.published)
    for (const entry of parsed.entry)
      for (const field of ['published', 'updated']) expect(entry[field]).toMatch(RFC_3339)
  })

  it('escapes every commenter text and post title, and drops characters XML cannot carry', () => {
    const xml = buildCommentsAtom(feed)
    expect(xml).not.toContain('<script>')
    expect(xml).not.toContain('\u0007')
    const [entry] = parser.parse(xml).feed.entry
    // A parser reads back exactly what was written, as text.
    expect(entry.title).toBe('Eve <script> on “Queues & "retries" <explained>”')
    expect(entry.author.name).toBe('Eve <script>')
    expect(entry.content['@type']).toBe('text')
    expect(entry.content['#text']).toBe('</content><script>alert(1)</script> & bell\n]]>')
  })

  it('carries the rendered HTML as escaped type="html" content when given', () => {
    const html = '<p><em>hi</em> &amp; <code>&lt;b&gt;</code></p>'
    const xml = buildCommentsAtom({ ...feed, comments: [{ ...feed.comments[1]!, html }] })
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml).not.toContain('<p>')
    const [{ content }] = parser.parse(xml).feed.entry
    expect(content['@type']).toBe('html')
    expect(content['#text']).toBe(html)
  })

  it('is a valid empty feed without comments (the build, or the database down)', () => {
    const xml = buildCommentsAtom({ ...feed, comments: [] })
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(parser.parse(xml).feed.entry).toBeUndefined()
    expect(parser.parse(xml).feed.updated).toBe('1970-01-01T00:00:00.000Z')
  })
})
