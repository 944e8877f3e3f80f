import { createHash } from 'node:crypto'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

// PATCH and DELETE /api/comments/<id>, called directly with Requests, against an in-memory PGlite,
// with the default settings (900 s window, moderation "links"). Comments are created through POST,
// so the secret is the one a browser gets.
process.env.PGLITE_DIR = 'memory://'
delete process.env.COMMENT_WEBHOOK_URL
// What the server entry (lib/server/start.mjs) sets: the key the socket address is signed with.
process.env.PEER_ADDRESS_SECRET = 'test key for the peer address'

vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/server')>()),
  after: () => {},
}))
const revalidated: string[] = []
vi.mock('next/cache', () => ({
  cacheLife: () => {},
  cacheTag: () => {},
  revalidateTag: (tag: string) => void revalidated.push(tag),
}))

// A fixture post to comment on, not the real content (test/support/posts.ts).
vi.mock('@/lib/posts', () => import('@/test/support/posts'))

const { GET: list, POST } = await import('../route')
const { DELETE, GET, PATCH } = await import('./route')
const { getDb } = await import('@/lib/db')
const { formatPeerAddress, PEER_ADDRESS_HEADER } = await import('@/lib/server/peer-address.mjs')

const { slug } = (await import('@/test/support/posts')).fixturePost
const base = 'http://127.0.0.1:3110/api/comments'
let client = 0
const headersFor = (extra: Record<string, string> = {}) => ({
  host: '127.0.0.1:3110',
  [PEER_ADDRESS_HEADER]: formatPeerAddress(`198.51.100.${++client}`, 'test key for the peer address'),
  ...extra,
})

async function create(
  body = `Body ${Math.random()}`,
): Promise<{ id: number; secret: string; until: string; status: number; createdAt: string }> {
  const response = await POST(
    new Request(base, {
      method: 'POST',
      headers: headersFor({ 'content-type': 'application/json' }),
      body: JSON.stringify({ slug, name: 'Ada', body }),
    }),
  )
  const json = await response.json()
  return {
    id: json.comment.id,
    secret: json.editSecret,
    until: json.editableUntil,
    status: response.status,
    createdAt: json.comment.createdAt,
  }
}

