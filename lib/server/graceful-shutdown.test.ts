import { once } from 'node:events'
import {
  Agent,
  createServer,
  request,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createGracefulShutdown, type ShutdownOptions } from './graceful-shutdown.mjs'

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A loopback server whose requests are tracked as lib/server/start.mjs tracks them. */
async function startServer(handler: RequestListener, options: Partial<ShutdownOptions> = {}) {
  const events: string[] = []
  const server: Server = createServer()
  let exited!: (code: number) => void
  const exitCode = new Promise<number>((resolve) => (exited = resolve))
  const shutdown = createGracefulShutdown({
    server,
    timeoutMs: 5000,
    closeApp: async () => void events.push('close app'),
    close: async () => void events.push('close database'),
    exit: (code) => {
      events.push(`exit ${code}`)
      exited(code)
    },
    log: () => {},
    ...options,
  })
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    shutdown.trackRequest(response)
    handler(request, response)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  cleanups.push(
    () => server.closeAllConnections(),
    () => server.close(),
  )
  const { port } = server.address() as AddressInfo
  return { server, shutdown, port, events, exitCode }
}

/** GET without keep-alive; resolves with the status and the whole body. */
function get(port: number) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', agent: false }, (response: IncomingMessage) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
      response.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

/** A promise and the function that resolves it. */
function signal() {
  let resolve!: () => void
  const promise = new Promise<void>((done) => (resolve = done))
  return { promise, resolve }
}

describe('graceful shutdown', () => {
  it('lets a streamed response finish, refuses new connections, closes app, then database, and exits 0', async () => {
    const arrived = signal()
    const release = signal()
    const { shutdown, port, events, exitCode } = await startServer(async (_req, res) => {
      arrived.resolve()
      res.writeHead(200, { 'content-type': 'text/plain' })
      res.write('first half, ')
      await release.promise
      res.end('second half')
      events.push('response sent')
    })

    const inFlight = get(port)
    await arrived.promise
    void shutdown.shutdown('SIGTERM')
    await expect(get(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    expect(events).toEqual([])

    release.resolve()
    expect(await inFlight).toEqual({ status: 200, body: 'first half, second half' })
    expect(await exitCode).toBe(0)
    expect(events).toEqual(['response sent', 'close app', 'close database', 'exit 0'])
  })

  it('says "no new connections" only once the listening socket is closed', async () => {
    // A reader of the log (an orchestrator, the e2e test) may connect the moment the line appears:
    // logged before the close, that connection was accepted by the kernel and reset a moment later.
    const lines: Array<{ line: string; isListening: boolean }> = []
    const { server, shutdown } = await startServer((_req, res) => res.end('ok'), {
      log: (line) => lines.push({ line, isListening: server.listening }),
    })
    await shutdown.shutdown('SIGTERM')
    expect(lines[0]).toEqual({ line: expect.stringContaining('no new connections'), isListening: false })
  })

  it('exits at once when nothing is in flight', async () => {
    const { shutdown, events, exitCode } = await startServer((_req, res) => res.end('ok'))
    await shutdown.shutdown('SIGINT')
    expect(await exitCode).toBe(0)
    expect(events).toEqual(['close app', 'close database', 'exit 0'])
  })

  it('waits for the work the app still runs after the responses (after()) before closing the database', async () => {
    const appWork = signal()
    const { shutdown, port, events, exitCode } = await startServer((_req, res) => res.end('ok'), {
      closeApp: async () => {
        await appWork.promise
        events.push('background work done')
      },
    })
    expect(await get(port)).toEqual({ status: 200, body: 'ok' })
    void shutdown.shutdown('SIGTERM')
    expect(events).toEqual([])
    appWork.resolve()
    expect(await exitCode).toBe(0)
    expect(events).toEqual(['background work done', 'close database', 'exit 0'])
  })

  it('cuts a hanging request off after the grace period, still closes the database, and exits 1', async () => {
    const arrived = signal()
    const { shutdown, port, events, exitCode } = await startServer(
      (_req, res) => {
        arrived.resolve()
        res.writeHead(200)
        res.write('never finished')
      },
      { timeoutMs: 200 },
    )
    const hanging = get(port).catch((error: unknown) => error)
    await arrived.promise
    const startedAt = Date.now()
    void shutdown.shutdown('SIGTERM')
    expect(await exitCode).toBe(1)
    const elapsed = Date.now() - startedAt
    expect(elapsed).toBeGreaterThanOrEqual(190)
    expect(elapsed).toBeLessThan(2000)
    expect(events).toEqual(['close database', 'exit 1'])
    // The connection was cut, not left open.
    expect(await hanging).toMatchObject({ code: 'ECONNRESET' })
  })

  it('answers in-flight requests with Connection: close so a kept-alive client cannot send another on it', async () => {
    const arrived = signal()
    const release = signal()
    let requests = 0
    const { shutdown, port, exitCode } = await startServer(async (_req, res) => {
      requests++
      if (requests === 1) {
        arrived.resolve()
        await release.promise
      }
      res.end(`answer ${requests}`)
    })
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    cleanups.push(() => agent.destroy())
    const fetchOnAgent = () =>
      new Promise<{ body: string; connection: string | undefined }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/', agent }, (response) => {
          let body = ''
          response.setEncoding('utf8')
          response.on('data', (chunk: string) => (body += chunk))
          response.on('end', () => resolve({ body, connection: response.headers.connection }))
        })
        req.on('error', reject)
        req.end()
      })
    const first = fetchOnAgent()
    await arrived.promise
    void shutdown.shutdown('SIGTERM')
    // Queued behind the first on the one kept-alive socket: it needs a new connection, which is refused.
    const second = fetchOnAgent()
    release.resolve()
    expect(await first).toEqual({ body: 'answer 1', connection: 'close' })
    await expect(second).rejects.toBeDefined()
    expect(await exitCode).toBe(0)
  })

  it('exits 1 when the database fails to close', async () => {
    const { shutdown, exitCode } = await startServer((_req, res) => res.end('ok'), {
      close: () => Promise.reject(new Error('disk full')),
    })
    const consoleError = console.error
    console.error = () => {}
    cleanups.push(() => (console.error = consoleError))
    await shutdown.shutdown('SIGTERM')
    expect(await exitCode).toBe(1)
  })
})
