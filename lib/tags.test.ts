import { describe, expect, it } from 'vitest'
import { decodeRouteParam } from './route-params'
import { getTagIndex, getTagPath, getTagSlug } from './tags'

describe('tag slugs and addresses', () => {
  it('slugs tags like the heading ids: lower case, hyphens, punctuation dropped, accents kept', () => {
    expect(getTagSlug('café')).toBe('café')
    expect(getTagSlug('Café')).toBe('café')
    expect(getTagSlug('Kafka Streams')).toBe('kafka-streams')
    expect(getTagSlug('  Kafka   Streams ')).toBe('kafka-streams')
    expect(getTagSlug('Node.js')).toBe('nodejs')
    expect(getTagSlug('日本語')).toBe('日本語')
  })

  it('gives the same slug to the NFC and NFD spellings of a tag', () => {
    const nfd = 'cafe\u0301'
    expect(nfd).not.toBe('café')
    expect(getTagSlug(nfd)).toBe('café')
  })

  it('round-trips a non-ASCII tag through its URL and the param Next.js hands back', () => {
    const slug = getTagSlug('café')
    const path = getTagPath(slug)
    expect(path).toBe('/tags/caf%C3%A9')
    // The page receives the segment percent-encoded, as it appears in the path.
    const param = path.split('/').at(-1) ?? ''
    expect(decodeRouteParam(param)).toBe(slug)
    // A browser that sends the raw UTF-8 bytes is decoded by the server to the same string.
    expect(decodeRouteParam(encodeURIComponent('café'))).toBe(slug)
  })

  it('decodes a param exactly once and refuses malformed escapes', () => {
    expect(decodeRouteParam('api')).toBe('api')
    expect(decodeRouteParam('caf%25C3%25A9')).toBe('caf%C3%A9')
    expect(decodeRouteParam('caf%E9')).toBeUndefined()
    expect(decodeRouteParam('%')).toBeUndefined()
  })

  it('encodes characters that are not safe in a path', () => {
    expect(getTagPath('a?b#c')).toBe('/tags/a%3Fb%23c')
  })
})

describe('getTagIndex', () => {
  const posts = [
    { slug: 'p1', tags: ['API', 'café'] },
    { slug: 'p2', tags: ['api', 'Kafka'] },
    { slug: 'p3', tags: ['api', 'cafe\u0301', 'kafka'] },
    { slug: 'p4', tags: [] },
    { slug: 'p5', tags: ['Postgres', 'postgres'] },
  ]

  it('counts each tag once per post, merging spellings that differ in case or Unicode form', () => {
    expect(getTagIndex(posts).tags).toEqual([
      { slug: 'api', name: 'api', count: 3 },
      { slug: 'café', name: 'café', count: 2 },
      { slug: 'kafka', name: 'kafka', count: 2 },
      { slug: 'postgres', name: 'Postgres', count: 1 },
    ])
  })

  it('shows the most used spelling, a tie going to the alphabetically first', () => {
    const { tags } = getTagIndex(posts)
    expect(tags.find((tag) => tag.slug === 'api')?.name).toBe('api')
    expect(tags.find((tag) => tag.slug === 'kafka')?.name).toBe('kafka')
  })

  it('keeps each tag’s posts in the order given (newest first)', () => {
    const { postsByTag } = getTagIndex(posts)
    expect(postsByTag.get('api')?.map((post) => post.slug)).toEqual(['p1', 'p2', 'p3'])
    expect(postsByTag.get('café')?.map((post) => post.slug)).toEqual(['p1', 'p3'])
    expect(postsByTag.get('nope')).toBeUndefined()
  })

  it('has no tags for no posts', () => {
    expect(getTagIndex([]).tags).toEqual([])
  })

  it('stops the build when two different tags would share an address', () => {
    expect(() =>
      getTagIndex([
        { slug: 'a', tags: ['C#'] },
        { slug: 'b', tags: ['C++'] },
      ]),
    ).toThrow('The tags "c#" (post "a") and "c++" (post "b") would share the address /tags/c')
  })

  it('stops the build on a tag with nothing to make a URL from, naming the post', () => {
    expect(() => getTagIndex([{ slug: 'rocket', tags: ['🚀'] }])).toThrow('Post "rocket": the tag "🚀"')
  })
})
