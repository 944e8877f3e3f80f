import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findFreePort, startProductionServer } from './production-server.mjs'

// A stand-in for scripts/start.mjs: it answers /api/health with the settings it was started with,
// and behaves as FAKE_MODE says. The real server is started by the e2e specs and the benchmarks.
const fakeServer = `
import { appendFileSync, existsSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
const { FAKE_MODE: mode, PORT, HOSTNAME, SITE_URL, DATABASE_URL, PGLITE_DIR } = process.env
appendFileSync('attempts.log', PORT + '\\n')
if (mode === 'taken-once' && !existsSync('taken')) {
  writeFileSync('taken', '')
  console.error('Error: listen EADDRINUSE: address already in use 127.0.0.1:' + PORT)
  process.exit(1)
}
if (mode === 'crash') {
  console.error('The server cannot start: SITE_URL is not set')
  process.exit(1)
}
const server = createServer((req, res) =>
  res.end(JSON.stringify({ PORT, HOSTNAME, SITE_URL, DATABASE_URL, PGLITE_DIR })),
)
server.listen(Number(PORT), HOSTNAME, () => console.log('listening; ready on http://' + HOSTNAME + ':' + PORT))
process.on('SIGTERM', () =>
  mode === 'stubborn' ? console.log('ignoring SIGTERM') : server.close(() => process.exit(0)),
)
`

describe('startProductionServer', () => {
  let root: string
  const attempts = () => readFileSync(path.join(root, 'attempts.log'), 'utf8').trim().split('\n')
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'launcher-test-'))
    writeFileSync(path.join(root, 'server.mjs'), fakeServer)
  })
  afterAll(() => rmSync(root, { recursive: true, force: true }))
  const start = (env: Record<string, string> = {}, options: { killAfterMs?: number } = {}) =>
    startProductionServer(
      { DATABASE_URL: 'postgres://not-this-one', ...env },
      { root, script: 'server.mjs', ...options },
    )

  it('gives a free port as SITE_URL, no DATABASE_URL (not the shell’s), a new PGlite dir removed on exit', async () => {
    const inherited = process.env.DATABASE_URL
    process.env.DATABASE_URL = 'postgres://from-the-shell'
    const server = await startProductionServer({}, { root, script: 'server.mjs' }).finally(() => {
      if (inherited === undefined) delete process.env.DATABASE_URL
      else process.env.DATABASE_URL = inherited
    })
    try {
      const settings = await (await fetch(`${server.url}/api/health`)).json()
      expect(settings).toEqual({
        PORT: String(server.port),
        HOSTNAME: '127.0.0.1',
        SITE_URL: server.url,
        DATABASE_URL: '',
        PGLITE_DIR: expect.any(String),
      })
      expect(server.url).toBe(`http://127.0.0.1:${server.port}`)
      expect(path.dirname(settings.PGLITE_DIR).startsWith(tmpdir())).toBe(true)
      expect(server.output()).toContain('listening')
      await server.stop()
      expect(server.child.exitCode).toBe(0)
      expect(existsSync(path.dirname(settings.PGLITE_DIR))).toBe(false)
    } finally {
      await server.stop()
    }
  })

  it('passes `env` over the defaults, a PGlite folder included', async () => {
    const server = await start({ SITE_URL: 'https://blog.example.com', PGLITE_DIR: path.join(root, 'kept') })
    try {
      expect(await (await fetch(`${server.url}/api/health`)).json()).toMatchObject({
        SITE_URL: 'https://blog.example.com',
        DATABASE_URL: 'postgres://not-this-one',
        PGLITE_DIR: path.join(root, 'kept'),
      })
    } finally {
      await server.stop()
    }
  })

  it('tries another port when the one it chose was taken before the server bound it', async () => {
    rmSync(path.join(root, 'attempts.log'), { force: true })
    const server = await start({ FAKE_MODE: 'taken-once' })
    try {
      expect(attempts()).toHaveLength(2)
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
    } finally {
      await server.stop()
    }
  })

  it('rejects with the server’s output when it exits before answering, without trying again', async () => {
    rmSync(path.join(root, 'attempts.log'), { force: true })
    await expect(start({ FAKE_MODE: 'crash' })).rejects.toThrow(
      new RegExp(
        String.raw`server\.mjs exited \(1\) before answering on http://127\.0\.0\.1:\d+:\n` +
          'The server cannot start: SITE_URL is not set',
      ),
    )
    expect(attempts()).toHaveLength(1)
  })

  it('stop() kills a server that ignores SIGTERM, and resolves once it has exited', async () => {
    const server = await start({ FAKE_MODE: 'stubborn' }, { killAfterMs: 300 })
    await server.stop()
    expect(server.child.signalCode).toBe('SIGKILL')
    expect(server.output()).toContain('ignoring SIGTERM')
    expect(await server.exited).toBeNull()
  })
})

describe('findFreePort', () => {
  it('returns a port that can be bound on 127.0.0.1', async () => {
    const port = await findFreePort()
    const probe = createServer()
    await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(port, '127.0.0.1', resolve))
    await new Promise((resolve) => probe.close(resolve))
  })
})
