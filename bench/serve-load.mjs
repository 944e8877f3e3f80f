// Requests per second and latency of the production server under 50 concurrent connections, for
// the home page, a post page and the longest post, in one run, and the post/home ratio.
// Usage: npm run bench:serve [-- --seconds 10] [-- --posts 100] [-- --root <dir>]   (see docs/benchmarks.md)
//   without --posts: the current build (`npm run build` first), served as `npm start` serves it;
//   with --posts N:  a throwaway copy of the project with N synthetic posts, built and served;
//   with --root DIR: the build of another checkout (an older commit, for a before/after figure).
import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { copyProject, createTempWorkspace, linkNodeModules, projectRoot } from '../lib/tooling/project-copy.mjs'
import { startProductionServer } from '../lib/tooling/production-server.mjs'
import { listPosts } from './lib/posts.mjs'
import { writeSyntheticPosts } from './lib/synthetic-posts.mjs'

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, posts: { type: 'string' }, root: { type: 'string' } },
})
const seconds = Number(values.seconds)
const connections = 50

/** A copy of the project with `count` synthetic posts, built as `npm run build` builds it. */
function buildSyntheticSite(count) {
  const workspace = createTempWorkspace()
  copyProject(workspace)
  linkNodeModules(workspace)
  mkdirSync(join(workspace, 'content', 'posts'), { recursive: true })
  writeSyntheticPosts(join(workspace, 'content', 'posts'), count)
  process.stderr.write(`building ${count} synthetic posts in ${workspace}…\n`)
  const build = spawnSync('npm', ['run', 'build', '--silent'], {
    cwd: workspace,
    env: { ...process.env, PWD: workspace },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (build.status !== 0) throw new Error('the build of the synthetic site failed')
  return workspace
}

async function measure(url) {
  await autocannon({ url, connections, duration: 2 })
  const result = await autocannon({ url, connections, duration: seconds })
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    kib: Math.round(result.throughput.total / Math.max(1, result.requests.total) / 1024),
    failed: result.non2xx + result.errors + result.timeouts,
  }
}

const root = values.posts ? buildSyntheticSite(Number(values.posts)) : (values.root ?? projectRoot)
const server = await startProductionServer({}, { root, echo: true })
try {
  // "A post": the post of median length; "the longest post": the one with the longest body.
  const posts = listPosts(root)
  const pages = [
    ['home', '/'],
    ['post', posts[Math.floor(posts.length / 2)].url],
    ['longest post', posts[0].url],
  ]
  // Every page is viewed once before anything is measured: the cache starts empty, so a first view
  // renders the page (and the first post opens the database). A render also turns on Node 20's
  // async hooks for AsyncLocalStorage, which every later request then pays for (about a third of
  // `/`'s throughput): a server that has rendered anything is the steady state, on any build.
  for (const [, path] of pages) await (await fetch(server.url + path)).arrayBuffer()
  const results = {}
  for (const [label, path] of pages) {
    const figures = await measure(server.url + path)
    results[label] = figures
    console.log(
      `serve ${label} (${path}), ${connections} connections, ${seconds}s: ` +
        `${figures.rps} req/s, p50 ${figures.p50} ms, p99 ${figures.p99} ms, ` +
        `${figures.kib} KiB per response${figures.failed ? `, ${figures.failed} failed` : ''}`,
    )
  }
  console.log(
    `serve ratio post/home: ${(results.post.rps / results.home.rps).toFixed(2)}, ` +
      `longest post/home: ${(results['longest post'].rps / results.home.rps).toFixed(2)}`,
  )
} finally {
  await server.stop()
  if (values.posts) rmSync(root, { recursive: true, force: true })
}
