// @ts-check
import { LRUCache } from 'lru-cache'
import { z } from 'zod'
import { cacheControlSchema, routeValueSchema } from './records.mjs'
import { getProcessRuntime } from './store.mjs'

/*
 * Next's singular `cacheHandler` (next/dist/server/lib/incremental-cache): whole pages, route
 * handler responses and fetch results. Next.js creates one instance per request, so all state is
 * in the runtime (store.mjs) or in the factory's closure.
 */

const constructorContextSchema = z.looseObject({
  serverDistDir: z.string().optional(),
  maxMemoryCacheSize: z.number().optional(),
})
const getContextSchema = z.looseObject({
  kind: z.string(),
  tags: z.array(z.string()).optional(),
  softTags: z.array(z.string()).optional(),
})
const setContextSchema = z.looseObject({
  tags: z.array(z.string()).optional(),
  cacheControl: cacheControlSchema.optional(),
})

/** A render is assumed to start at most this long after the cache read that missed. */
const renderWindowMs = 60_000

/**
 * The tags an entry answers to. A page or route response carries its own and its implicit
 * (path) tags in the x-next-cache-tags header; a fetch entry has the tags of its fetch call.
 * @param {import('./records.mjs').RouteValue} value
 * @param {string[] | undefined} fetchTags
 */
function tagsOf(value, fetchTags) {
  if (value.kind === 'FETCH') return fetchTags ?? value.tags ?? []
  if (value.kind === 'REDIRECT') return []
  const header = value.headers?.['x-next-cache-tags']
  return typeof header === 'string' && header !== '' ? header.split(',') : []
}

/** @param {import('./store.mjs').CacheRuntime} runtime */
export function createRouteCacheHandler(runtime) {
  /**
   * `set` is not told when its render started, and a render that began before an invalidation
   * but is stored after it must not pass for fresh. So an entry's time is that of the first read
   * of its key since the last store that could start a render (a miss, or an entry Next.js will
   * revalidate), if recent. A fresh hit starts no render: counting it would date the render after
   * an invalidation before the invalidation, and throw that render away.
   * @type {LRUCache<string, number>}
   */
  const firstReadAt = new LRUCache({ max: 10_000 })
  /** @type {Set<string>} */
  const refusedKinds = new Set()

  /** @param {string} key */
  function noteRead(key) {
    const at = firstReadAt.get(key)
    if (at === undefined || runtime.now() - at >= renderWindowMs) firstReadAt.set(key, runtime.now())
  }

  /** @param {string} key */
  function takeRenderStart(key) {
    const at = firstReadAt.get(key)
    firstReadAt.delete(key)
    const now = runtime.now()
    return at !== undefined && now - at < renderWindowMs ? at : now
  }

  /**
   * Whether Next.js will render this entry again now: its revalidate or expire time has passed
   * (next/dist/server/lib/incremental-cache/index.js). Fetch entries are always counted, since
   * their lifetime also depends on the fetch call.
   * @param {import('./records.mjs').RouteRecord} record
   */
  function isDueForRender({ lastModified, cacheControl, value }) {
    if (value.kind === 'FETCH' || !cacheControl) return true
    const age = runtime.now() - lastModified
    const { revalidate, expire } = cacheControl
    return (
      (typeof revalidate === 'number' && age >= revalidate * 1000) ||
      (typeof expire === 'number' && age >= expire * 1000)
    )
  }

  /**
   * A `lastModified` that makes Next.js see a page or route entry as due for a background render
   * (its revalidate time just passed) and not expired; undefined when there is none.
   * @param {import('./records.mjs').RouteRecord} record
   */
  function dueSince({ lastModified, cacheControl, value }) {
    if (value.kind !== 'APP_PAGE' && value.kind !== 'APP_ROUTE') return undefined
    const revalidate = cacheControl?.revalidate
    if (typeof revalidate !== 'number') return undefined
    const since = Math.min(lastModified, runtime.now() - revalidate * 1000 - 1)
    const expire = cacheControl?.expire
    return typeof expire === 'number' && since + expire * 1000 <= runtime.now() ? undefined : since
  }

  /** @param {unknown} data */
  function parseValue(data) {
    const parsed = routeValueSchema.safeParse(data)
    if (parsed.success) return parsed.data
    const kind = typeof data === 'object' && data !== null && 'kind' in data ? String(data.kind) : typeof data
    if (!refusedKinds.has(kind)) {
      refusedKinds.add(kind)
      runtime.log.warn(`[cache] not caching ${kind} entries, their shape is not the expected one:`, parsed.error.issues)
    }
    return undefined
  }

  return class RouteCacheHandler {
    /** @param {unknown} ctx */
    constructor(ctx) {
      const { serverDistDir, maxMemoryCacheSize } = constructorContextSchema.parse(ctx)
      this.entries = runtime.routeEntries({ maxBytes: maxMemoryCacheSize, serverDistDir })
    }

    /**
     * A stale entry (a profile such as 'max' marked a tag stale, its expiry still ahead) is served
     * once more while Next.js renders it again in the background. This interface has no "stale"
     * flag that every instance honours (Next's own tag check reads a per-process manifest), so the
     * entry is handed over with a `lastModified` just past its revalidate time: Next.js then sees it
     * due, serves it and re-renders (next/dist/server/lib/incremental-cache/index.js). An entry
     * with no revalidate time, or whose expire time would pass too, is a miss: the next request
     * renders. Pages invalidated with `expire: 0` or `updateTag` are not stale but expired.
     * @param {string} key
     * @param {unknown} ctx
     */
    async get(key, ctx) {
      const { kind, tags = [], softTags = [] } = getContextSchema.parse(ctx)
      const callTags = kind === 'FETCH' ? [...tags, ...softTags] : []
      const found = await this.entries.read(key, (record) =>
        runtime.judge([...record.tags, ...callTags], record.lastModified),
      )
      if (!found) {
        noteRead(key)
        return null
      }
      const { value, cacheControl } = found.record
      if (found.isStale) {
        noteRead(key)
        const lastModified = dueSince(found.record)
        return lastModified === undefined ? null : { lastModified, value, cacheControl }
      }
      if (isDueForRender(found.record)) noteRead(key)
      return { lastModified: found.record.lastModified, value, cacheControl }
    }

    /**
     * Stores nothing for a 404: unknown URLs, however many a bot requests, must not grow the cache.
     * @param {string} key
     * @param {unknown} data
     * @param {unknown} ctx
     */
    async set(key, data, ctx) {
      const lastModified = takeRenderStart(key)
      if (data === null || data === undefined) return
      const value = parseValue(data)
      if (!value) return
      if ((value.kind === 'APP_PAGE' || value.kind === 'APP_ROUTE' || value.kind === 'PAGES') && value.status === 404)
        return
      const { tags, cacheControl } = setContextSchema.parse(ctx)
      await this.entries.write(
        key,
        { lastModified, tags: tagsOf(value, tags), cacheControl, value },
        cacheControl?.expire,
      )
    }

    /**
     * @param {string | string[]} tags
     * @param {import('./tag-rules.mjs').Durations} [durations]
     */
    async revalidateTag(tags, durations) {
      await runtime.invalidate(typeof tags === 'string' ? [tags] : tags, durations)
    }

    resetRequestCache() {}
  }
}

export default createRouteCacheHandler(getProcessRuntime())
