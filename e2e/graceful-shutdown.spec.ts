import { existsSync } from 'node:fs'
import { once } from 'node:events'
import { createServer, request, type ClientRequest } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import path from 'node:path'
import { expect, test } from './fixtures'
import { unique } from './support/comments'
import { realPostSlug as slug } from './support/real-site'
import { startProductionServer, type ProductionServer } from '../lib/tooling/production-server.mjs'

// `npm start` (scripts/start.mjs → lib/server/start.mjs), as an operator runs it, on a free port and
// a PGlite folder of its own per test run (in its output folder, so repeats and retries never share
// one); SIGTERM is sent by hand. Every wait is on an event: a log
// line, a response, the process's exit, a delivery reaching the receiver.
const GRACE_MS = 10_000

test.describe.configure({ mode: 'serial', timeout: 300_000 })

const running: ProductionServer[] = []
test.afterEach(() => {
  for (const server of running.splice(0)) if (server.child.exitCode === null) server.child.kill('SIGKILL')
})

async function start(dataDir: string, env: Record<string, string> = {}) {
  const server = await startProductionServer({
    PGLITE_DIR: path.join(dataDir, 'pglite'),
    COMMENT_MODERATION: 'off',
    COMMENT_WEBHOOK_URL: '',
    SHUTDOWN_TIMEOUT_MS: String(GRACE_MS),
    ...env,
  })
  running.push(server)
  return server
}

/** Resolves when the server's output (stdout and stderr) contains `text`. */
function logLine(server: ProductionServer, text: string) {
  return new Promise<void>((resolve, reject) => {
    const check = () => {
      if (!server.output().includes(text)) return
      server.child.stdout?.off('data', check)
      server.child.stderr?.off('data', check)
      resolve()
    }
    server.child.stdout?.on('data', check)
    server.child.stderr?.on('data', check)
    void server.exited.then(() =>
      server.output().includes(text) ? resolve() : reject(new Error(`exited without "${text}":\n${server.output()}`)),
    )
    check()
  })
}

/** The exit code, or 'still running' if the process has not exited within the grace period. */
function exitWithinGrace(server: ProductionServer) {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<'still running'>((resolve) => (timer = setTimeout(resolve, GRACE_MS, 'still running')))
  return Promise.race([server.exited, late]).finally(() => clearTimeout(timer))
}

/**
 * A comment POST whose headers ask for `100 Continue`: Node answers it when it hands the request to
 * the server's handler, so `accepted` resolves exactly when the request is in flight. The body is
 * written by the test.
 */
function postInTwoParts(url: string, body: string) {
  const post: ClientRequest = request(`${url}/api/comments`, {
    method: 'POST',
    agent: false,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' },
  })
  const accepted = once(post, 'continue')
  const answer = new Promise<{ status: number; json: string }>((resolve, reject) => {
    post.on('response', (response) => {
      let json = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (json += chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, json }))
    })
    post.on('error', reject)
  })
  post.flushHeaders()
  return { post, accepted, answer }
}

/**
 * What a new TCP connection to the server meets: 'connected', or the error code. (fetch could reuse a
 * kept-alive one.)
 */
function connectAnew(port: number) {
  return new Promise<string>((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve('connected')
    })
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? String(error)))
  })
}

