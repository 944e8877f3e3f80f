import { beforeAll, describe, expect, it, vi } from 'vitest'
import { GET } from './route'

// Each Vitest file runs in its own module graph: here a PostgreSQL that is not there.
beforeAll(() => void vi.stubEnv('DATABASE_URL', 'postgres://postgres@127.0.0.1:1/nowhere'))

// connection() needs Next's request scope; a direct call is a request of its own.
vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/server')>()),
  connection: async () => {},
}))

describe('GET /api/health with the database down', () => {
  it('answers 503 with Retry-After', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const response = await GET()
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('5')
    expect(await response.json()).toMatchObject({ status: 'unavailable', database: 'unreachable' })
    expect(warn).toHaveBeenCalled()
    warn.mockRestore()
  })
})
