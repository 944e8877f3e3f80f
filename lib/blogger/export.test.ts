import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BloggerExportError, parseBloggerExport } from './export'
import type { BloggerExport } from './types'

const fixtures = path.resolve(import.meta.dirname, '../../test/fixtures/blogger')
const read = (name: string) => parseBloggerExport(readFileSync(path.join(fixtures, name), 'utf8'))

const P1 = '6158432907345215201'
const P2 = '2287615530926418844'

describe.each([
  ['feed.atom', 'takeout'],
  ['blog-export.xml', 'classic'],
] as const)('parseBloggerExport(%s)', (file, format) => {
  const data = read(file)

  it(`recognises the ${format} format and reads posts, pages and their fields`, () => {
    expect(data.format).toBe(format)
    expect(data.title).toBe('Backend Playbook')
    const first = data.posts.find((post) => post.id === P1)
    expect(first).toMatchObject({
      kind: 'post',
      status: 'live',
      title: 'What is backend engineering?',
      published: '2024-05-02T09:30:00.000+02:00',
      updated: '2024-05-20T18:05:12.345+02:00',
      labels: ['Backend', 'Getting started'],
      path: '/2024/05/what-is-backend-engineering.html',
    })
    // The HTML arrives decoded once: tags are tags, escaped text stays escaped.
    expect(first?.html).toContain('<pre class="brush: js">app.get(\'/health\', (req, res) =&gt; {')
    expect(first?.html).toContain('latency &lt; 200&nbsp;ms')
    expect(data.posts.find((post) => post.id === P2)?.labels).toEqual(['Bases de données', 'PostgreSQL', 'Backend'])
    expect(data.posts.find((post) => post.title === 'Notes on connection pooling')).toMatchObject({
      status: 'draft',
      path: undefined,
    })
    expect(data.posts.find((post) => post.title === 'About')).toMatchObject({ kind: 'page', path: '/p/about.html' })
  })

  it('reads the nine comments with their post, the comment they reply to and whether they are live', () => {
    expect(data.comments).toHaveLength(9)
    // 19-digit ids survive intact (as numbers they would lose their last digits).
    expect(data.comments.map((comment) => comment.id)).toContain('7391046652087341123')
    expect(data.comments.find((comment) => comment.id === '7391046652087341123')).toMatchObject({
      postId: P1,
      parentId: '7391046652087341122',
      author: 'Bob',
      published: '2024-05-04T08:05:00.000+02:00',
      isLive: true,
    })
    expect(data.comments.find((comment) => comment.id === '7391046652087341121')?.parentId).toBeUndefined()
    expect(data.comments.filter((comment) => !comment.isLive).map((comment) => comment.id)).toEqual([
      '7391046652087341125',
    ])
    expect(data.comments.find((comment) => comment.id === '7391046652087341128')?.author).toBe('Дмитрий')
  })
})

describe('the two formats', () => {
  const strip = (data: BloggerExport) => ({
    posts: data.posts
      .filter((post) => post.status !== 'trashed')
      .map((post) => ({ ...post, bloggerStatus: undefined })),
    comments: data.comments
      .filter((comment) => comment.isLive)
      .map((comment) => ({ ...comment, bloggerStatus: undefined })),
  })

  it('give the same posts and live comments for the same blog', () => {
    expect(strip(read('blog-export.xml'))).toEqual(strip(read('feed.atom')))
  })

  it('mark trashed posts (Takeout) and skip the classic export’s settings and template entries', () => {
    expect(read('feed.atom').posts.find((post) => post.title === 'Spring sale on our e-book')).toMatchObject({
      status: 'trashed',
      bloggerStatus: 'SOFT_TRASHED',
    })
    expect(read('blog-export.xml').otherEntries).toBe(3)
    expect(
      read('blog-export.xml').comments.find((comment) => comment.id === '7391046652087341125')?.bloggerStatus,
    ).toBe('REMOVED')
  })

  it('treat an unknown Takeout status as a draft and keep Blogger’s word for the report', () => {
    const xml =
      "<feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'>\n" +
      '      <entry><id>tag:blogger.com,1999:blog-1.post-2</id><blogger:type>POST</blogger:type>' +
      '<blogger:status>SCHEDULED</blogger:status>\n' +
      "      <title>Later</title><content type='html'>&lt;p&gt;x&lt;/p&gt;</content>" +
      '<published>2030-01-01T00:00:00Z</published></entry></feed>'
    expect(parseBloggerExport(xml).posts[0]).toMatchObject({ status: 'draft', bloggerStatus: 'SCHEDULED' })
  })
})

describe('parseBloggerExport refuses what is not a Blogger export', () => {
  it.each([
    ['not XML', '<feed><entry>', /not well-formed XML/],
    ['XML without a feed', '<rss><channel/></rss>', /not an Atom feed/],
    [
      'another Atom feed',
      "<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>1</id><title>x</title></entry></feed>",
      /not a Blogger export/,
    ],
  ])('%s', (_, xml, message) => {
    expect(() => parseBloggerExport(xml)).toThrow(BloggerExportError)
    expect(() => parseBloggerExport(xml)).toThrow(message)
  })
})
