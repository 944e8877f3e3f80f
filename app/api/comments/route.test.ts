import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

// Before the configuration (lib/config.ts) is first read: an in-memory PGlite, the default limits, a webhook receiver.
process.env.PGLITE_DIR = 'memory://'
// What the server entry (lib/server/start.mjs) sets: the key the socket address is signed with.
process.env.PEER_ADDRESS_SECRET = 'test key for the peer address'
process.env.COMMENT_WEBHOOK_TIMEOUT_MS = '1000'
process.env.COMMENT_WEBHOOK_RETRY_MS = '10'

// `after()` and the cache functions need Next's request scope; here they are recorded instead.
const afterCallbacks: Array<() => unknown> = []
vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/server')>()),
  after: (callback: () => unknown) => void afterCallbacks.push(callback),
}))
const revalidated: Array<{ tag: string; profile: unknown }> = []
vi.mock('next/cache', () => ({
  cacheLife: () => {},
  cacheTag: () => {},
  revalidateTag: (tag: string, profile: unknown) => void revalidated.push({ tag, profile }),
}))

// A fixture post to comment on, not the real content (test/support/posts.ts).
vi.mock('@/lib/posts', () => import('@/test/support/posts'))

const hooks: Array<{ body: unknown }> = []
let hookDelayMs = 0
const receiver = createServer((request: IncomingMessage, response) => {
  let text = ''
  request.on('data', (chunk: Buffer) => (text += chunk))
  request.on('end', () => {
    hooks.push({ body: JSON.parse(text) })
    setTimeout(() => response.writeHead(204).end(), hookDelayMs)
  })
})

const { GET, POST, PUT, PATCH, DELETE } = await import('./route')
const { formatPeerAddress, PEER_ADDRESS_HEADER } = await import('@/lib/server/peer-address.mjs')
const { getDb } = await import('@/lib/db')
const { fixturePost, otherFixturePost } = await import('@/test/support/posts')

const { slug } = fixturePost
const base = 'http://127.0.0.1:3110/api/comments'
let client = 0
/** Each test posts from its own address, so the per-client limit only bites where a test wants it. */
const newClient = () => `198.51.100.${++client}`

