// @ts-check
import { mergeTagTime } from './tag-rules.mjs'

/**
 * Tag times for one process, nothing persisted: after a restart every entry is gone too, so no
 * entry can outlive the invalidation that should have removed it.
 * @returns {import('./tag-rules.mjs').TagState}
 */
export function createMemoryTags() {
  /** @type {Map<string, import('./tag-rules.mjs').TagTime>} */
  const times = new Map()
  return {
    async read(tags) {
      /** @type {Map<string, import('./tag-rules.mjs').TagTime>} */
      const found = new Map()
      for (const tag of tags) {
        const time = times.get(tag)
        if (time) found.set(tag, time)
      }
      return found
    },
    async record(tags, mark, now) {
      for (const tag of tags) times.set(tag, mergeTagTime(times.get(tag), mark, now))
    },
    countPending: () => 0,
    countFailed: () => 0,
  }
}
