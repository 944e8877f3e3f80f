// Starts the standalone production server (`npm start`) on a loopback port for a benchmark, and
// stops it when the benchmark ends. The build must exist: benchmarks measure, they do not build.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })
}

/** `root`: the project (default) or a built copy of it. */
export async function startProductionServer(env = {}, { root = projectRoot } = {}) {
  if (!existsSync(join(root, '.next/standalone/server.js'))) {
    throw new Error('No production build: run `npm run build` first.')
  }
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PORT: String(port), HOSTNAME: '127.0.0.1', SITE_URL: url, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`)
    try {
      if ((await fetch(url)).ok) break
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', resolve)
      child.kill('SIGTERM')
    })
  process.once('exit', () => child.kill('SIGKILL'))
  return { url, stop }
}

/** The published posts of a build (`root`: the project or a copy), longest body first. */
export function listPosts(root = projectRoot) {
  const dir = join(root, '.contentlayer/generated/Post')
  const posts = readdirSync(dir)
    .filter((name) => name.endsWith('.mdx.json'))
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')))
    .filter((post) => !post.draft)
  posts.sort((a, b) => b.body.raw.length - a.body.raw.length)
  if (!posts[0]) throw new Error('No posts in .contentlayer/generated')
  return posts
}

/** The post with the longest body, from the generated content of the current build. */
export function longestPostPath() {
  return listPosts()[0].url
}
