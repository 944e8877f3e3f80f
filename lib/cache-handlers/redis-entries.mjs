// @ts-check
import { deserialize, serialize } from './codec.mjs'
import { describeError } from './redis-connection.mjs'

/**
 * The longest a key lives in Redis, whatever the entry's own lifetime: a page nobody reads for a
 * month is rendered again on its next view, and a previous build's keys go away by themselves. Every
 * key thus has a TTL, so `maxmemory-policy volatile-lru` can evict entries and never the tag times.
 */
const maxTtlSeconds = 30 * 24 * 3600

/**
 * The shared copy of one kind of entry: one Redis string per key, JSON from codec.mjs. A failure
 * is a miss (get) or an entry this instance keeps to itself (set); the connection logs an outage
 * once, not once per request.
 * @template T
 * @param {{ connection: import('./redis-connection.mjs').RedisConnection, keyPrefix: string,
 *   decode: (value: unknown) => T, log: import('./redis-connection.mjs').Logger }} options
 * @returns {import('./entry-store.mjs').RemoteEntries<T>}
 */
export function createRedisEntries({ connection, keyPrefix, decode, log }) {
  return {
    async get(key) {
      const client = await connection.client()
      if (!client) return undefined
      /** @type {string | null} */
      let text
      try {
        text = await client.get(keyPrefix + key)
      } catch (error) {
        connection.noteFailure(error)
        return undefined
      }
      connection.noteSuccess()
      if (text === null) return undefined
      try {
        return decode(deserialize(text))
      } catch (error) {
        log.warn(`[cache] ignoring the unreadable Redis entry ${keyPrefix + key}: ${describeError(error)}`)
        return undefined
      }
    },
    async set(key, record, ttlSeconds) {
      const client = await connection.client()
      if (!client) return
      const seconds = Math.max(1, Math.ceil(Math.min(ttlSeconds ?? maxTtlSeconds, maxTtlSeconds)))
      try {
        await client.set(keyPrefix + key, serialize(record), { expiration: { type: 'EX', value: seconds } })
        connection.noteSuccess()
      } catch (error) {
        connection.noteFailure(error)
      }
    },
  }
}
