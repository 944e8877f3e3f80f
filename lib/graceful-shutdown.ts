import { once } from 'node:events'
import type { Server, ServerResponse } from 'node:http'
import { getConfig } from './config'
import { processGlobal } from './process-global'
import { hookServers } from './server-hooks'

// No 'server-only' here: instrumentation.ts installs this, and it is not compiled in the React
// Server layer where that import is allowed.

export type ShutdownOptions = {
  /** How long requests in flight, and the work they left behind, may take before the process exits anyway. */
  timeoutMs: number
  /** Runs once nothing is in flight any more (or the grace period ran out): closes the database. */
  close: () => Promise<void>
  exit: (code: number) => void
  log?: (line: string) => void
}

export type GracefulShutdown = ReturnType<typeof createGracefulShutdown>

/**
 * The shutdown order an operator expects: stop accepting connections, let the requests in flight
 * finish, then close the database, then exit (0 when everything finished, 1 when the grace period
 * ran out or the database failed to close).
 */
export function createGracefulShutdown({ timeoutMs, close, exit, log = console.log }: ShutdownOptions) {
  const servers = new Set<Server>()
  const inFlight = new Set<ServerResponse>()
  const pendingWork = new Set<Promise<unknown>>()
  let shutdown: Promise<void> | undefined

  function trackServer(server: Server) {
    if (servers.has(server)) return
    servers.add(server)
    if (shutdown) server.close()
  }

  /** In flight until the response closes: sent in full, streamed to the end, or aborted by the client. */
  function trackRequest(server: Server, response: ServerResponse) {
    trackServer(server)
    inFlight.add(response)
    // A request on a kept-alive connection during the drain is served, and its connection closed after it.
    if (shutdown) response.shouldKeepAlive = false
    response.once('close', () => inFlight.delete(response))
  }

  /** Work that outlives its response (Next.js's after()): it finishes before the database closes. */
  function waitUntil(promise: Promise<unknown>) {
    const settled: Promise<void> = promise.then(
      () => void pendingWork.delete(settled),
      (error: unknown) => {
        pendingWork.delete(settled)
        console.error('[shutdown] background work failed:', error)
      },
    )
    pendingWork.add(settled)
  }

  async function drain() {
    // A loop: a kept-alive connection can still bring a request, and a request can leave work behind.
    while (inFlight.size > 0 || pendingWork.size > 0) {
      await Promise.allSettled([...[...inFlight].map((response) => once(response, 'close')), ...pendingWork])
    }
  }

  async function run(signal: string) {
    const startedAt = Date.now()
    log(`[shutdown] ${signal}: no new connections; waiting for ${inFlight.size} request(s) in flight (at most ${timeoutMs} ms)`)
    for (const server of servers) {
      server.close()
      server.closeIdleConnections()
    }
    for (const response of inFlight) if (!response.headersSent) response.shouldKeepAlive = false

    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<true>((resolve) => (timer = setTimeout(resolve, timeoutMs, true)))
    const isTimedOut = await Promise.race([drain().then(() => false), timedOut])
    clearTimeout(timer)
    if (isTimedOut) log(`[shutdown] grace period over: ${inFlight.size} request(s) and ${pendingWork.size} task(s) cut off`)
    else log(`[shutdown] requests finished after ${Date.now() - startedAt} ms`)

    let isClosed = true
    try {
      await close()
      log('[shutdown] database closed')
    } catch (error) {
      isClosed = false
      console.error('[shutdown] closing the database failed:', error)
    }
    const code = isClosed && !isTimedOut ? 0 : 1
    log(`[shutdown] exiting with code ${code}`)
    exit(code)
  }

  return {
    trackServer,
    trackRequest,
    waitUntil,
    /** Starts the shutdown once; a second signal (Ctrl-C pressed twice) waits for the same one. */
    shutdown(signal: string): Promise<void> {
      shutdown ??= run(signal)
      return shutdown
    },
  }
}

/**
 * Reports every http.Server of the process, and every request it receives, to `shutdown`
 * (lib/server-hooks.ts). Returns a function that stops it (tests).
 */
export function watchServers(shutdown: Pick<GracefulShutdown, 'trackServer' | 'trackRequest'>): () => void {
  return hookServers({
    onConnection: (server) => shutdown.trackServer(server),
    onRequest: (server, _, response) => shutdown.trackRequest(server, response),
  })
}

// Per process: lib/db.ts is bundled with the route handlers, apart from instrumentation.
const closeTasks = () => processGlobal('backend-playbook.shutdown-tasks', () => new Set<() => Promise<void>>())

/** Registers what to close when the server shuts down, after the last request (lib/db.ts: the database). */
export function closeOnShutdown(task: () => Promise<void>): void {
  closeTasks().add(task)
}

async function runCloseTasks() {
  for (const task of closeTasks()) await task()
}

let isInstalled = false

/**
 * Installed once from instrumentation.ts. With NEXT_MANUAL_SIG_HANDLE set (`npm start` and the
 * Docker image set it), Next.js leaves SIGTERM and SIGINT to us and this runs the whole shutdown.
 * Without it (`next dev`, a bare `next start`), Next.js closes its server and exits by itself, and
 * the database is closed on the signal as best it can be before that exit.
 */
export function installGracefulShutdown(): void {
  if (isInstalled) return
  isInstalled = true
  const signals = ['SIGTERM', 'SIGINT'] as const
  if (!process.env.NEXT_MANUAL_SIG_HANDLE) {
    for (const signal of signals) {
      process.once(signal, () => void runCloseTasks().catch((error: unknown) => console.error('[shutdown] closing the database failed:', error)))
    }
    return
  }
  const shutdown = createGracefulShutdown({
    timeoutMs: getConfig().shutdownTimeoutMs,
    close: runCloseTasks,
    exit: (code) => process.exit(code),
  })
  watchServers(shutdown)
  // Next.js hands after() callbacks to the waitUntil of a platform's request context when there is
  // one (node_modules/next/dist/server/after/builtin-request-context.js), and otherwise awaits them
  // only in its own signal handler, which NEXT_MANUAL_SIG_HANDLE turns off.
  processGlobal('@next/request-context', () => ({ get: () => ({ waitUntil: shutdown.waitUntil }) }))
  for (const signal of signals) process.on(signal, () => void shutdown.shutdown(signal))
}