function post(body: unknown, init: { headers?: Record<string, string>; from?: string; raw?: BodyInit } = {}) {
  return POST(
    new Request(base, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        host: '127.0.0.1:3110',
        [PEER_ADDRESS_HEADER]: formatPeerAddress(init.from ?? newClient(), 'test key for the peer address'),
        ...init.headers,
      },
      body: init.raw ?? JSON.stringify(body),
    }),
  )
}
const comment = (overrides: Record<string, unknown> = {}) => ({
  slug,
  name: 'Ada',
  body: `Body ${Math.random()}`,
  ...overrides,
})
const list = async () =>
  (await (await GET(new Request(`${base}?slug=${slug}`))).json()).comments as Array<Record<string, unknown>>

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  process.env.COMMENT_WEBHOOK_URL = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`
})
afterAll(() => new Promise((resolve) => receiver.close(resolve)))

function expectCommonHeaders(response: Response) {
  expect(response.headers.get('cache-control')).toBe('no-store')
  expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([])
}

describe('GET /api/comments', () => {
  it('200 with the published comments, oldest first', async () => {
    const created = await (await post(comment({ body: 'listed' }))).json()
    const response = await GET(new Request(`${base}?slug=${slug}`))
    expect(response.status).toBe(200)
    expectCommonHeaders(response)
    expect((await response.json()).comments).toContainEqual(created.comment)
  })

  it('400 without a slug; 404 for a slug that is not a published post', async () => {
    expect((await GET(new Request(base))).status).toBe(400)
    const missing = await GET(new Request(`${base}?slug=no-such-post`))
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({
      error: 'There is no published post with this slug.',
      code: 'post-not-found',
    })
  })
})

describe('POST /api/comments', () => {
  it("201 with the stored comment, which GET lists; the post's page expired at once, its count stale", async () => {
    revalidated.length = 0
    const response = await post(comment({ name: '  Ada  ', body: 'Hello\r\nworld' }))
    expect(response.status).toBe(201)
    expectCommonHeaders(response)
    const { comment: stored } = await response.json()
    expect(stored).toMatchObject({ parentId: null, name: 'Ada', body: 'Hello\nworld', status: 'published' })
    expect(revalidated).toEqual([
      { tag: `comments:${slug}`, profile: { expire: 0 } },
      { tag: 'comments', profile: { expire: 0 } },
      { tag: `comment-count:${slug}`, profile: 'max' },
    ])
    expect(await list()).toContainEqual(stored)
  })

  it('201 with sanitized, highlighted `html` beside the Markdown source `body`, which GET lists too', async () => {
    const body = `Try \`npm ci\` ${Math.random()}:\n\n\`\`\`ts\nconst x = 1\n\`\`\`\n\n<script>alert(1)</script> **x**`
    const response = await post(comment({ body }))
    expect(response.status).toBe(201)
    const { comment: stored } = await response.json()
    expect(stored.body).toBe(body)
    expect(stored.html).toMatch(
      new RegExp(
        /^<p>Try <code>npm ci<\/code> 0\.\d+:<\/p>\n/.source +
          /<figure data-rehype-pretty-code-figure=""><pre tabindex="0" data-language="ts"/.source,
      ),
    )
    expect(stored.html).toMatch(/<span class="cl\d+ cd\d+">const<\/span>/)
    expect(stored.html).toContain('<p>&#x3C;script>alert(1)&#x3C;/script> <strong>x</strong></p>')
    expect(await list()).toContainEqual(stored)
  })

  it('202 pending for a comment with a link (moderation "links"), not listed, and no page expired', async () => {
    revalidated.length = 0
    const response = await post(comment({ body: 'see https://example.com' }))
    expect(revalidated).toEqual([])
    expect(response.status).toBe(202)
    const { comment: held } = await response.json()
    expect(held.status).toBe('pending')
    expect((await list()).map((c) => c.id)).not.toContain(held.id)
  })

  it('202 for a filled honeypot, like a held comment, and never shown', async () => {
    const response = await post(comment({ website: 'http://spam.example', body: 'buy now' }))
    expect(response.status).toBe(202)
    const { comment: spam } = await response.json()
    expect(spam.status).toBe('pending')
    expect((await list()).map((c) => c.id)).not.toContain(spam.id)
  })

  it('a reply to a reply attaches to the top-level comment; a parent on another post is 422', async () => {
    const top = (await (await post(comment())).json()).comment
    const reply = (await (await post(comment({ parentId: top.id }))).json()).comment
    const nested = await post(comment({ parentId: reply.id }))
    expect((await nested.json()).comment.parentId).toBe(top.id)
    const other = (await (await post(comment({ slug: otherFixturePost.slug }))).json()).comment
    const wrong = await post(comment({ parentId: other.id }))
    expect(wrong.status).toBe(422)
    expect((await wrong.json()).fieldErrors).toEqual({
      parentId: ['The comment you are replying to does not exist on this post.'],
    })
  })

  it('400 for a body that is not JSON or not UTF-8, and stores nothing', async () => {
    const before = (await list()).length
    expect((await post(undefined, { raw: '{"slug":' })).status).toBe(400)
    expect((await post(undefined, { raw: new Uint8Array([0x7b, 0xff, 0x7d]) })).status).toBe(400)
    expect((await list()).length).toBe(before)
  })

  it('accepts the longest valid comment however encoded: 5000 four-byte characters as JSON \\u escapes', async () => {
    const body = '😀'.repeat(5000)
    // Every UTF-16 unit as \uXXXX: 12 bytes per character.
    const escape = (text: string) =>
      text
        .split('')
        .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
        .join('')
    const escaped = `{"slug":"${slug}","name":"Ada","body":"${escape(body)}"}`
    expect(escaped.length).toBeGreaterThan(60_000)
    const response = await post(undefined, { raw: escaped })
    expect(response.status).toBe(201)
    expect((await response.json()).comment.body).toBe(body)
  })

  it('413 over 64 KiB, from Content-Length and from a chunked body without one', async () => {
    const big = JSON.stringify(comment({ body: 'x'.repeat(65 * 1024) }))
    expect((await post(undefined, { raw: big, headers: { 'content-length': String(big.length) } })).status).toBe(413)
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 70; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1024)))
        controller.close()
      },
    })
    const response = await POST(
      new Request(base, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: chunks,
        duplex: 'half',
      } as RequestInit),
    )
    expect(response.status).toBe(413)
    expect(await response.json()).toEqual({ error: 'The request body is over 64 KiB.' })
  })

  it("415 for anything but JSON: the page's form posts to its own action without JavaScript", async () => {
    const response = await post(undefined, { raw: 'hello', headers: { 'content-type': 'text/plain' } })
    expect(response.status).toBe(415)
    expect(await response.json()).toEqual({ error: 'Send application/json.' })
    expect(
      (await post(undefined, { raw: '<x/>', headers: { 'content-type': 'multipart/form-data; boundary=x' } })).status,
    ).toBe(415)
    const form = new URLSearchParams({ slug, name: 'Form', body: 'no js' }).toString()
    expect(
      (await post(undefined, { raw: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status,
    ).toBe(415)
  })

  it('405 with Allow for PUT, PATCH and DELETE', async () => {
    for (const handler of [PUT, PATCH, DELETE]) {
      const response = handler()
      expect(response.status).toBe(405)
      expect(response.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS')
    }
  })

  it('422 with field errors for invalid input and unknown fields, storing nothing', async () => {
    const before = (await list()).length
    const response = await post({ slug, name: '', body: '\u200B', admin: true })
    expect(response.status).toBe(422)
    expect(await response.json()).toEqual({
      error: 'Some fields are not valid.',
      fieldErrors: {
        name: ['Enter your name.'],
        body: ['Your comment must contain visible characters.'],
        admin: ['This field is not accepted.'],
      },
    })
    expect((await post(comment({ body: 'a\u0000b' }))).status).toBe(422)
    expect((await post([comment()])).status).toBe(422)
    expect((await list()).length).toBe(before)
  })

  it('422, never 500, for fields named like members of Object.prototype', async () => {
    for (const field of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', '__defineGetter__']) {
      const raw = `{"slug":"${slug}","name":"Ada","body":"Hi","${field}":1}`
      const response = await post(undefined, { raw })
      expect(response.status, field).toBe(422)
      expect((await response.json()).fieldErrors[field], field).toEqual(['This field is not accepted.'])
    }
  })

  it('404 for an unknown slug', async () => {
    expect((await post(comment({ slug: 'no-such-post' }))).status).toBe(404)
  })

  it('403 for cross-site requests; same-origin browsers and scripts without these headers pass', async () => {
    const crossSite: Array<Record<string, string>> = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: 'http://127.0.0.1:3110.evil.example' },
    ]
    for (const headers of crossSite) {
      const response = await post(comment(), { headers })
      expect(response.status, JSON.stringify(headers)).toBe(403)
      expect((await response.json()).error).toBe('Comments can only be posted from this site.')
    }
    expect(
      (await post(comment(), { headers: { 'sec-fetch-site': 'same-origin', origin: 'http://127.0.0.1:3110' } })).status,
    ).toBe(201)
    expect((await post(comment(), { headers: { origin: 'http://localhost:3000' } })).status).toBe(201)
  })

  it('409 for the same body from the same client on the same post', async () => {
    const from = newClient()
    expect((await post(comment({ body: 'Same words' }), { from })).status).toBe(201)
    const again = await post(comment({ body: '  Same words ' }), { from })
    expect(again.status).toBe(409)
    expect((await again.json()).code).toBe('duplicate')
    expect((await post(comment({ body: 'Same words' }))).status).toBe(201)
  })

  it('429 with Retry-After past COMMENT_RATE_LIMIT (5) posts from one client', async () => {
    const from = newClient()
    for (let i = 0; i < 5; i++) expect((await post(comment(), { from })).status).toBe(201)
    const refused = await post(comment(), { from })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(590)
    // A forged X-Forwarded-For does not make a new client when no proxy is trusted.
    expect((await post(comment(), { from, headers: { 'x-forwarded-for': '203.0.113.99' } })).status).toBe(429)
  })

  it('replays an idempotency key (header or field) with the first result, and 422 for another body', async () => {
    const key = `key-${Math.random()}`
    const from = newClient()
    const first = await post(comment({ body: 'once' }), { from, headers: { 'idempotency-key': key } })
    const replay = await post(comment({ body: 'once' }), { from, headers: { 'idempotency-key': key } })
    expect(replay.status).toBe(201)
    expect(replay.headers.get('idempotent-replayed')).toBe('true')
    const firstId = (await first.json()).comment.id
    expect((await replay.json()).comment.id).toBe(firstId)
    const asField = await post(comment({ body: 'once', idempotencyKey: key }), { from })
    expect(asField.headers.get('idempotent-replayed')).toBe('true')
    expect((await asField.json()).comment.id).toBe(firstId)
    expect((await post(comment({ body: 'twice' }), { from, headers: { 'idempotency-key': key } })).status).toBe(422)
    expect((await post(comment({ idempotencyKey: 'a' }), { from, headers: { 'idempotency-key': 'b' } })).status).toBe(
      422,
    )
    // Keys are scoped to the client: another address with the same key and text gets a comment of its own.
    const stranger = await post(comment({ body: 'once' }), { headers: { 'idempotency-key': key } })
    expect(stranger.headers.get('idempotent-replayed')).toBeNull()
    expect((await stranger.json()).comment.id).not.toBe(firstId)
  })

  it('concurrent requests with one key store exactly one comment', async () => {
    const key = `race-${Math.random()}`
    const from = newClient()
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => post(comment({ body: 'race' }), { from, headers: { 'idempotency-key': key } })),
    )
    const ids = new Set(await Promise.all(responses.map(async (r) => (await r.json()).comment.id)))
    expect(ids.size).toBe(1)
    expect((await list()).filter((c) => c.body === 'race')).toHaveLength(1)
  })
})

