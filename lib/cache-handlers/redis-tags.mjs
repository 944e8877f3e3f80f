// @ts-check
import { describeError } from './redis-connection.mjs'
import { mergeTagTime } from './tag-rules.mjs'

/** @typedef {import('./tag-rules.mjs').TagTime} TagTime */

// mergeTagTime (tag-rules.mjs) run inside Redis, so that instances writing at the same moment, or
// a replay after an outage, never move a tag's time backwards.
// KEYS: expiry hash, stale hash. ARGV: now, expiredAt or '', staleAt or '', tags...
const recordScript = `
local now, expiredAt, staleAt = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
for i = 4, #ARGV do
  local tag = ARGV[i]
  if expiredAt then
    local current = tonumber(redis.call('HGET', KEYS[1], tag))
    if not current or expiredAt > current or (current > now and expiredAt <= now) then
      redis.call('HSET', KEYS[1], tag, ARGV[2])
    end
  end
  if staleAt then
    local current = tonumber(redis.call('HGET', KEYS[2], tag))
    if not current or staleAt > current then redis.call('HSET', KEYS[2], tag, ARGV[3]) end
  end
end
return 1`

/** @param {unknown} reply @param {number} index */
function timeAt(reply, index) {
  const value = Array.isArray(reply) ? Number(reply[index] ?? Number.NaN) : Number.NaN
  return Number.isFinite(value) ? value : undefined
}

/**
 * Tag times in two Redis hashes shared by every instance: `<prefix>tags` (tag → expiredAt ms) and
 * `<prefix>tags:stale` (tag → staleAt ms). A write that fails (Redis down) never throws: a throw
 * would fail the comment POST after the comment is stored. The mark is logged, counted, kept and
 * replayed once Redis is back; meanwhile this instance honours it in its own reads.
 * @param {{ connection: import('./redis-connection.mjs').RedisConnection, keyPrefix: string,
 *   log: import('./redis-connection.mjs').Logger, now: () => number }} options
 * @returns {import('./tag-rules.mjs').TagState}
 */
export function createRedisTags({ connection, keyPrefix, log, now }) {
  const expiredKey = `${keyPrefix}tags`
  const staleKey = `${keyPrefix}tags:stale`
  /** @type {Map<string, TagTime>} */
  const pending = new Map()
  let failed = 0
  /** @type {Promise<void> | undefined} */
  let replaying

  /**
   * @param {NonNullable<Awaited<ReturnType<typeof connection.client>>>} client
   * @param {readonly string[]} tags
   * @param {TagTime} mark
   */
  async function write(client, tags, mark) {
    const args = [String(now()), String(mark.expiredAt ?? ''), String(mark.staleAt ?? ''), ...tags]
    await client.eval(recordScript, { keys: [expiredKey, staleKey], arguments: args })
  }

  function replay() {
    replaying ??= (async () => {
      const client = await connection.client()
      if (!client) return
      let count = 0
      for (const [tag, mark] of [...pending]) {
        await write(client, [tag], mark)
        if (pending.get(tag) === mark) pending.delete(tag)
        count += 1
      }
      if (count > 0) log.info(`[cache] replayed the invalidation of ${count} tag(s) recorded while Redis was down`)
    })()
      .catch(connection.noteFailure)
      .finally(() => (replaying = undefined))
    return replaying
  }
  connection.onReady(() => void replay())

  return {
    async read(tags) {
      if (tags.length === 0) return new Map()
      const client = await connection.client()
      if (!client) return undefined
      /** @type {unknown[]} */
      let replies
      try {
        replies = await client
          .multi()
          .hmGet(expiredKey, [...tags])
          .hmGet(staleKey, [...tags])
          .execAsPipeline()
      } catch (error) {
        connection.noteFailure(error)
        return undefined
      }
      connection.noteSuccess()
      /** @type {Map<string, TagTime>} */
      const times = new Map()
      tags.forEach((tag, index) => {
        const stored = { expiredAt: timeAt(replies[0], index), staleAt: timeAt(replies[1], index) }
        const waiting = pending.get(tag)
        times.set(tag, waiting ? mergeTagTime(stored, waiting, now()) : stored)
      })
      if (pending.size > 0) void replay()
      return times
    },
    async record(tags, mark, at) {
      const client = await connection.client()
      try {
        if (!client) throw new Error(connection.lastError() ?? 'not connected')
        await write(client, tags, mark)
        connection.noteSuccess()
        return
      } catch (error) {
        connection.noteFailure(error)
        failed += 1
        for (const tag of tags) pending.set(tag, mergeTagTime(pending.get(tag), mark, at))
        log.error(
          `[cache] invalidation of ${tags.join(', ')} not recorded in Redis (${describeError(error)}): ` +
            'kept, and replayed when Redis is back',
        )
      }
    },
    countPending: () => pending.size,
    countFailed: () => failed,
  }
}