test('SIGTERM: in-flight answered and stored, new connections refused, DB closed, exit 0 in time', async () => {
  const dataDir = test.info().outputPath('data')
  const server = await start(dataDir)

  const text = unique('in flight at SIGTERM')
  const body = JSON.stringify({ slug, name: 'Shutdown', body: text })
  const half = Math.floor(body.length / 2)
  const { post, accepted, answer } = postInTwoParts(server.url, body)
  await accepted
  post.write(body.slice(0, half))

  const signalledAt = Date.now()
  // The count in flight is at least ours. Not asserted exactly: one full run logged 2 (the second
  // request was not identified; other files' tests run beside this one on free ports). What this test
  // holds is that ours is answered, new connections are refused and the exit is clean.
  const draining = logLine(server, '[shutdown] SIGTERM: no new connections; waiting for ')
  server.child.kill('SIGTERM')
  await draining
  // Refused while the first request still waits for the rest of its body.
  expect(await connectAnew(server.port)).toBe('ECONNREFUSED')
  expect(server.child.exitCode).toBeNull()

  post.end(body.slice(half))
  const { status, json } = await answer
  expect(status, json).toBe(201)
  expect(JSON.parse(json)).toMatchObject({ comment: { body: text, name: 'Shutdown', status: 'published' } })

  expect(await exitWithinGrace(server), server.output()).toBe(0)
  test.info().annotations.push({ type: 'timing', description: `exit ${Date.now() - signalledAt} ms after SIGTERM` })
  const phases = [
    '[shutdown] SIGTERM',
    '[shutdown] requests finished after',
    '[shutdown] database closed',
    '[shutdown] exiting with code 0',
  ]
  const positions = phases.map((phase) => server.output().indexOf(phase))
  expect(
    positions.every((position) => position >= 0),
    server.output(),
  ).toBe(true)
  expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  // PGlite closed cleanly: closing removes the lock file beside its folder.
  expect(existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false)

  // The comment is in the database the next process opens.
  const again = await start(dataDir)
  const listed = (await (await fetch(`${again.url}/api/comments?slug=${slug}`)).json()) as {
    comments: Array<{ body: string | null }>
  }
  expect(listed.comments.map((comment) => comment.body)).toContain(text)
  again.child.kill('SIGTERM')
  expect(await exitWithinGrace(again), again.output()).toBe(0)
})

test('a webhook the receiver refused is delivered by the next process, at start-up', async () => {
  const dataDir = test.info().outputPath('data')
  // A receiver that answers 503 until it is told to accept; each arrival settles a waiting promise.
  let isAccepting = false
  const arrivals: Array<{ status: number; payload: { comment: { body: string } } }> = []
  const waiters: Array<{ count: number; status: number; resolve: () => void }> = []
  const receiver = createServer((req, res) => {
    let text = ''
    req.on('data', (chunk: Buffer) => (text += chunk))
    req.on('end', () => {
      const status = isAccepting ? 204 : 503
      arrivals.push({ status, payload: JSON.parse(text) })
      res.writeHead(status).end()
      for (const waiter of waiters)
        if (arrivals.filter((arrival) => arrival.status === waiter.status).length >= waiter.count) waiter.resolve()
    })
  })
  const arrived = (count: number, status: number) =>
    new Promise<void>((resolve) => waiters.push({ count, status, resolve }))
  receiver.listen(0, '127.0.0.1')
  await once(receiver, 'listening')
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`
  // Retries 100 ms and 400 ms apart: the three attempts after the response end well within a test.
  const env = { COMMENT_WEBHOOK_URL: hook, COMMENT_WEBHOOK_TIMEOUT_MS: '2000', COMMENT_WEBHOOK_RETRY_MS: '100' }
  try {
    const first = await start(dataDir, env)
    const refusedThrice = arrived(3, 503)
    const text = unique('delivered after a restart')
    const posted = await fetch(`${first.url}/api/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ slug, name: 'Outbox', body: text }),
    })
    expect(posted.status).toBe(201)
    await refusedThrice
    first.child.kill('SIGTERM')
    expect(await exitWithinGrace(first), first.output()).toBe(0)
    expect(arrivals.map(({ status, payload }) => [status, payload.comment.body])).toEqual([
      [503, text],
      [503, text],
      [503, text],
    ])

    isAccepting = true
    const delivered = arrived(1, 204)
    const second = await start(dataDir, env)
    await delivered
    await logLine(second, '[comments] webhook redelivery at start-up: 1 of 1 delivered')
    expect(arrivals.at(-1)).toMatchObject({
      status: 204,
      payload: { event: 'comment.created', comment: { body: text } },
    })
    expect(arrivals).toHaveLength(4)
    second.child.kill('SIGTERM')
    expect(await exitWithinGrace(second), second.output()).toBe(0)
  } finally {
    receiver.closeAllConnections()
    receiver.close()
  }
})
