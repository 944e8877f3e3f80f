import { describe, expect, it, vi } from 'vitest'

// Each Vitest file runs in its own module graph: here the database is a PostgreSQL that is not there.
process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:1/nowhere'

const { GET, POST } = await import('./route')
const slug = 'what-is-backend-engineering'

describe('when the database is unreachable', () => {
  it('GET and POST answer 503 with Retry-After and a clear message, never 500', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const list = await GET(new Request(`http://localhost/api/comments?slug=${slug}`))
    expect(list.status).toBe(503)
    expect(list.headers.get('retry-after')).toBe('30')
    expect(await list.json()).toEqual({ error: 'Comments are unavailable right now. Please try again later.', code: 'unavailable' })

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

  it('a form post goes back to the form with "unavailable" and the text kept', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const response = await POST(
      new Request('http://localhost/api/comments', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ slug, name: 'Ada', body: 'Keep me' }).toString(),
      }),
    )
    expect(response.status).toBe(303)
    const location = new URL(response.headers.get('location') ?? '', 'http://x')
    expect([location.searchParams.get('error'), location.searchParams.get('body'), location.hash]).toEqual(['unavailable', 'Keep me', '#comment-form'])
  })
})
