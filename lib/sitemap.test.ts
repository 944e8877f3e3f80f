import { describe, expect, it } from 'vitest'
import { buildSitemap } from './sitemap'

const posts = [
  { url: '/blog/newest', date: '2026-11-24T00:00:00.000Z', tags: ['api'] },
  {
    url: '/blog/d\u00e9j\u00e0-vu',
    date: '2026-11-01T00:00:00.000Z',
    updated: '2026-11-30T00:00:00.000Z',
    tags: ['café'],
  },
]
const tags = [
  { slug: 'api', name: 'api', count: 1 },
  { slug: 'café', name: 'café', count: 1 },
]

describe('buildSitemap', () => {
  const sitemap = buildSitemap(posts, tags, 'https://example.com')

  it('lists the home page, archive, tags, every tag and every post, with absolute, encoded URLs', () => {
    expect(sitemap.map((entry) => entry.url)).toEqual([
      'https://example.com/',
      'https://example.com/archive',
      'https://example.com/tags',
      'https://example.com/tags/api',
      'https://example.com/tags/caf%C3%A9',
      'https://example.com/blog/newest',
      'https://example.com/blog/d%C3%A9j%C3%A0-vu',
    ])
  })

  it('dates each post by its last update and the lists by the latest change of any post', () => {
    expect(sitemap.find((entry) => entry.url.endsWith('/blog/newest'))?.lastModified).toBe('2026-11-24T00:00:00.000Z')
    expect(sitemap.find((entry) => entry.url.endsWith('vu'))?.lastModified).toBe('2026-11-30T00:00:00.000Z')
    expect(sitemap[0]?.lastModified).toBe('2026-11-30T00:00:00.000Z')
  })

  it('still lists the home page when there are no posts', () => {
    expect(buildSitemap([], [], 'https://example.com')).toEqual([
      { url: 'https://example.com/' },
      { url: 'https://example.com/archive' },
      { url: 'https://example.com/tags' },
    ])
  })
})
