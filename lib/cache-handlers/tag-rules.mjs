// @ts-check

/**
 * What invalidations left on one tag, in ms since the epoch. `staleAt`: entries created before it
 * are stale (served once more while Next.js refreshes them). `expiredAt`: entries created before it
 * are unusable once it has passed. A future `expiredAt` comes from a profile such as
 * `revalidateTag(tag, 'max')`.
 * @typedef {{ staleAt?: number, expiredAt?: number }} TagTime
 */

/** @typedef {ReadonlyMap<string, TagTime>} TagTimes */

/** @typedef {{ expire?: number }} Durations */

/** @typedef {'fresh' | 'stale' | 'expired'} Freshness */

/**
 * The tag times one process reads and writes: a Map in memory mode, a Redis hash shared by every
 * instance in Redis mode.
 * @typedef {object} TagState
 * @property {(tags: readonly string[]) => Promise<TagTimes | undefined>} read `undefined` when the
 *   times cannot be read (Redis down): the caller cannot tell whether an entry is valid.
 * @property {(tags: readonly string[], mark: TagTime, now: number) => Promise<void>} record Never throws.
 * @property {() => number} countPending Tags whose mark is not yet stored where every instance sees it.
 * @property {() => number} countFailed Invalidations that could not be stored since start.
 */

/**
 * The mark one invalidation leaves on each of its tags, as in Next's built-in handler
 * (next/dist/server/lib/cache-handlers/default.js): `updateTag(tag)` (no durations) expires the tag
 * now; a profile marks it stale now and expires it `expire` seconds later. A profile without an
 * `expire` expires now: a tag is never left valid by a call meant to invalidate it.
 * @param {number} now
 * @param {Durations | undefined} durations
 * @returns {TagTime}
 */
export function markInvalidation(now, durations) {
  if (!durations) return { expiredAt: now }
  return { staleAt: now, expiredAt: now + (durations.expire ?? 0) * 1000 }
}

/**
 * Folds a new mark into a tag's times. Times only move forward, so a late or replayed write
 * (after a Redis outage) never undoes a newer invalidation. One exception, kept in step with
 * redis-tags.mjs's script: an expiry that has already happened replaces one still scheduled in
 * the future, otherwise `updateTag` after `revalidateTag(tag, 'max')` would wait for a year.
 * @param {TagTime | undefined} current
 * @param {TagTime} mark
 * @param {number} now
 * @returns {TagTime}
 */
export function mergeTagTime(current, mark, now) {
  /** @type {TagTime} */
  const merged = { ...current }
  if (mark.staleAt !== undefined) merged.staleAt = Math.max(current?.staleAt ?? 0, mark.staleAt)
  if (mark.expiredAt !== undefined) {
    const previous = current?.expiredAt
    const isOverdueReplacingScheduled = previous !== undefined && previous > now && mark.expiredAt <= now
    merged.expiredAt =
      previous === undefined || isOverdueReplacingScheduled ? mark.expiredAt : Math.max(previous, mark.expiredAt)
  }
  return merged
}

/**
 * How an entry created at `createdAt` with these tags (own and soft) stands now.
 * @param {TagTimes} times
 * @param {readonly string[]} tags
 * @param {number} createdAt
 * @param {number} now
 * @returns {Freshness}
 */
export function judgeEntry(times, tags, createdAt, now) {
  let isStale = false
  for (const tag of tags) {
    const time = times.get(tag)
    if (!time) continue
    if (time.expiredAt !== undefined && createdAt < time.expiredAt && time.expiredAt <= now) return 'expired'
    if (time.staleAt !== undefined && createdAt < time.staleAt) isStale = true
  }
  return isStale ? 'stale' : 'fresh'
}

/**
 * The latest expiry among these tags that has already happened, 0 if none: Next.js discards a
 * 'use cache' entry created at or before it. A scheduled (future) expiry is left out, or every
 * entry, however fresh, would be discarded until then.
 * @param {TagTimes} times
 * @param {readonly string[]} tags
 * @param {number} now
 */
export function latestExpiry(times, tags, now) {
  let latest = 0
  for (const tag of tags) {
    const expiredAt = times.get(tag)?.expiredAt
    if (expiredAt !== undefined && expiredAt <= now && expiredAt > latest) latest = expiredAt
  }
  return latest
}
