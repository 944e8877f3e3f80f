import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { closeDb } from '@/lib/db'
import { GET } from './route'

// Each Vitest file runs in its own module graph: here the embedded database, in memory.
beforeAll(() => {
  vi.stubEnv('DATABASE_URL', '')
  vi.stubEnv('PGLITE_DIR', 'memory://')
})

// connection() needs Next's request scope; a direct call is a request of its own.
vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/server')>()),
  connection: async () => {},
}))

afterAll(() => closeDb())

describe('GET /api/health with the database up', () => {
  it('answers 200 and names the database', async () => {
    const response = await GET()
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'pglite', cache: { store: 'memory' } })
  })
})
