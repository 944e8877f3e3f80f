// @ts-check
// The one way e2e specs, benchmarks and tooling start a production server: the standalone server,
// through the entry point `npm start` runs (scripts/start.mjs), on a free loopback port, with a
// PGlite folder of its own unless told otherwise. Plain .mjs with JSDoc types, so that Playwright
// (TypeScript) and the benchmarks (run by `node`) import the same file.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

/**
 * @typedef {object} ProductionServer
 * @property {string} url `http://127.0.0.1:<port>`, also the server's SITE_URL unless `env` sets one.
 * @property {number} port
 * @property {import('node:child_process').ChildProcess} child
 * @property {() => string} output What the server has written to stdout and stderr so far.
 * @property {Promise<number | null>} exited Its exit code (null when killed by a signal).
 * @property {() => Promise<void>} stop SIGTERM, then SIGKILL if it has not exited `killAfterMs` later;
 *   resolves on 'exit'.
 */

/**
 * @typedef {object} StartOptions
 * @property {string} [root] The working directory: the project (default), a built copy of it, or a
 *   copied standalone folder.
 * @property {string} [script] Relative to `root`: `scripts/start.mjs` (default), or `lib/server/start.mjs`
 *   in a standalone folder, as the Docker image runs it. Either prints `ready on <url>` once it listens.
 * @property {boolean} [echo] Also write the server's stderr to this process's stderr (benchmarks).
 * @property {number} [timeoutMs] How long the server may take to answer (default 180 s: the first
 *   PGlite start runs initdb in WebAssembly).
 * @property {number} [killAfterMs] How long `stop()` waits after SIGTERM before SIGKILL (default 10 s).
 */

/**
 * A port nothing listens on now: bound on 127.0.0.1 with port 0 and released. Another process can
 * take it before the server binds it; startProductionServer then tries again with another port.
 * @returns {Promise<number>}
 */
export function findFreePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => (port ? resolve(port) : reject(new Error('no port assigned'))))
    })
  })
}

const attempts = 3

/**
 * Starts the production server and resolves once GET /api/health gets an answer, whatever its
 * status (503 when the database is unavailable, 404 on a build older than the route): the check
 * opens (and creates) the database, so the first request of a test or a benchmark does not pay for
 * it. `env` is added to this process's environment, after the defaults: PORT, HOSTNAME 127.0.0.1,
 * SITE_URL, no DATABASE_URL, and a fresh PGlite folder in the temp directory that is removed once
 * the server has exited. Rejects, with the server's output, if it exits or does not answer in time.
 * The server is killed when this process exits.
 * @param {Record<string, string>} [env]
 * @param {StartOptions} [options]
 * @returns {Promise<ProductionServer>}
 */
export async function startProductionServer(env = {}, options = {}) {
  for (let attempt = 1; ; attempt++) {
    const port = await findFreePort()
    try {
      return await startOnPort(port, env, options)
    } catch (error) {
      // Taken between findFreePort and the server's listen: the only failure worth a second try.
      if (!(error instanceof PortTakenError) || attempt === attempts) throw error
    }
  }
}

class PortTakenError extends Error {}

/**
 * @param {number} port
 * @param {Record<string, string>} env
 * @param {StartOptions} options
 * @returns {Promise<ProductionServer>}
 */
async function startOnPort(
  port,
  env,
  { root = projectRoot, script = 'scripts/start.mjs', echo = false, timeoutMs = 180_000, killAfterMs = 10_000 },
) {
  const url = `http://127.0.0.1:${port}`
  const dataDir = env.PGLITE_DIR === undefined ? mkdtempSync(path.join(tmpdir(), 'production-server-')) : undefined
  const child = spawn(process.execPath, [script], {
    cwd: root,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      SITE_URL: url,
      DATABASE_URL: '',
      ...(dataDir ? { PGLITE_DIR: path.join(dataDir, 'pglite') } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => {
    output += chunk
    if (echo) process.stderr.write(chunk)
  })
  const kill = () => child.kill('SIGKILL')
  process.once('exit', kill)
  /** @type {Promise<number | null>} */
  const exited = new Promise((resolve) =>
    // 'close', not 'exit': by then the output is complete too.
    child.once('close', (code) => {
      process.off('exit', kill)
      if (dataDir) rmSync(dataDir, { recursive: true, force: true })
      resolve(code)
    }),
  )
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const timer = setTimeout(kill, killAfterMs)
      await exited
      clearTimeout(timer)
    }
    await exited
  }

  const deadline = Date.now() + timeoutMs
  for (;;) {
    // The first check can take long (it opens the database) but never past the deadline.
    const signal = AbortSignal.timeout(Math.max(1, deadline - Date.now()))
    const status = await fetch(`${url}/api/health`, { signal }).then(
      (response) => response.status,
      () => 0,
    )
    // Only once our server said it listens on this port: until then another process that took the
    // port (a parallel test's server) could be the one answering.
    if (status !== 0 && output.includes(`ready on ${url}`))
      return { url, port, child, output: () => output, exited, stop }
    if (child.exitCode !== null || child.signalCode !== null) {
      await exited
      const message = `${script} exited (${child.exitCode ?? child.signalCode}) before answering on ${url}:\n${output}`
      throw output.includes('EADDRINUSE') ? new PortTakenError(message) : new Error(message)
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`${script} did not answer on ${url} within ${timeoutMs / 1000} s:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}
