// @ts-check
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { estimateSize } from './codec.mjs'
import { parseCacheConfig } from './config.mjs'
import { createEntryStore } from './entry-store.mjs'
import { createMemoryTags } from './memory-tags.mjs'
import { routeRecordSchema, useCacheRecordSchema } from './records.mjs'
import { connectRedis, describeError } from './redis-connection.mjs'
import { createRedisEntries } from './redis-entries.mjs'
import { createRedisTags } from './redis-tags.mjs'
import { processCacheState } from './status.mjs'
import { judgeEntry, latestExpiry, markInvalidation } from './tag-rules.mjs'

/** @typedef {import('./records.mjs').RouteRecord} RouteRecord */
/** @typedef {import('./records.mjs').UseCacheRecord} UseCacheRecord */
/** @typedef {import('./redis-connection.mjs').Logger} Logger */

/** Next's own default for `cacheMaxMemorySize`, used when a handler is given no size. */
const defaultMaxBytes = 50 * 1024 * 1024

/**
 * The build's id, so that a new deploy sharing the Redis never serves the previous build's HTML
 * ('use cache' keys contain it already). `serverDistDir` is `.next/server`; BUILD_ID sits beside it.
 * @param {string | undefined} serverDistDir
 * @param {Logger} log
 */
function readBuildId(serverDistDir, log) {
  try {
    if (!serverDistDir) throw new Error('Next.js gave the handler no serverDistDir')
    return readFileSync(path.join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim()
  } catch (error) {
    log.warn(`[cache] no build id (${describeError(error)}): route entries in Redis are not separated by build`)
    return 'unknown-build'
  }
}

/**
 * Everything both handlers share in one process: one tag state, one entry store per handler
 * kind, the Redis connection in Redis mode, and the status /api/health reports.
 * @param {{ config: import('./config.mjs').CacheConfig, now?: () => number, log?: Logger,
 *   redis?: import('./redis-connection.mjs').RedisOptions }} options
 */
export function createCacheRuntime({ config, now = Date.now, log = console, redis: redisOptions }) {
  const keyPrefix = config.store === 'redis' ? config.keyPrefix : ''
  const connection = config.store === 'redis' ? connectRedis(config.url, log, redisOptions) : undefined
  const tags = connection ? createRedisTags({ connection, keyPrefix, log, now }) : createMemoryTags()
  /** @type {import('./entry-store.mjs').EntryStore<RouteRecord> | undefined} */
  let routes
  /** @type {import('./entry-store.mjs').EntryStore<UseCacheRecord> | undefined} */
  let useCacheEntries
  /** Invalidations being written, by tags and mark; see `invalidate`. @type {Map<string, Promise<void>>} */
  const writing = new Map()
  // A Redis that comes back may have restarted and forgotten every invalidation time: a local copy
  // judged against it could pass for fresh after it was invalidated. Start over from Redis instead.
  connection?.onReady(() => {
    routes?.clearLocal()
    useCacheEntries?.clearLocal()
  })

  return {
    now,
    log,

    /**
     * The route entries; the first call fixes their memory bound and build id for the process
     * (Next.js creates a singular handler per request, always with the same context).
     * @param {{ maxBytes?: number, serverDistDir?: string }} context
     */
    routeEntries({ maxBytes = defaultMaxBytes, serverDistDir }) {
      routes ??= createEntryStore({
        maxBytes,
        sizeOf: estimateSize,
        remote:
          connection &&
          createRedisEntries({
            connection,
            log,
            keyPrefix: `${keyPrefix}route:${readBuildId(serverDistDir, log)}:`,
            decode: (value) => routeRecordSchema.parse(value),
          }),
      })
      return routes
    },

    useCacheEntries() {
      useCacheEntries ??= createEntryStore({
        maxBytes: defaultMaxBytes,
        sizeOf: (record) => record.value.byteLength + record.tags.reduce((size, tag) => size + tag.length, 64),
        remote:
          connection &&
          createRedisEntries({
            connection,
            log,
            keyPrefix: `${keyPrefix}use-cache:`,
            decode: (value) => useCacheRecordSchema.parse(value),
          }),
      })
      return useCacheEntries
    },

    /**
     * How an entry created at `createdAt` with these tags (own and soft) stands.
     * @param {readonly string[]} entryTags
     * @param {number} createdAt
     * @returns {Promise<import('./entry-store.mjs').Verdict>}
     */
    async judge(entryTags, createdAt) {
      if (entryTags.length === 0) return 'fresh'
      const times = await tags.read(entryTags)
      return times ? judgeEntry(times, entryTags, createdAt, now()) : 'unknown'
    },

    /**
     * Records an invalidation; never throws. One `revalidateTag`/`updateTag` reaches both handler
     * kinds in the same tick (next/dist/server/revalidation-utils.js): the identical second call
     * joins the first, so it is one Redis write and, in an outage, one failed invalidation.
     * @param {readonly string[]} tagList
     * @param {import('./tag-rules.mjs').Durations | undefined} durations
     */
    invalidate(tagList, durations) {
      const at = now()
      const mark = markInvalidation(at, durations)
      const key = JSON.stringify([tagList, mark])
      let write = writing.get(key)
      if (!write) {
        write = tags
          .record(tagList, mark, at)
          .catch((error) => log.error('[cache] invalidation failed:', error))
          .finally(() => writing.delete(key))
        writing.set(key, write)
      }
      return write
    },

    /** @param {readonly string[]} tagList */
    async latestExpiry(tagList) {
      if (tagList.length === 0) return 0
      const times = await tags.read(tagList)
      // Unreadable: report an expiry just now, so Next.js drops the entry rather than serve one
      // that an invalidation it cannot see may have replaced.
      return times ? latestExpiry(times, tagList, now()) : now()
    },

    /** @returns {import('./status.mjs').CacheStatus} */
    getStatus() {
      const lastError = connection?.lastError()
      return {
        store: config.store,
        isConnected: connection?.isConnected() ?? true,
        entries: (routes?.countLocal() ?? 0) + (useCacheEntries?.countLocal() ?? 0),
        failedInvalidations: tags.countFailed(),
        pendingInvalidations: tags.countPending(),
        ...(lastError === undefined ? {} : { lastError }),
      }
    },

    async close() {
      await connection?.close()
    },
  }
}

/** @typedef {ReturnType<typeof createCacheRuntime>} CacheRuntime */

/** The runtime of this process, configured from its environment on first use. */
export function getProcessRuntime() {
  return processCacheState(() => createCacheRuntime({ config: parseCacheConfig(process.env) }))
}
