import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from './fixtures'
import { createTestSchema, skipReason, skipWithoutPostgres } from '../test/support/postgres'
import {
  countKeys,
  deleteKeys,
  redisSkipReason,
  skipWithoutRedis,
  startRedisProxy,
  testRedisUrl,
} from '../test/support/redis'
import { unique } from './support/comments'
import { realPost, realPostSlug as slug } from './support/real-site'
import { startProductionServer, type ProductionServer } from '../lib/tooling/production-server.mjs'

// Each test starts its own standalone production servers (on free ports), with settings the shared
// server of the other specs must not have.
const lowLimits = {
  COMMENT_RATE_LIMIT: '3',
  COMMENT_RATE_LIMIT_POST: '1000',
  COMMENT_RATE_LIMIT_SITE: '1000',
  COMMENT_MODERATION: 'off',
}
const postPath = `/blog/${slug}`

async function postFrom(server: ProductionServer, body: string, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ slug, name: 'Load', body }),
  })
}

const pageOf = async (server: ProductionServer) => (await fetch(`${server.url}${postPath}`)).text()
const healthOf = async (server: ProductionServer) =>
  (await (await fetch(`${server.url}/api/health`)).json()) as Record<string, unknown> & {
    statements: number
    status: string
    cache: Record<string, unknown>
  }

/** `count` requests, `concurrency` at a time; returns their statuses. */
async function requestMany(urls: readonly string[], concurrency = 20) {
  const statuses: number[] = []
  for (let index = 0; index < urls.length; index += concurrency) {
    const batch = urls.slice(index, index + concurrency)
    statuses.push(...(await Promise.all(batch.map(async (url) => (await fetch(url)).status))))
  }
  return statuses
}

const randomSlugs = (count: number) => Array.from({ length: count }, () => `rnd-${randomBytes(8).toString('hex')}`)

const secret = randomBytes(24).toString('hex')
const shared = !skipWithoutPostgres && !skipWithoutRedis
const sharedSkipReason = [skipWithoutPostgres ? skipReason : '', skipWithoutRedis ? redisSkipReason : '']
  .filter(Boolean)
  .join('; ')
const sharedNote = shared ? '' : ` (${sharedSkipReason})`
const postgresNote = skipWithoutPostgres ? ` (${skipReason})` : ''

