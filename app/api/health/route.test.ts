import { afterAll, describe, expect, it, vi } from 'vitest'

// Each Vitest file runs in its own module graph: here the embedded database, in memory.
process.env.DATABASE_URL = ''
process.env.PGLITE_DIR = 'memory://'

// connection() needs Next's request scope; a direct call is a request of its own.
vi.mock('next/server', async (importOriginal) => ({ ...(await importOriginal<typeof import('next/server')>()), connection: async () => {} }))

const { GET } = await import('./route')
const { closeDb } = await import('@/lib/db')

afterAll(() => closeDb())

describe('GET /api/health with the database up', () => {
  it('answers 200 and names the database', async () => {
    const response = await GET()
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'pglite', cache: { store: 'memory' } })
  })
})
