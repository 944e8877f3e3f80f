// @ts-check
import { describeError } from './redis-connection.mjs'
import { getProcessRuntime } from './store.mjs'

/*
 * Next's plural `cacheHandlers` interface ('use cache' entries), modelled on the built-in handler
 * (next/dist/server/lib/cache-handlers/default.js), with the tag state shared with the singular
 * handler and, with REDIS_URL, with every instance.
 */

/** @typedef {import('next/dist/server/lib/cache-handlers/types').CacheHandler} UseCacheHandler */

/** @param {ReadableStream<Uint8Array>} stream */
async function readAll(stream) {
  const reader = stream.getReader()
  /** @type {Uint8Array[]} */
  const chunks = []
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) chunks.push(chunk.value)
  return Buffer.concat(chunks)
}

/** @param {Uint8Array} bytes */
function streamOf(bytes) {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes)
      controller.close()
    },
  })
}

/**
 * @param {import('./store.mjs').CacheRuntime} runtime
 * @returns {UseCacheHandler}
 */
export function createUseCacheHandler(runtime) {
  const entries = runtime.useCacheEntries()
  /**
   * Sets still reading their stream; a get of the same key waits for its set (types.d.ts).
   * @type {Map<string, Promise<void>>}
   */
  const pendingSets = new Map()

  return {
    async get(cacheKey, softTags) {
      await pendingSets.get(cacheKey)
      const found = await entries.read(cacheKey, (record) =>
        runtime.judge([...record.tags, ...softTags], record.timestamp),
      )
      if (!found) return undefined
      const { value, ...entry } = found.record
      if (runtime.now() > entry.timestamp + entry.expire * 1000) return undefined
      // A stale tag: a revalidate in the past makes Next.js serve the entry once more and refresh
      // it in the background, as with the built-in handler.
      return { ...entry, revalidate: found.isStale ? -1 : entry.revalidate, value: streamOf(value) }
    },

    async set(cacheKey, pendingEntry) {
      /** @type {() => void} */
      let finish = () => {}
      const pending = new Promise((resolve) => (finish = () => resolve(undefined)))
      pendingSets.set(cacheKey, pending)
      try {
        const { value: stream, tags, stale, timestamp, expire, revalidate } = await pendingEntry
        // Read to the end before storing, and never kept: the stream holds its request's context.
        const value = await readAll(stream)
        // `expire: 0` is dynamic: Next.js regenerates it on every read, so storing it is waste.
        if (expire === 0) return
        await entries.write(
          cacheKey,
          { value, tags, stale, timestamp, expire, revalidate },
          Number.isFinite(expire) ? expire : undefined,
        )
      } catch (error) {
        // A stream that fails has delivered part of the entry at most: store none of it.
        runtime.log.warn(`[cache] 'use cache' entry not stored: ${describeError(error)}`)
      } finally {
        finish()
        if (pendingSets.get(cacheKey) === pending) pendingSets.delete(cacheKey)
      }
    },

    // Every get reads the tag state itself, so there is nothing to refresh per request.
    async refreshTags() {},

    async getExpiration(tags) {
      return runtime.latestExpiry(tags)
    },

    async updateTags(tags, durations) {
      await runtime.invalidate(tags, durations)
    },
  }
}

export default createUseCacheHandler(getProcessRuntime())
