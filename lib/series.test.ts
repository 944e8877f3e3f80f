import { describe, expect, it } from 'vitest'
import { getAdjacentPosts, getSeries } from './series'

const post = (slug: string, date: string, series?: string) => ({
  slug,
  title: `Title of ${slug}`,
  url: `/blog/${slug}`,
  date: `${date}T00:00:00.000Z`,
  series,
})

// Newest first, as getAllPosts() returns them. The series slugs sort differently from their dates.
const posts = [
  post('kafka-admin', '2026-04-15', 'Kafka from scratch'),
  post('unrelated', '2026-04-10'),
  post('kafka-consumers', '2026-04-08', 'Kafka from scratch'),
  post('other-series-only-part', '2026-04-05', 'Alone'),
  post('kafka-brokers', '2026-04-01', 'Kafka from scratch'),
  post('same-day-part-2', '2026-03-01', 'Same day'),
  post('same-day-part-1', '2026-03-01', 'Same day'),
]

describe('getSeries', () => {
  it('numbers the parts by date, oldest first, whatever the order of the slugs', () => {
    const slugs = ['kafka-brokers', 'kafka-consumers', 'kafka-admin']
    slugs.forEach((slug, index) => {
      const current = posts.find((candidate) => candidate.slug === slug)
      if (!current) throw new Error(slug)
      const series = getSeries(posts, current)
      expect(series?.name).toBe('Kafka from scratch')
      expect(series?.part).toBe(index + 1)
      expect(series?.parts.map((part) => part.slug)).toEqual(slugs)
      expect(series?.parts[0]).toEqual({
        slug: 'kafka-brokers',
        title: 'Title of kafka-brokers',
        url: '/blog/kafka-brokers',
      })
    })
  })

  it('orders parts published on the same day by slug', () => {
    const second = posts.find((candidate) => candidate.slug === 'same-day-part-2')
    if (!second) throw new Error('fixture')
    expect(getSeries(posts, second)).toMatchObject({
      part: 2,
      parts: [{ slug: 'same-day-part-1' }, { slug: 'same-day-part-2' }],
    })
  })

  it('counts only the posts it is given, so an unpublished part is not announced', () => {
    const published = posts.filter((candidate) => candidate.slug !== 'kafka-consumers')
    const admin = published[0]
    if (!admin) throw new Error('fixture')
    expect(getSeries(published, admin)).toMatchObject({
      part: 2,
      parts: [{ slug: 'kafka-brokers' }, { slug: 'kafka-admin' }],
    })
  })

  it('is undefined for a post outside any series and for a series of one', () => {
    expect(getSeries(posts, post('unrelated', '2026-04-10'))).toBeUndefined()
    expect(getSeries(posts, post('other-series-only-part', '2026-04-05', 'Alone'))).toBeUndefined()
  })
})

describe('getAdjacentPosts', () => {
  it('links the older post as previous and the newer one as next', () => {
    expect(getAdjacentPosts(posts, 'unrelated')).toEqual({
      previous: { slug: 'kafka-consumers', title: 'Title of kafka-consumers', url: '/blog/kafka-consumers' },
      next: { slug: 'kafka-admin', title: 'Title of kafka-admin', url: '/blog/kafka-admin' },
    })
  })

  it('has no next post for the newest and no previous post for the oldest', () => {
    expect(getAdjacentPosts(posts, 'kafka-admin')).toMatchObject({ previous: { slug: 'unrelated' }, next: undefined })
    expect(getAdjacentPosts(posts, 'same-day-part-1')).toMatchObject({
      previous: undefined,
      next: { slug: 'same-day-part-2' },
    })
    expect(getAdjacentPosts(posts, 'not-published')).toEqual({})
  })
})
