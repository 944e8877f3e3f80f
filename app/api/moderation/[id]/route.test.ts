import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'

// Before the route (and lib/env) load: an in-memory PGlite, the site's address, the secrets.
process.env.PGLITE_DIR = 'memory://'
process.env.DATABASE_URL = ''
process.env.SITE_URL = 'https://blog.example.com'
process.env.MODERATION_SECRET = 'm'.repeat(40)
process.env.ADMIN_PASSWORD = 'correct horse battery'

const revalidated: Array<{ tag: string; profile: unknown }> = []
vi.mock('next/cache', () => ({
  cacheLife: () => {},
  cacheTag: () => {},
  revalidateTag: (tag: string, profile: unknown) => void revalidated.push({ tag, profile }),
}))
const jar = new Map<string, string>()
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined) }),
}))

const { POST } = await import('./route')
const { closeDb, getDb } = await import('@/lib/db')
const { findComment, insertComment } = await import('@/lib/comments/store')
const { signModerationToken } = await import('@/lib/comments/moderation-token')
const { signAdminSession } = await import('@/lib/comments/admin-session')
const { adminCookieName, getAdminSessionKey } = await import('@/lib/comments/moderation-access')
afterAll(() => closeDb())

const slug = 'what-is-backend-engineering'
const key = 'm'.repeat(40)
const inADay = () => new Date(Date.now() + 86_400_000)

async function heldComment() {
  return insertComment(await getDb(), {
    slug,
    parentId: null,
    name: 'Ann',
    body: 'See https://spam.example',
    status: 'pending',
    clientHash: 'h',
    bodyHash: `b${Math.random()}`,
    idempotencyKey: undefined,
    createdAt: new Date(),
  })
}

function post(
  id: number | string,
  fields: Record<string, string>,
  headers: Record<string, string> = { origin: 'https://blog.example.com' },
) {
  return POST(
    new Request(`https://blog.example.com/api/moderation/${id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields),
    }),
    { params: Promise.resolve({ id: String(id) }) },
  )
}

beforeEach(() => {
  revalidated.length = 0
  jar.clear()
})

describe('POST /api/moderation/<id>', () => {
  it('approves with a valid token, invalidates the post like the CLI, and redirects back to the page', async () => {
    const comment = await heldComment()
    const token = signModerationToken(key, comment.id, 'moderate', inADay())
    const response = await post(comment.id, { action: 'approve', token })
    expect(response.status).toBe(303)
    const location = new URL(response.headers.get('location') ?? '', 'https://blog.example.com')
    expect(location.pathname).toBe(`/moderate/${comment.id}`)
    expect(location.searchParams.get('done')).toBe('approve')
    expect(location.searchParams.get('token')).toBe(token)
    expect((await findComment(await getDb(), comment.id))?.status).toBe('published')
    // The post's page and the feed of new comments at once, the lists' count in the background.
    expect(revalidated).toEqual([
      { tag: `comments:${slug}`, profile: { expire: 0 } },
      { tag: 'comments', profile: { expire: 0 } },
      { tag: `comment-count:${slug}`, profile: 'max' },
    ])
  })

  it('refuses a post with no Origin, from another site or a sandboxed frame (CSRF), and changes nothing', async () => {
    const comment = await heldComment()
    const token = signModerationToken(key, comment.id, 'moderate', inADay())
    const attempts: Array<Record<string, string>> = [
      {},
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: 'https://blog.example.com', 'sec-fetch-site': 'cross-site' },
    ]
    for (const headers of attempts) {
      expect((await post(comment.id, { action: 'approve', token }, headers)).status).toBe(403)
    }
    expect((await findComment(await getDb(), comment.id))?.status).toBe('pending')
    expect(revalidated).toEqual([])
  })

  it('refuses an expired token, one for another comment, and one for another action', async () => {
    const comment = await heldComment()
    const expired = await post(comment.id, {
      action: 'approve',
      token: signModerationToken(key, comment.id, 'moderate', new Date(Date.now() - 1000)),
    })
    expect(expired.status).toBe(403)
    expect(await expired.text()).toMatch(/expired/)
    expect(
      (
        await post(comment.id, {
          action: 'approve',
          token: signModerationToken(key, comment.id + 1, 'moderate', inADay()),
        })
      ).status,
    ).toBe(403)
    expect(
      (await post(comment.id, { action: 'delete', token: signModerationToken(key, comment.id, 'approve', inADay()) }))
        .status,
    ).toBe(403)
    expect(
      (
        await post(comment.id, {
          action: 'approve',
          token: signModerationToken('x'.repeat(40), comment.id, 'moderate', inADay()),
        })
      ).status,
    ).toBe(403)
    expect((await findComment(await getDb(), comment.id))?.status).toBe('pending')
  })

  it('acts for an admin session only when the form says so and the cookie is genuine', async () => {
    const comment = await heldComment()
    expect((await post(comment.id, { action: 'spam', from: 'admin' })).status).toBe(403)
    jar.set(adminCookieName(), signAdminSession('forged-key', inADay()))
    expect((await post(comment.id, { action: 'spam', from: 'admin' })).status).toBe(403)
    jar.set(adminCookieName(), signAdminSession(await getAdminSessionKey('correct horse battery'), inADay()))
    const response = await post(comment.id, { action: 'spam', from: 'admin' })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`/admin/comments?done=spam&id=${comment.id}`)
    expect((await findComment(await getDb(), comment.id))?.status).toBe('spam')
  })

  it('answers 400 for an unknown action and 404 for a comment that does not exist', async () => {
    const comment = await heldComment()
    const token = signModerationToken(key, comment.id, 'moderate', inADay())
    expect((await post(comment.id, { action: 'publish', token })).status).toBe(400)
    expect((await post('abc', { action: 'approve', token })).status).toBe(404)
    expect(
      (await post(999_999, { action: 'approve', token: signModerationToken(key, 999_999, 'moderate', inADay()) }))
        .status,
    ).toBe(404)
  })
})
