import type { ChildProcess } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { once } from 'node:events'
import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { expect, test } from './fixtures'
import { slug, unique } from './support/comments'
import { startProductionServer } from '../lib/tooling/production-server.mjs'

// `npm start` (scripts/start.mjs), as an operator runs it, on a free port and a PGlite folder of its
// own; SIGTERM is sent by hand.
const dataDir = path.resolve('.data/e2e/graceful-shutdown')
const pgliteDir = path.join(dataDir, 'pglite')

const startProduction = (env: Record<string, string> = {}) =>
  startProductionServer({
    PGLITE_DIR: pgliteDir,
    COMMENT_MODERATION: 'off',
    COMMENT_WEBHOOK_URL: '',
    SHUTDOWN_TIMEOUT_MS: '10000',
    ...env,
  })

async function waitFor(check: () => boolean, what: string, output: () => string) {
  const deadline = Date.now() + 10_000
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`No ${what} within 10 s:\n${output()}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

test.describe('shutdown of the production server', () => {
  test.describe.configure({ timeout: 300_000 })

  test('SIGTERM during a request: the request finishes and is stored, its webhook is delivered, new connections are refused, the database closes, exit 0', async () => {
    rmSync(dataDir, { recursive: true, force: true })
    const running: ChildProcess[] = []
    // A slow webhook receiver: the delivery the POST schedules with after() must not be cut off by the exit.
    const deliveries: Array<{ payload: string; receivedAt: number }> = []
    const receiver = createServer((req, res) => {
      let payload = ''
      req.on('data', (chunk: Buffer) => (payload += chunk))
      req.on('end', () => {
        deliveries.push({ payload, receivedAt: Date.now() })
        setTimeout(() => res.end('ok'), 700)
      })
    })
    receiver.listen(0, '127.0.0.1')
    await once(receiver, 'listening')
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`
    try {
      const server = await startProduction({ COMMENT_WEBHOOK_URL: hook, COMMENT_WEBHOOK_TIMEOUT_MS: '5000' })
      running.push(server.child)

      // A POST whose body arrives in two parts: the handler is waiting for the rest when SIGTERM comes.
      const text = unique('in flight at SIGTERM')
      const body = JSON.stringify({ slug, name: 'Shutdown', body: text })
      const half = Math.floor(body.length / 2)
      const post = request(`${server.url}/api/comments`, {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      })
      const answer = new Promise<{ status: number; json: string }>((resolve, reject) => {
        post.on('response', (response) => {
          let json = ''
          response.setEncoding('utf8')
          response.on('data', (chunk: string) => (json += chunk))
          response.on('end', () => resolve({ status: response.statusCode ?? 0, json }))
        })
        post.on('error', reject)
      })
      post.write(body.slice(0, half))
      await new Promise((resolve) => setTimeout(resolve, 500))

      const signalledAt = Date.now()
      server.child.kill('SIGTERM')
      await waitFor(() => server.output().includes('[shutdown] SIGTERM'), 'shutdown log line', server.output)
      expect(server.output()).toMatch(/\[shutdown\] SIGTERM: no new connections; waiting for 1 request\(s\) in flight/)
      // A new request cannot connect any more, while the first one is still waiting for its body.
      const refused = await fetch(`${server.url}/api/comments?slug=${slug}`).then(
        () => 'connected',
        (error: unknown) => (error instanceof Error && error.cause instanceof Error && 'code' in error.cause ? error.cause.code : String(error)),
      )
      expect(refused).toBe('ECONNREFUSED')
      expect(server.child.exitCode).toBeNull()

      await new Promise((resolve) => setTimeout(resolve, 300))
      post.end(body.slice(half))
      const { status, json } = await answer
      const answeredAfter = Date.now() - signalledAt
      expect(status, json).toBe(201)
      expect(JSON.parse(json)).toMatchObject({ comment: { body: text, name: 'Shutdown', status: 'published' } })

      const code = await Promise.race([server.exited, new Promise((resolve) => setTimeout(resolve, 5000, 'still running'))])
      const exitedAt = Date.now()
      const exitedAfter = exitedAt - signalledAt
      expect(code, server.output()).toBe(0)
      const phases = ['[shutdown] SIGTERM', '[shutdown] requests finished after', '[shutdown] database closed', '[shutdown] exiting with code 0']
      const positions = phases.map((phase) => server.output().indexOf(phase))
      expect(positions.every((position) => position >= 0), server.output()).toBe(true)
      expect([...positions].sort((a, b) => a - b)).toEqual(positions)
      // PGlite closed cleanly: closing removes the lock file beside its folder.
      expect(existsSync(`${pgliteDir}.lock`)).toBe(false)
      // The process waited for the webhook's answer (700 ms after the delivery arrived) before exiting.
      expect(deliveries.map(({ payload }) => JSON.parse(payload).comment.body)).toEqual([text])
      expect(exitedAt - (deliveries[0]?.receivedAt ?? exitedAt)).toBeGreaterThanOrEqual(650)
      expect(server.output()).not.toContain('webhook failed')
      test.info().annotations.push({ type: 'timing', description: `response ${answeredAfter} ms and exit ${exitedAfter} ms after SIGTERM` })

      // The comment is in the database the next process opens.
      const again = await startProduction()
      running.push(again.child)
      const listed = (await (await fetch(`${again.url}/api/comments?slug=${slug}`)).json()) as { comments: Array<{ body: string | null }> }
      expect(listed.comments.map((comment) => comment.body)).toContain(text)
      again.child.kill('SIGTERM')
      expect(await again.exited).toBe(0)
    } finally {
      for (const child of running) if (child.exitCode === null) child.kill('SIGKILL')
      receiver.closeAllConnections()
      receiver.close()
    }
  })
})
