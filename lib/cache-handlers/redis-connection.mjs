// @ts-check
import { createClient } from '@redis/client'

/**
 * @typedef {object} Logger
 * @property {(...args: unknown[]) => void} info
 * @property {(...args: unknown[]) => void} warn
 * @property {(...args: unknown[]) => void} error
 */

/**
 * @typedef {object} RedisOptions
 * @property {number} [connectWaitMs] How long the first requests wait for the first connection.
 * @property {number} [commandTimeoutMs] A command not answered by then fails (and counts as a miss).
 * @property {number} [reconnectCapMs] The longest pause between two reconnection attempts.
 */

/** @param {string} url @param {Required<RedisOptions>} options */
function createRedisClient(url, options) {
  return createClient({
    url,
    // While disconnected a command fails at once instead of waiting in a queue, and a sent command
    // that gets no answer fails after the timeout: a page request never waits on a dead Redis.
    disableOfflineQueue: true,
    commandOptions: { timeout: options.commandTimeoutMs, rejectInFlight: true },
    socket: {
      connectTimeout: 1000,
      reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, options.reconnectCapMs),
    },
  })
}

/** @typedef {ReturnType<typeof createRedisClient>} RedisClient */

/**
 * @typedef {object} RedisConnection
 * @property {() => Promise<RedisClient | undefined>} client The client if it is ready, else `undefined` at once
 *   (the very first calls wait up to `connectWaitMs` for the first connection).
 * @property {(error: unknown) => void} noteFailure Records a failed command; the first of an outage is logged.
 * @property {() => void} noteSuccess
 * @property {(listener: () => void) => void} onReady Called on every (re)connection.
 * @property {() => boolean} isConnected
 * @property {() => string | undefined} lastError
 * @property {() => Promise<void>} close
 */

/** @param {unknown} error */
export function describeError(error) {
  return error instanceof Error ? error.message || error.name : String(error)
}

/**
 * Starts connecting at once, in the background; the client retries for as long as the process lives.
 * @param {string} url
 * @param {Logger} log
 * @param {RedisOptions} [options]
 * @returns {RedisConnection}
 */
export function connectRedis(url, log, options = {}) {
  const settings = { connectWaitMs: 500, commandTimeoutMs: 500, reconnectCapMs: 5000, ...options }
  const client = createRedisClient(url, settings)
  /** @type {(() => void)[]} */
  const readyListeners = []
  /** @type {string | undefined} */
  let lastError
  let isFailing = false
  let isClosing = false

  /** @param {unknown} error */
  function noteFailure(error) {
    if (isClosing) return
    lastError = describeError(error)
    if (isFailing) return
    isFailing = true
    log.warn(
      `[cache] Redis is unavailable (${lastError}): pages are rendered and served ` +
        'without the shared cache until it answers',
    )
  }

  function noteRecovery() {
    if (!isFailing) return
    isFailing = false
    log.info('[cache] Redis answers again')
  }

  // Without an 'error' listener a lost connection would crash the process.
  client.on('error', noteFailure)
  client.on('ready', () => {
    noteRecovery()
    for (const listener of readyListeners) listener()
  })
  const connecting = client.connect().then(() => undefined, noteFailure)
  const firstWait = Promise.race([
    connecting,
    new Promise((resolve) => setTimeout(resolve, settings.connectWaitMs).unref()),
  ])

  return {
    async client() {
      await firstWait
      return client.isReady ? client : undefined
    },
    noteFailure,
    noteSuccess: noteRecovery,
    onReady: (listener) => void readyListeners.push(listener),
    isConnected: () => client.isReady,
    lastError: () => lastError,
    async close() {
      isClosing = true
      client.destroy()
      await connecting
    },
  }
}
