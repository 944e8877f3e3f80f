import { describe, expect, it } from 'vitest'
import { groupByMonth } from './archive'

describe('groupByMonth', () => {
  it('groups posts by year and month in UTC, newest first at every level', () => {
    const posts = [
      { slug: 'dec-b', date: '2026-12-31T23:30:00.000Z' },
      { slug: 'dec-a', date: '2026-12-01T00:00:00.000Z' },
      { slug: 'nov', date: '2026-11-30T00:00:00.000Z' },
      { slug: 'jan', date: '2026-01-01T00:00:00.000Z' },
      { slug: 'last-year', date: '2025-12-31T00:00:00.000Z' },
    ]
    expect(
      groupByMonth(posts).map(({ year, months }) => ({
        year,
        months: months.map(({ key, month, posts }) => ({ key, month, slugs: posts.map((post) => post.slug) })),
      })),
    ).toEqual([
      {
        year: 2026,
        months: [
          { key: '2026-12', month: 12, slugs: ['dec-b', 'dec-a'] },
          { key: '2026-11', month: 11, slugs: ['nov'] },
          { key: '2026-01', month: 1, slugs: ['jan'] },
        ],
      },
      { year: 2025, months: [{ key: '2025-12', month: 12, slugs: ['last-year'] }] },
    ])
  })

  it('returns no years for no posts', () => {
    expect(groupByMonth([])).toEqual([])
  })
})