test.describe(`two standalone instances on one PostgreSQL schema and one Redis${sharedNote}`, () => {
  test.describe.configure({ mode: 'serial', timeout: 300_000 })
  test.skip(!shared, sharedSkipReason)

  let a: ProductionServer
  let b: ProductionServer
  let schema: Awaited<ReturnType<typeof createTestSchema>>
  let proxy: Awaited<ReturnType<typeof startRedisProxy>>
  const keyPrefix = `e2e-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}:`

  test.beforeAll(async () => {
    schema = await createTestSchema('instances_cache')
    // Both instances reach Redis through a proxy the test can cut: Redis going away mid-test.
    proxy = await startRedisProxy(testRedisUrl ?? '')
    const env = {
      DATABASE_URL: schema.url,
      REDIS_URL: proxy.url,
      REDIS_KEY_PREFIX: keyPrefix,
      REVALIDATE_SECRET: secret,
      COMMENT_MODERATION: 'links',
      COMMENT_RATE_LIMIT: '1000',
      COMMENT_RATE_LIMIT_POST: '1000',
      COMMENT_RATE_LIMIT_SITE: '1000',
    }
    ;[a, b] = await Promise.all([startProductionServer(env), startProductionServer(env)])
  })
  test.afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()])
    await proxy?.stop()
    await schema?.drop()
    await deleteKeys(testRedisUrl ?? '', keyPrefix)
  })

  test("a comment posted through A is in B's server HTML on the next request, and the other way round", async () => {
    expect(await pageOf(a)).toContain(postPath)
    expect(await pageOf(b)).toContain(postPath)
    const first = unique('ThroughA')
    expect((await postFrom(a, first)).status).toBe(201)
    expect(await pageOf(b)).toContain(first)
    const second = unique('ThroughB')
    expect((await postFrom(b, second)).status).toBe(201)
    expect(await pageOf(a)).toContain(second)
  })

  test('once a post page is cached, viewing it sends no statement to the database', async () => {
    await pageOf(b)
    const before = (await healthOf(b)).statements
    for (let view = 0; view < 20; view++) await pageOf(b)
    for (let read = 0; read < 5; read++) expect((await fetch(`${b.url}/api/comments?slug=${slug}`)).status).toBe(200)
    // The one statement is the first health check's own `select 1`.
    expect((await healthOf(b)).statements - before).toBe(1)
  })

  test('approving and deleting through the moderation CLI shows on both instances', async () => {
    const held = unique('HeldLink')
    const response = await postFrom(a, `${held} see www.example.com`)
    expect(response.status).toBe(202)
    const { comment } = (await response.json()) as { comment: { id: number } }
    expect(await pageOf(b)).not.toContain(held)
    // Not spawnSync: the Redis proxy runs in this process and must keep relaying meanwhile.
    const cli = (command: string) =>
      promisify(execFile)(
        process.execPath,
        ['--conditions=react-server', '--import', 'tsx', 'scripts/comments.ts', command, String(comment.id)],
        {
          env: { ...process.env, DATABASE_URL: schema.url, SITE_URL: a.url, REVALIDATE_SECRET: secret },
        },
      )
    const approved = await cli('approve')
    expect(approved.stdout).toBe(
      `Comment ${comment.id} is now published.\nRefreshed the page of the post on ${a.url}.\n`,
    )
    expect(await pageOf(a)).toContain(held)
    expect(await pageOf(b)).toContain(held)
    await cli('delete')
    expect(await pageOf(a)).not.toContain(held)
    expect(await pageOf(b)).not.toContain(held)
  })

  test('POST /api/revalidate wants the secret: 401 without one, 403 with a wrong one', async () => {
    const revalidate = (authorization?: string) =>
      fetch(`${a.url}/api/revalidate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ slugs: [slug] }),
      })
    expect((await revalidate()).status).toBe(401)
    expect((await revalidate(`Bearer ${secret.slice(1)}x`)).status).toBe(403)
    const granted = await revalidate(`Bearer ${secret}`)
    expect(granted.status).toBe(200)
    expect(await granted.json()).toEqual({ revalidated: [slug], unknown: [] })
  })

  test('1000 unknown slugs answer 404 and add nothing to the cache, in Redis or in memory', async () => {
    const [keysBefore, entriesBefore] = [
      await countKeys(testRedisUrl ?? '', keyPrefix),
      (await healthOf(a)).cache.entries,
    ]
    const statuses = await requestMany(randomSlugs(1000).map((random) => `${a.url}/blog/${random}`))
    expect(new Set(statuses)).toEqual(new Set([404]))
    expect(await countKeys(testRedisUrl ?? '', keyPrefix)).toBe(keysBefore)
    expect((await healthOf(a)).cache.entries).toBe(entriesBefore)
  })

  test('without Redis, pages and comments work; the invalidation waits in /api/health, then reaches B', async () => {
    const before = unique('BeforeOutage')
    expect((await postFrom(a, before)).status).toBe(201)
    expect(await pageOf(b)).toContain(before)
    await proxy.stop()
    await expect.poll(async () => (await healthOf(a)).cache.isConnected).toBe(false)

    const during = unique('DuringOutage')
    expect((await postFrom(a, during)).status).toBe(201)
    expect(await healthOf(a)).toMatchObject({
      status: 'degraded',
      // Three tags wait (invalidateComments, lib/comments/cache.ts): the post's, the feed's and the
      // post's count in the lists.
      cache: { store: 'redis', isConnected: false, pendingInvalidations: 3 },
    })
    // Without Redis every view renders the page from the database: slower, never stale.
    for (const server of [a, b]) {
      const response = await fetch(`${server.url}${postPath}`)
      expect(response.status).toBe(200)
      expect(await response.text()).toContain(during)
    }

    await proxy.start()
    await expect.poll(async () => (await healthOf(a)).cache.pendingInvalidations, { timeout: 15_000 }).toBe(0)
    expect(await healthOf(a)).toMatchObject({ status: 'ok', cache: { isConnected: true } })
    expect(await pageOf(b)).toContain(during)
  })
})

test.describe('servers of their own', () => {
  test.describe.configure({ timeout: 300_000 })

  test(`two production servers on one PostgreSQL share the rate limit${postgresNote}`, async () => {
    test.skip(skipWithoutPostgres, skipReason)
    const schema = await createTestSchema('instances')
    const env = { ...lowLimits, DATABASE_URL: schema.url }
    // Started together: both migrate the empty schema at once (the advisory lock serialises them).
    const [a, b] = await Promise.all([startProductionServer(env), startProductionServer(env)])
    try {
      const marker = unique('shared')
      const statuses = []
      for (const [index, server] of [a, b, a].entries())
        statuses.push((await postFrom(server, `${marker} ${index}`)).status)
      expect(statuses).toEqual([201, 201, 201])
      // The fourth post from this client is refused by whichever instance gets it.
      for (const server of [b, a]) {
        const refused = await postFrom(server, `${marker} over`, {
          'x-forwarded-for': `203.0.113.${Math.floor(Math.random() * 200)}`,
        })
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

  test('forged X-Forwarded-For/peer headers stay rate-limited; 1000 unknown slugs grow no memory cache', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'comments-e2e-'))
    const server = await startProductionServer({ ...lowLimits, PGLITE_DIR: path.join(dataDir, 'pglite') })
    try {
      const marker = unique('forged')
      for (let i = 0; i < 3; i++) {
        const headers = { 'x-forwarded-for': `198.51.100.${i}`, 'x-playbook-peer-address': `192.0.2.${i}` }
        expect((await postFrom(server, `${marker} ${i}`, headers)).status).toBe(201)
      }
      const refused = await postFrom(server, `${marker} 4`, {
        'x-forwarded-for': '198.51.100.77',
        'x-playbook-peer-address': '192.0.2.77',
      })
      expect(refused.status).toBe(429)
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)

      const entriesBefore = (await healthOf(server)).cache
      expect(entriesBefore).toMatchObject({ store: 'memory' })
      const statuses = await requestMany(randomSlugs(1000).map((random) => `${server.url}/blog/${random}`))
      expect(new Set(statuses)).toEqual(new Set([404]))
      expect((await healthOf(server)).cache.entries).toBe(entriesBefore.entries)
    } finally {
      await server.stop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  test("a production server won't start without SITE_URL, saying so, rather than trust the Host header", async () => {
    await expect(
      startProductionServer({ SITE_URL: '', PGLITE_DIR: path.join(tmpdir(), 'never-created') }),
    ).rejects.toThrow(/The server cannot start:\s+SITE_URL is not set/)
  })

  test('on Vercel without DATABASE_URL, the API answers 503 and the form says comments are unavailable', async ({
    page,
  }) => {
    const server = await startProductionServer({ VERCEL: '1', PGLITE_DIR: path.join(tmpdir(), 'never-created') })
    try {
      const response = await fetch(`${server.url}/api/comments?slug=${slug}`)
      expect(response.status).toBe(503)
      await page.goto(`${server.url}/blog/${slug}`)
      await expect(page.locator('#comment-form')).toContainText('Comments are unavailable on this site right now.')
      await expect(page.getByRole('button', { name: 'Post comment' })).toHaveCount(0)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(realPost.title)
    } finally {
      await server.stop()
    }
  })
})
