// @ts-check

/**
 * What /api/health reports about the page cache of this process.
 * @typedef {object} CacheStatus
 * @property {'memory' | 'redis'} store
 * @property {boolean} isConnected Redis answers (always true for the memory store).
 * @property {number} entries Entries held in this process's memory (both handler kinds).
 * @property {number} failedInvalidations Invalidations that could not be written to Redis since start.
 * @property {number} pendingInvalidations Tags whose invalidation is queued for Redis, not yet recorded.
 * @property {string} [lastError]
 */

/** @typedef {{ getStatus(): CacheStatus }} CacheStatusSource */

/**
 * The one process-wide slot of the cache: `globalThis[Symbol.for('backend-playbook.cache')]` holds
 * the CacheRuntime that store.mjs creates (tag state, entry stores, Redis connection, counters).
 * Next.js imports the handler files itself, outside the app bundle, and the health route is
 * bundled with its own copy of this module, so only a global is shared by all of them.
 */
const stateKey = Symbol.for('backend-playbook.cache')

/**
 * Returns the process's cache state, creating it with `create` on first use.
 * @template {CacheStatusSource} T
 * @param {() => T} create
 * @returns {T}
 */
export function processCacheState(create) {
  if (!Reflect.has(globalThis, stateKey)) Reflect.set(globalThis, stateKey, create())
  return Reflect.get(globalThis, stateKey)
}

/**
 * The cache status of this process. Until Next.js has loaded the handlers (its first cached
 * request) there is no cache to report on, which the status says.
 * @returns {CacheStatus}
 */
export function getCacheStatus() {
  const state = Reflect.get(globalThis, stateKey)
  if (state === undefined) {
    return {
      store: 'memory',
      isConnected: false,
      entries: 0,
      failedInvalidations: 0,
      pendingInvalidations: 0,
      lastError: 'the cache handlers are not loaded in this process',
    }
  }
  return state.getStatus()
}
