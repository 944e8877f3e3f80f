import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from './fixtures'
import { createTestSchema, skipReason, skipWithoutPostgres } from '../test/support/postgres'
import { slug, unique } from './support/comments'
import { startProductionServer, type ProductionServer } from './support/production-server'

// Each test starts its own production servers (ports E2E_PORT + 1…4), with low limits that the
// shared server of the other specs must not have.
const basePort = Number(process.env.E2E_PORT ?? 3100)
const lowLimits = { COMMENT_RATE_LIMIT: '3', COMMENT_RATE_LIMIT_POST: '1000', COMMENT_RATE_LIMIT_SITE: '1000', COMMENT_MODERATION: 'off' }

async function postFrom(server: ProductionServer, body: string, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ slug, name: 'Load', body }),
  })
}

test.describe('servers of their own', () => {
  test.describe.configure({ timeout: 300_000 })

  test(`two production servers on one PostgreSQL share the rate limit${skipWithoutPostgres ? ` (${skipReason})` : ''}`, async () => {
    test.skip(skipWithoutPostgres, skipReason)
    const schema = await createTestSchema('instances')
    const env = { ...lowLimits, DATABASE_URL: schema.url }
    // Started together: both migrate the empty schema at once (the advisory lock serialises them).
    const [a, b] = await Promise.all([startProductionServer(basePort + 1, env), startProductionServer(basePort + 2, env)])
    try {
      const marker = unique('shared')
      const statuses = []
      for (const [index, server] of [a, b, a].entries()) statuses.push((await postFrom(server, `${marker} ${index}`)).status)
      expect(statuses).toEqual([201, 201, 201])
      // The fourth post from this client is refused by whichever instance gets it.
      for (const server of [b, a]) {
        const refused = await postFrom(server, `${marker} over`, { 'x-forwarded-for': `203.0.113.${Math.floor(Math.random() * 200)}` })
        expect(refused.status).toBe(429)
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(500)
      }
      // Both instances read the same comments.
      const fromB = await (await fetch(`${b.url}/api/comments?slug=${slug}`)).json()
      expect(fromB.comments.filter((c: { body: string }) => c.body.startsWith(marker))).toHaveLength(3)
    } finally {
      await Promise.all([a.stop(), b.stop()])
      await schema.drop()
    }
  })

  test('a forged X-Forwarded-For or peer header does not escape the per-client limit of the production server', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'comments-e2e-'))
    const server = await startProductionServer(basePort + 3, { ...lowLimits, PGLITE_DIR: path.join(dataDir, 'pglite') })
    try {
      const marker = unique('forged')
      for (let i = 0; i < 3; i++) {
        const headers = { 'x-forwarded-for': `198.51.100.${i}`, 'x-playbook-peer-address': `192.0.2.${i}` }
        expect((await postFrom(server, `${marker} ${i}`, headers)).status).toBe(201)
      }
      const refused = await postFrom(server, `${marker} 4`, { 'x-forwarded-for': '198.51.100.77', 'x-playbook-peer-address': '192.0.2.77' })
      expect(refused.status).toBe(429)
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
    } finally {
      await server.stop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  test('on Vercel without DATABASE_URL, the API answers 503 and the form says comments are unavailable', async ({ page }) => {
    const server = await startProductionServer(basePort + 4, { VERCEL: '1', PGLITE_DIR: path.join(tmpdir(), 'never-created') })
    try {
      const response = await fetch(`${server.url}/api/comments?slug=${slug}`)
      expect(response.status).toBe(503)
      await page.goto(`${server.url}/blog/${slug}`)
      await expect(page.locator('#comment-form')).toContainText('Comments are unavailable on this site right now.')
      await expect(page.getByRole('button', { name: 'Post comment' })).toHaveCount(0)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is backend engineering')
    } finally {
      await server.stop()
    }
  })
})
