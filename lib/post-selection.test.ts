import { describe, expect, it } from 'vitest'
import { selectPosts } from './post-selection'

const posts = [
  { slug: 'old', date: '2025-01-10T00:00:00.000Z', draft: false },
  { slug: 'draft', date: '2026-03-01T00:00:00.000Z', draft: true },
  { slug: 'newest', date: '2026-02-01T00:00:00.000Z', draft: false },
  { slug: 'b-same-day', date: '2025-06-01T00:00:00.000Z' },
  { slug: 'a-same-day', date: '2025-06-01T00:00:00.000Z' },
]

describe('selectPosts', () => {
  it('leaves drafts out of production and sorts newest first, then by slug', () => {
    expect(selectPosts(posts, { includeDrafts: false }).map((post) => post.slug)).toEqual([
      'newest',
      'a-same-day',
      'b-same-day',
      'old',
    ])
  })

  it('includes drafts in development, in date order', () => {
    expect(selectPosts(posts, { includeDrafts: true }).map((post) => post.slug)).toEqual([
      'draft',
      'newest',
      'a-same-day',
      'b-same-day',
      'old',
    ])
  })

  it('does not reorder the array it is given', () => {
    const input = [...posts]
    selectPosts(input, { includeDrafts: true })
    expect(input).toEqual(posts)
  })
})
