import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'

process.env.PGLITE_DIR = 'memory://'
process.env.DATABASE_URL = ''
process.env.SITE_URL = 'https://blog.example.com'
process.env.ADMIN_PASSWORD = 'correct horse battery'
// What the server entry (lib/server/start.mjs) sets: the key the socket address is signed with.
process.env.PEER_ADDRESS_SECRET = 'test key for the peer address'

type Set = { name: string; value: string; options: Record<string, unknown> }
const sets: Set[] = []
vi.mock('next/headers', () => ({
  cookies: async () => ({
    set: (name: string, value: string, options: Record<string, unknown>) => void sets.push({ name, value, options }),
  }),
}))

const { POST } = await import('./route')
const { closeDb } = await import('@/lib/db')
const { isAdminSessionValid } = await import('@/lib/comments/admin-session')
const { adminCookieName, getAdminSessionKey } = await import('@/lib/comments/moderation-access')
const { formatPeerAddress, PEER_ADDRESS_HEADER } = await import('@/lib/server/peer-address.mjs')
afterAll(() => closeDb())

let client = 0
const newClient = () => `198.51.100.${++client}`

function post(
  fields: Record<string, string>,
  { from = newClient(), origin = 'https://blog.example.com' as string | null } = {},
) {
  return POST(
    new Request('https://blog.example.com/api/admin/session', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        [PEER_ADDRESS_HEADER]: formatPeerAddress(from, 'test key for the peer address'),
        ...(origin && { origin }),
      },
      body: new URLSearchParams(fields),
    }),
  )
}

beforeEach(() => void (sets.length = 0))

describe('POST /api/admin/session', () => {
  it('signs in with a password: a signed, HttpOnly, Secure, SameSite=Strict session cookie that expires', async () => {
    const response = await post({ intent: 'login', password: 'correct horse battery' })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/admin/comments')
    expect(sets).toHaveLength(1)
    const [cookie] = sets
    expect(cookie?.name).toBe(adminCookieName())
    expect(adminCookieName()).toBe('__Host-admin-session')
    expect(cookie?.options).toEqual({ httpOnly: true, secure: true, sameSite: 'strict', path: '/', maxAge: 12 * 3600 })
    expect(isAdminSessionValid(await getAdminSessionKey('correct horse battery'), cookie?.value, new Date())).toBe(true)
    // A new password ends the sessions signed under the old one.
    expect(isAdminSessionValid(await getAdminSessionKey('another password!'), cookie?.value, new Date())).toBe(false)
  })

  it('refuses a wrong password without a cookie', async () => {
    const response = await post({ intent: 'login', password: 'correct horse batter' })
    expect(response.headers.get('location')).toBe('/admin/comments?error=wrong')
    expect(sets).toEqual([])
  })

  it('stops a client after 5 wrong passwords, even when the next one is right', async () => {
    const from = newClient()
    for (let i = 0; i < 5; i++)
      expect((await post({ intent: 'login', password: `guess ${i}` }, { from })).headers.get('location')).toBe(
        '/admin/comments?error=wrong',
      )
    const limited = await post({ intent: 'login', password: 'correct horse battery' }, { from })
    expect(limited.headers.get('location')).toBe('/admin/comments?error=limited')
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(sets).toEqual([])
    // Another client is not locked out by this one.
    expect((await post({ intent: 'login', password: 'correct horse battery' })).headers.get('location')).toBe(
      '/admin/comments',
    )
  })

  it('refuses a sign-in without an Origin or from another site (login CSRF)', async () => {
    expect((await post({ intent: 'login', password: 'correct horse battery' }, { origin: null })).status).toBe(403)
    expect(
      (await post({ intent: 'login', password: 'correct horse battery' }, { origin: 'https://evil.example' })).status,
    ).toBe(403)
    expect(sets).toEqual([])
  })

  it('signs out by expiring the cookie', async () => {
    const response = await post({ intent: 'logout' })
    expect(response.headers.get('location')).toBe('/admin/comments?error=signed-out')
    expect(sets).toEqual([
      { name: adminCookieName(), value: '', options: expect.objectContaining({ maxAge: 0, httpOnly: true }) },
    ])
  })
})