const context = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) })
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` })

function patch(id: number | string, body: unknown, headers: Record<string, string> = {}, raw?: string) {
  const request = new Request(`${base}/${id}`, {
    method: 'PATCH',
    headers: headersFor({ 'content-type': 'application/json', ...headers }),
    body: raw ?? JSON.stringify(body),
  })
  return PATCH(request, context(id))
}
const remove = (id: number | string, headers: Record<string, string> = {}) =>
  DELETE(new Request(`${base}/${id}`, { method: 'DELETE', headers: headersFor(headers) }), context(id))
const listed = async () =>
  (await (await list(new Request(`${base}?slug=${slug}`))).json()).comments as Array<Record<string, unknown>>
const storedRow = async (id: number) =>
  (await (await getDb()).query('select body, status, edited_at, edit_secret_hash from comments where id = $1', [id]))[0]

// PGlite's first start (initdb in WebAssembly) is slow on a busy machine: not part of any test.
beforeAll(() => getDb(), 300_000)

afterEach(() => {
  vi.useRealTimers()
  revalidated.length = 0
})

describe('the secret of a new comment', () => {
  it('comes once, in the 201 answer, with the end of the window; only its SHA-256 is stored', async () => {
    const { id, secret, until, status, createdAt } = await create()
    expect(status).toBe(201)
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(Date.parse(until) - Date.parse(createdAt)).toBe(900_000)
    const row = await storedRow(id)
    expect(row?.edit_secret_hash).toBe(createHash('sha256').update(secret).digest('hex'))
    expect(JSON.stringify(await (await getDb()).query('select * from comments where id = $1', [id]))).not.toContain(
      secret,
    )
    // GET never shows a secret or its hash.
    expect(JSON.stringify(await listed())).not.toContain(String(row?.edit_secret_hash))
  })
})

describe('PATCH /api/comments/<id>', () => {
  it('200: text checked and normalised as if new, marked edited; page, feed and count invalidated', async () => {
    const { id, secret } = await create()
    revalidated.length = 0
    const response = await patch(id, { body: '  Fixed\r\n\r\n\r\n\r\ntypo  ' }, bearer(secret))
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const { comment, editableUntil } = await response.json()
    expect(comment).toMatchObject({ id, name: 'Ada', body: 'Fixed\n\ntypo', status: 'published' })
    expect(typeof comment.editedAt).toBe('string')
    expect(typeof editableUntil).toBe('string')
    expect(revalidated).toEqual([`comments:${slug}`, 'comments', `comment-count:${slug}`])
    expect((await listed()).find((listedComment) => listedComment.id === id)).toEqual(comment)
  })

  it('200 with the comment held again (pending, gone from the page) when the edit adds a link', async () => {
    const { id, secret } = await create('No links here.')
    revalidated.length = 0
    const response = await patch(id, { body: 'Now see https://example.com/offer' }, bearer(secret))
    expect(response.status).toBe(200)
    expect((await response.json()).comment.status).toBe('pending')
    expect((await storedRow(id))?.status).toBe('pending')
    expect((await listed()).some((listedComment) => listedComment.id === id)).toBe(false)
    // It was on the page: the page must drop it.
    expect(revalidated).toEqual([`comments:${slug}`, 'comments', `comment-count:${slug}`])
  })

  it('200 without a write (nor an invalidation) when nothing changes', async () => {
    const { id, secret } = await create('Same words.')
    revalidated.length = 0
    const response = await patch(id, { body: 'Same words.' }, bearer(secret))
    expect(response.status).toBe(200)
    expect((await response.json()).comment.editedAt).toBeNull()
    expect(revalidated).toEqual([])
  })

  it("401 without the secret, 403 with a wrong one or another comment's, and nothing changes", async () => {
    const { id } = await create('Untouched.')
    const other = await create()
    revalidated.length = 0
    const missing = await patch(id, { body: 'Hijacked' })
    expect(missing.status).toBe(401)
    expect(missing.headers.get('www-authenticate')).toBe('Bearer')
    expect((await patch(id, { body: 'Hijacked' }, { authorization: 'Basic abc' })).status).toBe(401)
    const wrong = await patch(id, { body: 'Hijacked' }, bearer('A'.repeat(43)))
    expect(wrong.status).toBe(403)
    expect(await wrong.json()).toMatchObject({ code: 'edit-forbidden' })
    expect((await patch(id, { body: 'Hijacked' }, bearer(other.secret))).status).toBe(403)
    expect((await storedRow(id))?.body).toBe('Untouched.')
    expect(revalidated).toEqual([])
  })

  it('403 with a clear message once the window is over (and not a second earlier)', async () => {
    const { id, secret, until } = await create('Old words.')
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.parse(until) - 2000)
    expect((await patch(id, { body: 'Just in time.' }, bearer(secret))).status).toBe(200)
    vi.setSystemTime(Date.parse(until))
    const late = await patch(id, { body: 'Too late.' }, bearer(secret))
    expect(late.status).toBe(403)
    expect(await late.json()).toEqual({
      error: 'The time to edit or delete this comment is over.',
      code: 'edit-window-closed',
      editableUntil: until,
    })
    expect((await storedRow(id))?.body).toBe('Just in time.')
  })

  it('404 for an unknown, malformed or deleted comment', async () => {
    const { secret } = await create()
    for (const id of ['999999', 'abc', '0', '-1', '1.5', '99999999999']) {
      const response = await patch(id, { body: 'x' }, bearer(secret))
      expect(response.status).toBe(404)
      expect((await response.json()).code).toBe('comment-not-found')
    }
    const deleted = await create()
    expect((await remove(deleted.id, bearer(deleted.secret))).status).toBe(204)
    expect((await patch(deleted.id, { body: 'Back' }, bearer(deleted.secret))).status).toBe(404)
  })

  it('400 for bad JSON, 415 for anything but JSON, 413 past the size limit, 422 for invalid fields', async () => {
    const { id, secret } = await create()
    expect((await patch(id, undefined, bearer(secret), '{"body":')).status).toBe(400)
    expect((await patch(id, undefined, { ...bearer(secret), 'content-type': 'text/plain' }, 'body=x')).status).toBe(415)
    expect((await patch(id, { body: 'x'.repeat(70_000) }, bearer(secret))).status).toBe(413)
    const empty = await patch(id, { body: '   ' }, bearer(secret))
    expect(empty.status).toBe(422)
    expect((await empty.json()).fieldErrors).toEqual({ body: ['Write a comment.'] })
    expect((await patch(id, { body: 'x'.repeat(5001) }, bearer(secret))).status).toBe(422)
    const extra = await patch(id, { body: 'ok', status: 'published' }, bearer(secret))
    expect(extra.status).toBe(422)
    expect((await extra.json()).fieldErrors).toEqual({ status: ['This field is not accepted.'] })
    expect((await patch(id, ['body'], bearer(secret))).status).toBe(422)
  })

  it('403 for a cross-site request', async () => {
    const { id, secret } = await create()
    expect((await patch(id, { body: 'x' }, { ...bearer(secret), origin: 'https://evil.example' })).status).toBe(403)
  })

  it('429 past 10 edits of one comment', async () => {
    const { id, secret } = await create()
    for (let edit = 1; edit <= 10; edit++)
      expect((await patch(id, { body: `Edit ${edit}` }, bearer(secret))).status).toBe(200)
    const limited = await patch(id, { body: 'Edit 11' }, bearer(secret))
    expect(limited.status).toBe(429)
    expect((await limited.json()).code).toBe('edit-limit')
  })
})

describe('DELETE /api/comments/<id>', () => {
  it('204: the comment is removed from the page, which is invalidated, and a second delete is a 404', async () => {
    const { id, secret } = await create()
    revalidated.length = 0
    const response = await remove(id, bearer(secret))
    expect(response.status).toBe(204)
    expect(await response.text()).toBe('')
    expect((await storedRow(id))?.status).toBe('deleted')
    expect((await listed()).some((listedComment) => listedComment.id === id)).toBe(false)
    expect(revalidated).toEqual([`comments:${slug}`, 'comments', `comment-count:${slug}`])
    expect((await remove(id, bearer(secret))).status).toBe(404)
  })

  it('401 without the secret, 403 with a wrong one, 403 past the window, 404 for an unknown id', async () => {
    const { id, secret, until } = await create()
    expect((await remove(id)).status).toBe(401)
    expect((await remove(id, bearer('wrong'))).status).toBe(403)
    expect((await remove(999_999, bearer(secret))).status).toBe(404)
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.parse(until) + 1)
    const late = await remove(id, bearer(secret))
    expect(late.status).toBe(403)
    expect((await late.json()).code).toBe('edit-window-closed')
    expect((await storedRow(id))?.status).toBe('published')
  })
})

it('405 for other methods', async () => {
  const response = await GET()
  expect(response.status).toBe(405)
  expect(response.headers.get('allow')).toBe('PATCH, DELETE, OPTIONS')
})
