import { beforeAll, describe, expect, it, vi } from 'vitest'

// A Vercel deployment without DATABASE_URL: PGlite files would vanish between requests. Set before
// the first request, which reads the configuration (lib/config.ts).
beforeAll(() => {
  vi.stubEnv('VERCEL', '1')
  vi.stubEnv('DATABASE_URL', '')
})
// The cache functions need Next's request scope: here they do nothing.
vi.mock('next/cache', () => ({ cacheLife: () => {}, cacheTag: () => {}, revalidateTag: () => {} }))
// A fixture post to comment on, not the real content (test/support/posts.ts).
vi.mock('@/lib/posts', () => import('@/test/support/posts'))

const { GET, POST } = await import('./route')
const { fixturePost } = await import('@/test/support/posts')

describe('on Vercel without DATABASE_URL', () => {
  it('answers 503 saying that comments are unavailable, and stores nothing anywhere', async () => {
    const list = await GET(new Request(`http://localhost/api/comments?slug=${fixturePost.slug}`))
    expect(list.status).toBe(503)
    expect(await list.json()).toEqual({ error: 'Comments are unavailable on this site.', code: 'not-configured' })
    const created = await POST(
      new Request('http://localhost/api/comments', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ slug: fixturePost.slug, name: 'Ada', body: 'Hello' }),
      }),
    )
    expect(created.status).toBe(503)
  })
})
