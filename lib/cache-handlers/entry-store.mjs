// @ts-check
import { LRUCache } from 'lru-cache'

/**
 * @template T
 * @typedef {object} RemoteEntries
 * @property {(key: string) => Promise<T | undefined>} get
 * @property {(key: string, record: T, ttlSeconds: number | undefined) => Promise<void>} set
 */

/** @typedef {'fresh' | 'stale' | 'expired' | 'unknown'} Verdict `unknown`: the tag times could not be read. */

/**
 * @template T
 * @typedef {object} EntryStore
 * @property {(
 *   key: string,
 *   judge: (record: T) => Promise<Verdict>,
 * ) => Promise<{ record: T, isStale: boolean } | undefined>} read
 * @property {(key: string, record: T, ttlSeconds: number | undefined) => Promise<void>} write
 * @property {() => number} countLocal
 * @property {() => void} clearLocal
 */

/**
 * Entries of one kind: a size-bounded LRU in this process, in front of Redis when there is one.
 * @template {{}} T
 * @param {{ maxBytes: number, sizeOf: (record: T) => number, remote: RemoteEntries<T> | undefined }} options
 * @returns {EntryStore<T>}
 */
export function createEntryStore({ maxBytes, sizeOf, remote }) {
  // `cacheMaxMemorySize: 0` turns the in-process copy off, as it does for Next's own handlers.
  /** @type {LRUCache<string, T> | undefined} */
  const local =
    maxBytes > 0
      ? new LRUCache({ maxSize: maxBytes, sizeCalculation: (record, key) => Math.max(1, sizeOf(record) + key.length) })
      : undefined

  return {
    /**
     * A fresh entry if there is one, else a stale one, judged by the caller's tag check. A local
     * copy that another instance's invalidation expired is dropped and Redis is asked, since that
     * instance has likely stored the re-rendered entry already.
     */
    async read(key, judge) {
      /** @type {T | undefined} */
      let stale
      const held = local?.get(key)
      if (held !== undefined) {
        const verdict = await judge(held)
        if (verdict === 'fresh') return { record: held, isStale: false }
        if (verdict === 'unknown') return undefined
        if (verdict === 'stale') stale = held
        else local?.delete(key)
      }
      const fetched = await remote?.get(key)
      if (fetched !== undefined) {
        const verdict = await judge(fetched)
        if (verdict === 'fresh') {
          local?.set(key, fetched)
          return { record: fetched, isStale: false }
        }
        if (verdict === 'stale') stale ??= fetched
      }
      return stale === undefined ? undefined : { record: stale, isStale: true }
    },
    async write(key, record, ttlSeconds) {
      local?.set(key, record)
      await remote?.set(key, record, ttlSeconds)
    },
    countLocal: () => local?.size ?? 0,
    clearLocal: () => local?.clear(),
  }
}
