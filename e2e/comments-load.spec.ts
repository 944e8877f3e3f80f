// The plain Playwright test, not ./fixtures: its CSP check opens a browser page per test, and a
// browser starting up beside the server would be measured too. These tests use no page.
import { expect, test } from '@playwright/test'
import {
  burstsOfWorstBodies,
  floodFromOneClient,
  latenciesDuring,
  percentile,
  postComment,
} from '../bench/lib/floods.mjs'
import { createTestSchema, skipReason, skipWithoutPostgres } from '../test/support/postgres'
import { realPostSlug as slug } from './support/real-site'
import { startProductionServer, type ProductionServer } from '../lib/tooling/production-server.mjs'

// What a flood of comment POSTs costs the readers of the same server. The database is PostgreSQL, a
// process of its own (the embedded PGlite would run every query on the server's thread). This
// project runs alone, after the others (playwright.config.ts). The bound is far above what the
// server does now (`npm run bench:floods` prints the figures: GET / p95 33–36 ms, GET /api/comments
// p99 100–110 ms on this 2-core machine) and far below what it did before: 160 ms of link detection per
// worst-case POST; refused POSTs queued for the write lock while the GETs waited for the pool's
// connections, for seconds; and every comment expiring the lists, so that each GET / rendered the
// page while the POSTs held the pool (p95 490–640 ms; the lists' counts now go stale instead).
const bound = 250

test.describe(`comment floods and readers${skipWithoutPostgres ? ` (${skipReason})` : ''}`, () => {
  test.describe.configure({ mode: 'serial', timeout: 300_000 })
  test.skip(skipWithoutPostgres, skipReason)

  let server: ProductionServer
  let schema: Awaited<ReturnType<typeof createTestSchema>>
  test.beforeAll(async () => {
    schema = await createTestSchema('load')
    // One proxy hop trusted: each POST names its client in X-Forwarded-For, as a proxy would.
    server = await startProductionServer({
      DATABASE_URL: schema.url,
      TRUST_PROXY_HOPS: '1',
      COMMENT_RATE_LIMIT: '3',
      COMMENT_RATE_LIMIT_POST: '100000',
      COMMENT_RATE_LIMIT_SITE: '100000',
    })
    // Warm: the first POST loads the route's code and opens the database pool.
    expect((await postComment(server.url, slug, 'warming up', '198.51.100.250')).status).toBe(201)
  })
  test.afterAll(async () => {
    await server?.stop()
    await schema?.drop()
  })

  test('bursts of 30 concurrent POSTs of the worst bodies for link detection leave GET / fast', async () => {
    const bursts = burstsOfWorstBodies(server.url, slug)
    const latencies = await latenciesDuring(`${server.url}/`, bursts)
    expect(
      (await bursts).filter((status) => status !== 201 && status !== 202),
      'statuses',
    ).toEqual([])
    expect(percentile(latencies, 95), `GET / latencies (ms): ${latencies.map(Math.round).join(', ')}`).toBeLessThan(
      bound,
    )
  })

  test('a flood of refused POSTs leaves GET /api/comments fast', async () => {
    for (let index = 0; index < 3; index++)
      await postComment(server.url, slug, `filling the limit ${index}`, '203.0.113.250')
    const flood = floodFromOneClient(server.url, slug, '203.0.113.250')
    const latencies = await latenciesDuring(`${server.url}/api/comments?slug=${slug}`, flood)
    const statuses = await flood
    expect(statuses.length).toBeGreaterThan(100)
    expect(new Set(statuses)).toEqual(new Set([429]))
    expect(
      percentile(latencies, 99),
      `GET /api/comments latencies (ms): ${latencies.map(Math.round).join(', ')}`,
    ).toBeLessThan(bound)
  })
})
