// `npm run bench:search [-- N]`: builds the search index for N generated posts (default 1000) and
// prints its size, the time to build it, what a first search downloads, and query latency
// (median and p99) of the same Pagefind code the browser runs. Run through tsx: it imports the
// site's TypeScript index builder (lib/search/build-index.ts), so the figures are for the real index.
import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { writeSearchIndex } from '../lib/search/build-index.ts'

const count = Number(process.argv[2] ?? 1000)
if (!Number.isInteger(count) || count < 1)
  throw new Error(`usage: npm run bench:search -- <number of posts>, got ${process.argv[2]}`)
const ROUNDS = 20

// Posts made of the real posts' sections, shuffled per post, so vocabulary, headings, code and
// length look like this blog's; each also gets a word of its own to find it by.
const sources = await Promise.all(
  (await readdir('content/posts'))
    .filter((f) => f.endsWith('.mdx'))
    .map(async (f) => (await readFile(path.join('content/posts', f), 'utf8')).replace(/^---[\s\S]*?---\n/, '')),
)
const sections = sources.flatMap((body) => body.split(/\n(?=## )/))
let seed = 42
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
const pick = (list) => list[Math.floor(random() * list.length)]
const topics = [
  'Kafka',
  'PostgreSQL',
  'Redis',
  'gRPC',
  'OAuth',
  'Kubernetes',
  'caching',
  'queues',
  'indexes',
  'sharding',
  'retries',
  'observability',
]
const posts = Array.from({ length: count }, (_, i) => {
  const parts = Array.from({ length: 6 }, () => pick(sections))
  return {
    url: `/blog/generated-post-${i}`,
    title: `${pick(topics)} in practice, part ${i}`,
    summary: `Notes on ${pick(topics)} and ${pick(topics)} for backend engineers.`,
    tags: [pick(topics).toLowerCase(), pick(topics).toLowerCase()],
    date: new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString(),
    body: { raw: `${parts.join('\n\n')}\n\nA word only this post has: zq${i.toString(36)}marker.\n` },
  }
})
const words = posts.reduce((sum, post) => sum + post.body.raw.split(/\s+/).length, 0)

const outDir = await mkdtemp(path.join(tmpdir(), 'search-bench-'))
const indexDir = path.join(outDir, 'pagefind')
try {
  const started = performance.now()
  const stats = await writeSearchIndex(posts, indexDir)
  const buildSeconds = (performance.now() - started) / 1000

  const files = (await readdir(indexDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())
  let gzipped = 0
  for (const file of files) {
    const body = await readFile(path.join(file.parentPath, file.name))
    // Pagefind's index and fragments are gzipped already; its script, worker and wasm are what a server compresses.
    gzipped += /\.(js|json|pagefind)$/.test(file.name) ? gzipSync(body, { level: 9 }).length : body.length
  }

  // The browser's Pagefind, in Node: its fetches read the files and count what a browser would download.
  let transferred = 0
  globalThis.fetch = async (input) => {
    const body = await readFile(path.join(outDir, new URL(String(input)).pathname))
    transferred += /\.(js|json|pagefind)$/.test(new URL(String(input)).pathname.replace(/\?.*/, ''))
      ? gzipSync(body).length
      : body.length
    return new Response(body, { headers: { 'content-type': 'application/wasm' } })
  }
  await copyFile(path.join(indexDir, 'pagefind.js'), path.join(indexDir, 'pagefind.mjs'))
  const pagefind = await import(path.join(indexDir, 'pagefind.mjs'))
  await pagefind.options({ basePath: 'http://bench.invalid/pagefind/', baseUrl: '/' })
  const search = async (term) => {
    const { results } = await pagefind.search(term)
    await Promise.all(results.slice(0, 10).map((result) => result.data()))
    return results.length
  }

  const coldStart = performance.now()
  const coldHits = await search('idempotency')
  const cold = { ms: performance.now() - coldStart, kib: transferred / 1024, hits: coldHits }
  const queries = [
    'kafka',
    'postgresql index',
    'idempotency key',
    'etag',
    'rate limiting',
    'terraform',
    'microservices',
    'pagination cursor',
    `zq${(count - 1).toString(36)}marker`,
    'zzqxvbnm',
  ]
  // Load every chunk once: the timings below are of searching, not downloading.
  for (const term of queries) await search(term)
  const timings = []
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const term of queries) {
      const t = performance.now()
      await search(term)
      timings.push(performance.now() - t)
    }
  }
  timings.sort((a, b) => a - b)
  const at = (q) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))]

  const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`
  console.log(`Search index for ${count} generated posts (${(words / count).toFixed(0)} words each on average)`)
  console.table({
    'index build': { value: `${buildSeconds.toFixed(1)} s` },
    'index files': { value: stats.files },
    'index size on disk': { value: kib(stats.bytes) },
    'index size, served gzipped': { value: kib(gzipped) },
    'first search: download': { value: `${cold.kib.toFixed(0)} KiB (engine, metadata, chunks, top 10 results)` },
    'first search: time (no network)': { value: `${cold.ms.toFixed(0)} ms` },
    'query latency median': { value: `${at(0.5).toFixed(1)} ms` },
    'query latency p99': { value: `${at(0.99).toFixed(1)} ms` },
  })
  console.log(
    `Latency: search + details of the top 10 results, ${queries.length} queries × ${ROUNDS} rounds, ` +
      "after each query's chunks were loaded once.",
  )
  await pagefind.destroy()
} finally {
  await rm(outDir, { recursive: true, force: true })
}
