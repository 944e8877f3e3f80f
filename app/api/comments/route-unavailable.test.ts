import { beforeAll, describe, expect, it, vi } from 'vitest'

// Each Vitest file runs in its own module graph: here the database is a PostgreSQL that is not there.
beforeAll(() => void vi.stubEnv('DATABASE_URL', 'postgres://postgres@127.0.0.1:1/nowhere'))
// The cache functions need Next's request scope: here they do nothing.
vi.mock('next/cache', () => ({ cacheLife: () => {}, cacheTag: () => {}, revalidateTag: () => {} }))
// A fixture post to comment on, not the real content (test/support/posts.ts).
vi.mock('@/lib/posts', () => import('@/test/support/posts'))

const { GET, POST } = await import('./route')
const { slug } = (await import('@/test/support/posts')).fixturePost

describe('when the database is unreachable', () => {
  it('GET and POST answer 503 with Retry-After and a clear message, never 500', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const list = await GET(new Request(`http://localhost/api/comments?slug=${slug}`))
    expect(list.status).toBe(503)
    expect(list.headers.get('retry-after')).toBe('30')
    expect(await list.json()).toEqual({
      error: 'Comments are unavailable right now. Please try again later.',
      code: 'unavailable',
    })

    const created = await POST(
      new Request('http://localhost/api/comments', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ slug, name: 'Ada', body: 'Hello' }),
      }),
    )
    expect(created.status).toBe(503)
    expect(created.headers.get('retry-after')).toBe('30')
    warn.mockRestore()
  })
})
