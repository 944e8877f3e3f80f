import { afterEach, describe, expect, it, vi } from 'vitest'
import { DatabaseNotConfiguredError, DatabaseUnavailableError } from '@/lib/db'

// What the cached comment snapshot says, and how long Next.js may keep it. cacheLife and cacheTag
// only work inside Next.js's renderer: here they are recorded. The database is a stub per test.
const life: unknown[] = []
const tags: string[] = []
const revalidated: Array<{ tag: string; profile: unknown }> = []
vi.mock('next/cache', () => ({
  cacheLife: (profile: unknown) => void life.push(profile),
  cacheTag: (tag: string) => void tags.push(tag),
  revalidateTag: (tag: string, profile: unknown) => void revalidated.push({ tag, profile }),
}))
const getDb = vi.fn()
vi.mock('@/lib/db', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/db')>()),
  getDb: () => getDb(),
}))

const { getCommentCount, getCommentsSnapshot, getRecentComments, invalidateComments } = await import('./cache')

const row = {
  id: 1,
  parent_id: null,
  post_slug: 'p',
  name: 'Ada',
  body: 'Hi',
  status: 'published',
  created_at: new Date('2026-06-01T12:00:00Z'),
}
const database = (rows: unknown[]) => ({ query: async () => rows })

afterEach(() => {
  life.length = 0
  tags.length = 0
  getDb.mockReset()
  vi.unstubAllEnvs()
})

describe('getCommentsSnapshot', () => {
  it("reads the comments, Markdown rendered, and keeps them until the post's tag is invalidated", async () => {
    getDb.mockResolvedValue(database([row]))
    expect(await getCommentsSnapshot('p')).toEqual({
      state: 'loaded',
      comments: [
        {
          id: 1,
          parentId: null,
          name: 'Ada',
          body: 'Hi',
          html: '<p>Hi</p>',
          createdAt: '2026-06-01T12:00:00.000Z',
          editedAt: null,
          status: 'published',
        },
      ],
    })
    expect(tags).toEqual(['comments:p'])
    expect(life).toEqual(['max'])
  })

  it('never reads the database during `next build`, and lets what the build wrote live one second', async () => {
    vi.stubEnv('NEXT_PHASE', 'phase-production-build')
    expect(await getCommentsSnapshot('p')).toEqual({ state: 'not-read' })
    expect(getDb).not.toHaveBeenCalled()
    expect(life).toEqual([{ stale: 30, revalidate: 1, expire: 300 }])
  })

  it('says the comments are unavailable when the database is down, for 30 seconds only', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    getDb.mockRejectedValue(new DatabaseUnavailableError('down'))
    expect(await getCommentsSnapshot('p')).toEqual({ state: 'unavailable' })
    expect(life).toEqual([{ stale: 30, revalidate: 30, expire: 300 }])
  })

  it('keeps "not configured" (no database on Vercel) as long as the deployment', async () => {
    getDb.mockRejectedValue(new DatabaseNotConfiguredError())
    expect(await getCommentsSnapshot('p')).toEqual({ state: 'not-configured' })
    expect(life).toEqual(['max'])
  })
})

describe('getCommentCount and getRecentComments', () => {
  it("count with the post's count tag and the feed with the site-wide one, kept until invalidated", async () => {
    getDb.mockResolvedValue(database([{ count: 3 }]))
    expect(await getCommentCount('p')).toBe(3)
    expect(tags).toEqual(['comment-count:p'])
    getDb.mockResolvedValue(database([row]))
    expect(await getRecentComments()).toEqual({
      state: 'loaded',
      comments: [
        {
          id: 1,
          slug: 'p',
          parentId: null,
          name: 'Ada',
          body: 'Hi',
          status: 'published',
          createdAt: '2026-06-01T12:00:00.000Z',
        },
      ],
    })
    expect(tags).toEqual(['comment-count:p', 'comments'])
    expect(life).toEqual(['max', 'max'])
  })

  it('follow the build rule: no database read during `next build`, and a one-second life', async () => {
    vi.stubEnv('NEXT_PHASE', 'phase-production-build')
    expect(await getCommentCount('p')).toBeUndefined()
    expect(await getRecentComments()).toEqual({ state: 'not-read' })
    expect(getDb).not.toHaveBeenCalled()
    expect(life).toEqual([
      { stale: 30, revalidate: 1, expire: 300 },
      { stale: 30, revalidate: 1, expire: 300 },
    ])
  })

  it('show no count while the database is down, and try again in 30 seconds', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    getDb.mockRejectedValue(new DatabaseUnavailableError('down'))
    expect(await getCommentCount('p')).toBeUndefined()
    expect(life).toEqual([{ stale: 30, revalidate: 30, expire: 300 }])
  })
})

describe('invalidateComments', () => {
  afterEach(() => void (revalidated.length = 0))

  it("expires the post's page and the feed at once and leaves the lists' count stale", () => {
    invalidateComments('p')
    expect(revalidated).toEqual([
      { tag: 'comments:p', profile: { expire: 0 } },
      { tag: 'comments', profile: { expire: 0 } },
      { tag: 'comment-count:p', profile: 'max' },
    ])
  })

  it("expires with the caller's function (updateTag in a Server Action); the count is still only stale", () => {
    const expired: string[] = []
    invalidateComments('p', (tag) => expired.push(tag))
    expect(expired).toEqual(['comments:p', 'comments'])
    expect(revalidated).toEqual([{ tag: 'comment-count:p', profile: 'max' }])
  })
})
