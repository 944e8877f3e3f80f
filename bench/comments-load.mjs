// `npm run bench:comments`: load on the comments API of the production server (`npm start`), once
// on PGlite and once on PostgreSQL (TEST_DATABASE_URL or DATABASE_URL, in a schema of its own that is
// dropped afterwards; skipped without one). Prints requests/s and p50/p99 latency per case.
//   BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 10) tune each run.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { loadavg } from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import pg from 'pg'
import { startProductionServer } from '../lib/tooling/production-server.mjs'
import { listPosts } from './lib/posts.mjs'

const root = path.resolve(import.meta.dirname, '..')
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10)
// Two published posts of the build, chosen, not named: an author renaming a post breaks no benchmark.
const posts = listPosts()
const readSlug = posts.at(-1).slug
const writeSlug = posts[0].slug
const seeded = 50

if (!existsSync(path.join(root, '.next/standalone/server.js'))) {
  console.log('No production build: running `npm run build` first.')
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

/** The standalone server, as `npm start` runs it, with a fresh PGlite folder unless `env` names a database. */
const startServer = (env) =>
  startProductionServer({
    // Limits out of the way: this measures the server and the database, not the limiter's refusals.
    COMMENT_RATE_LIMIT: '1000000000',
    COMMENT_RATE_LIMIT_POST: '1000000000',
    COMMENT_RATE_LIMIT_SITE: '1000000000',
    COMMENT_MODERATION: 'off',
    COMMENT_WEBHOOK_URL: '',
    COMMENT_IP_SECRET: randomBytes(24).toString('hex'),
    ...env,
  })

const post = (url, slug, body) =>
  fetch(`${url}/api/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ slug, name: 'Bench', body }),
  })

function run(title, options) {
  return new Promise((resolve, reject) => {
    autocannon({ connections, duration: seconds, ...options }, (error, result) =>
      error ? reject(error) : resolve({ title, result }),
    )
  })
}

async function benchCase(engine, env) {
  const server = await startServer(env)
  const rows = []
  try {
    for (let i = 0; i < seeded; i++)
      await post(server.url, readSlug, `Seeded comment ${i} ${randomBytes(4).toString('hex')}`)
    let n = 0
    const runId = randomBytes(4).toString('hex')
    const cases = [
      ['GET /api/comments (50 comments)', { url: `${server.url}/api/comments?slug=${readSlug}` }],
      ['GET /blog/<slug> (page, 50 comments)', { url: `${server.url}/blog/${readSlug}` }],
      [
        'POST /api/comments (new comment)',
        {
          url: `${server.url}/api/comments`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          // A new body per request: the same body again from one client would be a 409 duplicate.
          requests: [
            {
              setupRequest: (request) => ({
                ...request,
                body: JSON.stringify({ slug: writeSlug, name: 'Bench', body: `Load ${runId} ${n++}` }),
              }),
            },
          ],
        },
      ],
    ]
    for (const [title, options] of cases) {
      await run(`${title} warm-up`, { ...options, duration: 2 })
      const { result } = await run(title, options)
      rows.push({
        engine,
        case: title,
        'req/s': Math.round(result.requests.average),
        'p50 ms': result.latency.p50,
        'p99 ms': result.latency.p99,
        requests: result.requests.total,
        'non-2xx': result.non2xx,
        errors: result.errors + result.timeouts,
      })
    }
  } finally {
    await server.stop()
  }
  return rows
}

const results = []
const loadBefore = loadavg()[0]
results.push(...(await benchCase('PGlite', {})))

const postgresUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL
if (postgresUrl) {
  const schema = `bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`
  const admin = new pg.Client({ connectionString: postgresUrl })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  try {
    const url = new URL(postgresUrl)
    url.searchParams.set('options', `-c search_path=${schema}`)
    results.push(...(await benchCase('PostgreSQL', { DATABASE_URL: url.toString() })))
  } finally {
    await admin.query(`drop schema ${schema} cascade`)
    await admin.end()
  }
} else {
  console.log('PostgreSQL: skipped (set TEST_DATABASE_URL or DATABASE_URL to include it).')
}

// Server, database and load generator share this machine: its other load is part of the figures.
console.log(
  `\nComments load: ${connections} connections, ${seconds} s per case, ` +
    `the standalone server (npm start), Node ${process.version}`,
)
console.log(`1-minute load average: ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after`)
console.table(results)