describe('the webhook', () => {
  it('runs after the response, with the comment; not for spam or replays', async () => {
    afterCallbacks.length = 0
    hooks.length = 0
    hookDelayMs = 0
    const key = `hook-${Math.random()}`
    const from = newClient()
    const response = await post(comment({ body: 'notify me' }), { from, headers: { 'idempotency-key': key } })
    await post(comment({ body: 'notify me' }), { from, headers: { 'idempotency-key': key } })
    await post(comment({ website: 'x', body: 'spam' }))
    // The response exists before any webhook work has run.
    expect(response.status).toBe(201)
    expect(hooks).toEqual([])
    expect(afterCallbacks).toHaveLength(1)
    await Promise.all(afterCallbacks.map((callback) => callback()))
    expect(hooks).toEqual([
      {
        body: {
          event: 'comment.created',
          // The webhook carries the source text only, not the page's rendered `html`.
          comment: { ...(await response.json()).comment, html: undefined },
          post: { slug, title: fixturePost.title, url: `http://localhost:3000${fixturePost.url}` },
          isAwaitingModeration: false,
        },
      },
    ])
  })

  it('marks the delivery done once the receiver answered 2xx', async () => {
    afterCallbacks.length = 0
    const response = await post(comment({ body: 'mark me' }))
    const { id } = (await response.json()).comment
    const db = await getDb()
    const pending = async () =>
      db.query('select attempts, delivered_at from webhook_deliveries where comment_id = $1', [id])
    expect(await pending()).toEqual([{ attempts: 0, delivered_at: null }])
    await Promise.all(afterCallbacks.map((callback) => callback()))
    expect(await pending()).toEqual([{ attempts: 1, delivered_at: expect.any(Date) }])
  })

  it('tries a receiver past COMMENT_WEBHOOK_TIMEOUT_MS 3 times, leaves it for start-up, never throws', async () => {
    afterCallbacks.length = 0
    hooks.length = 0
    hookDelayMs = 5_000
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const response = await post(comment({ body: 'slow receiver' }))
    const { id } = (await response.json()).comment
    const started = Date.now()
    await expect(Promise.all(afterCallbacks.map((callback) => callback()))).resolves.toEqual([false])
    // Three attempts of 1 s, 10 ms and 40 ms apart, where waiting for the receiver would take 15 s.
    expect(Date.now() - started).toBeLessThan(6_000)
    expect(hooks.map((hook) => (hook.body as { comment: { id: number } }).comment.id)).toEqual([id, id, id])
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('no answer within 1000 ms'))
    const db = await getDb()
    expect(await db.query('select attempts, delivered_at from webhook_deliveries where comment_id = $1', [id])).toEqual(
      [{ attempts: 3, delivered_at: null }],
    )
    warn.mockRestore()
    hookDelayMs = 0
  })
})
