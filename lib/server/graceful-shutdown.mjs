// @ts-check
import { once } from 'node:events'

/**
 * @typedef {object} ShutdownOptions
 * @property {import('node:http').Server} server the server whose requests are tracked (lib/server/start.mjs)
 * @property {number} timeoutMs how long the requests in flight, and the work they left behind, may take
 * @property {() => Promise<void>} closeApp lets the app finish its background work (Next.js: `after()`)
 * @property {() => Promise<void>} close runs once that is done or the grace period is over: closes the database
 * @property {(code: number) => void} exit
 * @property {(line: string) => void} [log]
 */

/**
 * The shutdown order an operator expects: stop accepting connections, let the requests in flight
 * finish, let the app finish what they left behind, then close the database, then exit (0 when
 * everything finished, 1 when the grace period ran out or the database failed to close).
 * @param {ShutdownOptions} options
 */
export function createGracefulShutdown({ server, timeoutMs, closeApp, close, exit, log = console.log }) {
  /** @type {Set<import('node:http').ServerResponse>} */
  const inFlight = new Set()
  /** @type {Promise<void> | undefined} */
  let shutdown

  /**
   * In flight until the response closes: sent in full, streamed to the end, or aborted by the client.
   * @param {import('node:http').ServerResponse} response
   */
  function trackRequest(response) {
    inFlight.add(response)
    // A request on a kept-alive connection during the drain is served, and its connection closed after it.
    if (shutdown) response.shouldKeepAlive = false
    response.once('close', () => inFlight.delete(response))
  }

  async function drain() {
    // A loop: a kept-alive connection can still bring a request while the others finish.
    while (inFlight.size > 0) await Promise.allSettled([...inFlight].map((response) => once(response, 'close')))
    await closeApp()
  }

  /** @param {string} signal */
  async function run(signal) {
    const startedAt = Date.now()
    // The listening socket is closed (synchronously) before the log line says so: whoever reads the
    // line and connects at once is refused, not accepted by the kernel and reset a moment later.
    server.close()
    server.closeIdleConnections()
    for (const response of inFlight) if (!response.headersSent) response.shouldKeepAlive = false
    log(
      `[shutdown] ${signal}: no new connections; ` +
        `waiting for ${inFlight.size} request(s) in flight (at most ${timeoutMs} ms)`,
    )

    /** @type {NodeJS.Timeout | undefined} */
    let timer
    const timedOut = new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs, true)))
    const draining = drain().then(
      () => false,
      (/** @type {unknown} */ error) => {
        console.error('[shutdown] the app failed to close:', error)
        return false
      },
    )
    const isTimedOut = (await Promise.race([draining, timedOut])) === true
    clearTimeout(timer)
    if (isTimedOut) {
      log(`[shutdown] grace period over: ${inFlight.size} request(s) cut off`)
      server.closeAllConnections()
    } else {
      log(`[shutdown] requests finished after ${Date.now() - startedAt} ms`)
    }

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
    trackRequest,
    /**
     * Starts the shutdown once; a second signal (Ctrl-C pressed twice) waits for the same one.
     * @param {string} signal
     * @returns {Promise<void>}
     */
    shutdown(signal) {
      shutdown ??= run(signal)
      return shutdown
    },
  }
}
