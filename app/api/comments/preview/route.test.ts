import { describe, expect, it } from 'vitest'
import { formatPeerAddress, PEER_ADDRESS_HEADER } from '@/lib/server/peer-address.mjs'
import { createPreviewLimiter } from '@/lib/comments/preview-limit'
import { GET, POST } from './route'

// What the server entry (lib/server/start.mjs) sets: the key the socket address is signed with.
const PEER_SECRET = 'test key for the peer address'
process.env.PEER_ADDRESS_SECRET = PEER_SECRET

const url = 'http://127.0.0.1:3110/api/comments/preview'
let client = 0

function preview(body: unknown, init: { headers?: Record<string, string>; raw?: BodyInit; from?: string } = {}) {
  return POST(
    new Request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        host: '127.0.0.1:3110',
        [PEER_ADDRESS_HEADER]: formatPeerAddress(init.from ?? `198.51.100.${++client}`, PEER_SECRET),
        ...init.headers,
      },
      body: init.raw ?? JSON.stringify(body),
    }),
  )
}

describe('POST /api/comments/preview', () => {
  it('200 with the html the page will show, stored nowhere and never cached', async () => {
    const response = await preview({
      body: '**Hi** `x`\n\n```sql\nselect 1\n```\n\n# not a heading <img src=x onerror=alert(1)>',
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const { html } = await response.json()
    expect(html).toMatch(
      new RegExp(
        /^<p><strong>Hi<\/strong> <code>x<\/code><\/p>\n/.source +
          /<figure data-rehype-pretty-code-figure=""><pre tabindex="0" data-language="sql"/.source,
      ),
    )
    expect(html).toContain('<p># not a heading &#x3C;img src=x onerror=alert(1)></p>')
  })

  it('normalizes the text as posting does (CRLF, surrounding space)', async () => {
    expect(await (await preview({ body: '  a\r\nb  ' })).json()).toEqual({ html: '<p>a\nb</p>' })
  })

  it('400 for a body that is not JSON; 415 for anything but JSON; 413 over 64 KiB', async () => {
    expect((await preview(undefined, { raw: '{' })).status).toBe(400)
    expect(
      (await preview(undefined, { raw: 'body=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }))
        .status,
    ).toBe(415)
    const big = JSON.stringify({ body: 'x'.repeat(65 * 1024) })
    const response = await preview(undefined, { raw: big, headers: { 'content-length': String(big.length) } })
    expect(response.status).toBe(413)
  })

  it('422 with field errors for an empty, over-long or invalid body and for unknown fields', async () => {
    for (const body of [
      { body: '   ' },
      { body: 'x'.repeat(5001) },
      { body: 'a\u0000b' },
      {},
      { body: 'x', name: 'Ada' },
      [],
    ]) {
      const response = await preview(body)
      expect(response.status, JSON.stringify(body).slice(0, 40)).toBe(422)
      expect((await response.json()).error).toBeTruthy()
    }
    expect((await (await preview({ body: 'x'.repeat(5001) })).json()).fieldErrors).toEqual({
      body: ['Use at most 5,000 characters.'],
    })
  })

  it('403 for a cross-site request; 405 for GET', async () => {
    expect((await preview({ body: 'x' }, { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403)
    expect((await GET()).status).toBe(405)
  })

  it('429 with Retry-After past 30 previews a minute from one client', async () => {
    const from = '203.0.113.77'
    for (let i = 0; i < 30; i++) expect((await preview({ body: `n${i}` }, { from })).status).toBe(200)
    const refused = await preview({ body: 'one more' }, { from })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await preview({ body: 'another client' })).status).toBe(200)
  })
})

describe('createPreviewLimiter', () => {
  it('allows `limit` per window and per client, then says when to retry', () => {
    let now = 0
    const isAllowed = createPreviewLimiter({ limit: 2, windowMs: 10_000 }, () => now)
    expect([isAllowed('a'), isAllowed('a'), isAllowed('b')].every((d) => d.isAllowed)).toBe(true)
    now = 4_000
    expect(isAllowed('a')).toEqual({ isAllowed: false, retryAfterSeconds: 6 })
    now = 10_000
    expect(isAllowed('a')).toEqual({ isAllowed: true })
  })
})
