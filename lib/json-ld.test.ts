import { describe, expect, it } from 'vitest'
import { getBlogPostingJsonLd, serializeJsonLd } from './json-ld'

const site = { name: 'Backend Playbook', url: 'https://example.com', language: 'en-GB', author: { name: 'The team' } }
const post = {
  title: 'Closing tags: </script><script>alert(1)</script>',
  summary: 'Uses <b> & "quotes"',
  url: '/blog/d\u00e9j\u00e0-vu',
  date: '2026-11-18T00:00:00.000Z',
  tags: ['api', 'café'],
}

describe('getBlogPostingJsonLd', () => {
  it('describes the post as a schema.org BlogPosting with absolute URLs', () => {
    expect(getBlogPostingJsonLd(post, site)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BlogPosting',
      headline: post.title,
      description: post.summary,
      url: 'https://example.com/blog/d%C3%A9j%C3%A0-vu',
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://example.com/blog/d%C3%A9j%C3%A0-vu' },
      datePublished: '2026-11-18T00:00:00.000Z',
      dateModified: '2026-11-18T00:00:00.000Z',
      image: 'https://example.com/blog/d%C3%A9j%C3%A0-vu/opengraph-image',
      inLanguage: 'en-GB',
      keywords: 'api, café',
      author: { '@type': 'Organization', name: 'The team', url: 'https://example.com/' },
      publisher: { '@type': 'Organization', name: 'Backend Playbook', url: 'https://example.com/' },
    })
  })

  it('dates the modification by `updated` when there is one', () => {
    expect(getBlogPostingJsonLd({ ...post, updated: '2026-11-30T00:00:00.000Z' }, site).dateModified).toBe(
      '2026-11-30T00:00:00.000Z',
    )
  })
})

describe('serializeJsonLd', () => {
  it('leaves no `<` in the output, and parses back to the same data', () => {
    const data = getBlogPostingJsonLd(post, site)
    const json = serializeJsonLd(data)
    expect(json).not.toContain('<')
    expect(json).toContain('\\u003c/script>')
    expect(JSON.parse(json)).toEqual(data)
  })
})
