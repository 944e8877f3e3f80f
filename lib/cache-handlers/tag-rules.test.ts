import { describe, expect, it } from 'vitest'
import { judgeEntry, latestExpiry, markInvalidation, mergeTagTime, type TagTime } from './tag-rules.mjs'

const times = (entries: Record<string, TagTime>) => new Map(Object.entries(entries))

describe('markInvalidation', () => {
  it('expires the tag now without durations (updateTag)', () => {
    expect(markInvalidation(1000, undefined)).toEqual({ expiredAt: 1000 })
  })

  it("marks the tag stale now and expires it after the profile's expire", () => {
    expect(markInvalidation(1000, { expire: 0 })).toEqual({ staleAt: 1000, expiredAt: 1000 })
    expect(markInvalidation(1000, { expire: 60 })).toEqual({ staleAt: 1000, expiredAt: 61_000 })
  })

  it('expires now when the profile has no expire', () => {
    expect(markInvalidation(1000, {})).toEqual({ staleAt: 1000, expiredAt: 1000 })
  })
})

describe('mergeTagTime', () => {
  it('keeps the later time, so a late or replayed mark never moves a tag backwards', () => {
    expect(mergeTagTime({ expiredAt: 2000, staleAt: 2000 }, { expiredAt: 1000, staleAt: 1000 }, 3000)).toEqual({
      expiredAt: 2000,
      staleAt: 2000,
    })
    expect(mergeTagTime({ expiredAt: 1000 }, { expiredAt: 2000 }, 3000)).toEqual({ expiredAt: 2000 })
  })

  it('lets an expiry that has happened replace one scheduled in the future', () => {
    expect(mergeTagTime({ staleAt: 1000, expiredAt: 1000 + 3_600_000 }, { expiredAt: 2000 }, 2000)).toEqual({
      staleAt: 1000,
      expiredAt: 2000,
    })
  })

  it('keeps a scheduled expiry against a later scheduled one', () => {
    expect(mergeTagTime({ expiredAt: 5000 }, { staleAt: 2000, expiredAt: 9000 }, 2000)).toEqual({
      staleAt: 2000,
      expiredAt: 9000,
    })
  })

  it('starts from nothing', () => {
    expect(mergeTagTime(undefined, { expiredAt: 1000 }, 1000)).toEqual({ expiredAt: 1000 })
  })
})

describe('judgeEntry', () => {
  const tagged = times({ a: { expiredAt: 1000 }, b: { staleAt: 1000, expiredAt: 9000 } })

  it('expires an entry created before an expiry that has passed', () => {
    expect(judgeEntry(tagged, ['a'], 999, 1000)).toBe('expired')
    expect(judgeEntry(tagged, ['x', 'a'], 500, 5000)).toBe('expired')
  })

  it('keeps an entry created at or after the expiry', () => {
    expect(judgeEntry(tagged, ['a'], 1000, 5000)).toBe('fresh')
    expect(judgeEntry(tagged, ['a'], 1001, 5000)).toBe('fresh')
  })

  it("calls an entry stale while its tag's expiry is still ahead, and expired once it has passed", () => {
    expect(judgeEntry(tagged, ['b'], 999, 5000)).toBe('stale')
    expect(judgeEntry(tagged, ['b'], 999, 9000)).toBe('expired')
  })

  it('leaves entries without invalidated tags fresh', () => {
    expect(judgeEntry(tagged, ['x'], 0, 5000)).toBe('fresh')
    expect(judgeEntry(tagged, [], 0, 5000)).toBe('fresh')
  })

  it('lets expired win over stale across tags', () => {
    expect(judgeEntry(tagged, ['b', 'a'], 500, 5000)).toBe('expired')
  })
})

describe('latestExpiry', () => {
  it('returns the latest expiry that has passed, 0 if none', () => {
    const state = times({ a: { expiredAt: 1000 }, b: { expiredAt: 3000 }, c: { staleAt: 2000, expiredAt: 9000 } })
    expect(latestExpiry(state, ['a', 'b', 'c'], 5000)).toBe(3000)
    expect(latestExpiry(state, ['c'], 5000)).toBe(0)
    expect(latestExpiry(state, ['x'], 5000)).toBe(0)
    expect(latestExpiry(state, ['c'], 9000)).toBe(9000)
  })
})
