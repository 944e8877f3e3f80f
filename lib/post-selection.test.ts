import { describe, expect, it } from 'vitest'
import { isScheduled, selectPosts } from './post-selection'

const now = Date.parse('2026-04-01T12:00:00.000Z')

const posts = [
  { slug: 'old', date: '2025-01-10T00:00:00.000Z', draft: false },
  { slug: 'draft', date: '2026-03-01T00:00:00.000Z', draft: true },
  { slug: 'newest', date: '2026-02-01T00:00:00.000Z', draft: false },
  { slug: 'b-same-day', date: '2025-06-01T00:00:00.000Z' },
  { slug: 'a-same-day', date: '2025-06-01T00:00:00.000Z' },
  { slug: 'scheduled', date: '2026-05-01T00:00:00.000Z', draft: false },
  { slug: 'scheduled-draft', date: '2026-06-01T00:00:00.000Z', draft: true },
]

const production = { includeDrafts: false, includeScheduled: false, now }
const preview = { includeDrafts: true, includeScheduled: true, now }

describe('selectPosts', () => {
  it('leaves drafts and scheduled posts out of production and sorts newest first, then by slug', () => {
    expect(selectPosts(posts, production).map((post) => post.slug)).toEqual([
      'newest',
      'a-same-day',
      'b-same-day',
      'old',
    ])
  })

  it('includes drafts and scheduled posts in previews, in date order', () => {
    expect(selectPosts(posts, preview).map((post) => post.slug)).toEqual([
      'scheduled-draft',
      'scheduled',
      'draft',
      'newest',
      'a-same-day',
      'b-same-day',
      'old',
    ])
  })

  it('filters drafts and scheduled posts independently', () => {
    const scheduledOnly = selectPosts(posts, { ...production, includeScheduled: true }).map((post) => post.slug)
    expect(scheduledOnly).toContain('scheduled')
    expect(scheduledOnly).not.toContain('draft')
    expect(scheduledOnly).not.toContain('scheduled-draft')

    const draftsOnly = selectPosts(posts, { ...production, includeDrafts: true }).map((post) => post.slug)
    expect(draftsOnly).toContain('draft')
    expect(draftsOnly).not.toContain('scheduled')
    expect(draftsOnly).not.toContain('scheduled-draft')
  })

  it('publishes a scheduled post once its moment has come', () => {
    const later = Date.parse('2026-05-01T00:00:00.000Z')
    expect(selectPosts(posts, { ...production, now: later }).map((post) => post.slug)).toContain('scheduled')
    expect(selectPosts(posts, { ...production, now: later - 1 }).map((post) => post.slug)).not.toContain('scheduled')
  })

  it('does not reorder the array it is given', () => {
    const input = [...posts]
    selectPosts(input, preview)
    expect(input).toEqual(posts)
  })
})

describe('isScheduled', () => {
  it('compares the full timestamp, so a post dated today at 18:00 waits until 18:00', () => {
    expect(isScheduled({ date: '2026-04-01T18:00:00.000Z' }, now)).toBe(true)
    expect(isScheduled({ date: '2026-04-01T00:00:00.000Z' }, now)).toBe(false)
    expect(isScheduled({ date: '2026-04-01T12:00:00.000Z' }, now)).toBe(false)
  })
})
