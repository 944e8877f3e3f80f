import { once } from 'node:events'
import { createServer, request, type IncomingMessage, type RequestListener, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createGracefulShutdown, watchServers, type ShutdownOptions } from './graceful-shutdown'

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A loopback server whose requests the shutdown sees the way Next's do: through the emit wrapper. */
async function startServer(handler: RequestListener, options: Partial<ShutdownOptions> = {}) {
  const events: string[] = []
  let exited!: (code: number) => void
  const exitCode = new Promise<number>((resolve) => (exited = resolve))
  const shutdown = createGracefulShutdown({
    timeoutMs: 5000,
    close: async () => void events.push('close database'),
    exit: (code) => {
      events.push(`exit ${code}`)
      exited(code)
    },
    log: () => {},
    ...options,
  })
  cleanups.push(watchServers(shutdown))
  const server: Server = createServer(handler)
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  cleanups.push(() => server.closeAllConnections(), () => server.close())
  const { port } = server.address() as AddressInfo
  return { shutdown, port, events, exitCode }
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

describe('graceful shutdown', () => {
  it('lets a streamed response in flight finish, refuses new connections, then closes the database and exits 0', async () => {
    let requestArrived!: () => void
    const arrived = new Promise<void>((resolve) => (requestArrived = resolve))
    const { shutdown, port, events, exitCode } = await startServer(async (_req, res) => {
      requestArrived()
      res.writeHead(200, { 'content-type': 'text/plain' })
      res.write('first half, ')
      await delay(300)
      res.end('second half')
      events.push('response sent')
    })

    const inFlight = get(port)
    await arrived
    void shutdown.shutdown('SIGTERM')
    await expect(get(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    expect(events).toEqual([])

    expect(await inFlight).toEqual({ status: 200, body: 'first half, second half' })
    expect(await exitCode).toBe(0)
    expect(events).toEqual(['response sent', 'close database', 'exit 0'])
  })

  it('exits at once when nothing is in flight', async () => {
    const { shutdown, events, exitCode } = await startServer((_req, res) => res.end('ok'))
    await shutdown.shutdown('SIGINT')
    expect(await exitCode).toBe(0)
    expect(events).toEqual(['close database', 'exit 0'])
  })

  it('waits for work a request left behind (after()) before closing the database', async () => {
    const { shutdown, port, events, exitCode } = await startServer((_req, res) => {
      shutdown.waitUntil(delay(300).then(() => void events.push('background work done')))
      res.end('ok')
    })
    expect(await get(port)).toEqual({ status: 200, body: 'ok' })
    void shutdown.shutdown('SIGTERM')
    expect(await exitCode).toBe(0)
    expect(events).toEqual(['background work done', 'close database', 'exit 0'])
  })

  it('cuts a hanging request off after the grace period, still closes the database, and exits 1', async () => {
    let requestArrived!: () => void
    const arrived = new Promise<void>((resolve) => (requestArrived = resolve))
    const { shutdown, port, events, exitCode } = await startServer(
      (_req, res) => {
        requestArrived()
        res.writeHead(200)
        res.write('never finished')
      },
      { timeoutMs: 200 },
    )
    const hanging = get(port).catch((error: unknown) => error)
    await arrived
    const startedAt = Date.now()
    void shutdown.shutdown('SIGTERM')
    expect(await exitCode).toBe(1)
    const elapsed = Date.now() - startedAt
    expect(elapsed).toBeGreaterThanOrEqual(190)
    expect(elapsed).toBeLessThan(2000)
    expect(events).toEqual(['close database', 'exit 1'])
    void hanging
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
