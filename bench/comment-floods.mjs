// `npm run bench:floods`: what a flood of comment POSTs costs the readers of the same production
// server, on PostgreSQL (TEST_DATABASE_URL or DATABASE_URL, a schema of its own, dropped after).
// Prints the latency of GET / during three bursts of 30 concurrent POSTs of the worst bodies for
// link detection, and of GET /api/comments during three seconds of refused POSTs (5 in flight).
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { burstsOfWorstBodies, floodFromOneClient, latenciesDuring, percentile, postComment } from './lib/floods.mjs'
import { startProductionServer } from '../lib/tooling/production-server.mjs'
import { listPosts } from './lib/posts.mjs'

const databaseUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL
if (!databaseUrl) {
  console.log('floods: skipped, no TEST_DATABASE_URL or DATABASE_URL')
  process.exit(0)
}
const schema = `bench_floods_${randomBytes(4).toString('hex')}`
const admin = new pg.Client({ connectionString: databaseUrl })
await admin.connect()
await admin.query(`create schema ${schema}`)
const url = new URL(databaseUrl)
url.searchParams.set('options', `-c search_path=${schema}`)
// The shortest published post: its page costs least to render, so the flood's cost stands out.
const { slug } = listPosts().at(-1)
const server = await startProductionServer({
  DATABASE_URL: url.toString(),
  TRUST_PROXY_HOPS: '1',
  COMMENT_RATE_LIMIT: '3',
  COMMENT_RATE_LIMIT_POST: '100000',
  COMMENT_RATE_LIMIT_SITE: '100000',
})
const report = (label, latencies) =>
  console.log(
    `floods ${label}: p50 ${Math.round(percentile(latencies, 50))} ms, ` +
      `p95 ${Math.round(percentile(latencies, 95))} ms, p99 ${Math.round(percentile(latencies, 99))} ms, ` +
      `max ${Math.round(Math.max(...latencies))} ms (${latencies.length} GETs)`,
  )
try {
  await postComment(server.url, slug, 'warming up', '198.51.100.250')
  report(
    'GET / during 3 bursts of 30 worst-case POSTs',
    await latenciesDuring(`${server.url}/`, burstsOfWorstBodies(server.url, slug)),
  )
  for (let index = 0; index < 3; index++)
    await postComment(server.url, slug, `filling the limit ${index}`, '203.0.113.250')
  report(
    'GET /api/comments during 3 s of refused POSTs',
    await latenciesDuring(
      `${server.url}/api/comments?slug=${slug}`,
      floodFromOneClient(server.url, slug, '203.0.113.250'),
    ),
  )
} finally {
  await server.stop()
  await admin.query(`drop schema ${schema} cascade`)
  await admin.end()
}
