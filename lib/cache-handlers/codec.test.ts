import { describe, expect, it } from 'vitest'
import { deserialize, estimateSize, serialize } from './codec.mjs'

describe('cache record codec', () => {
  it('round-trips an APP_PAGE value: Buffers, a Map of Buffers, absent fields and headers', () => {
    const value = {
      kind: 'APP_PAGE',
      html: '<p>héllo</p>',
      rscData: Buffer.from([0, 1, 127, 128, 255]),
      status: 200,
      postponed: undefined,
      headers: { 'x-next-cache-tags': 'a,b', 'set-cookie': ['a=1', 'b=2'], 'content-length': 12 },
      segmentData: new Map([
        ['/_tree', Buffer.from('tree')],
        ['/blog/x', Buffer.alloc(0)],
      ]),
    }
    // Strict: Buffers come back as Buffers and the absent `postponed` stays a key.
    expect(deserialize(serialize(value))).toStrictEqual(value)
  })

  it('keeps Infinity, negative numbers and arrays that look like tagged values', () => {
    const value = { expire: Infinity, revalidate: -1, tags: ['B', 'AAAA'], nested: [['U'], ['M', []]] }
    expect(deserialize(serialize(value))).toStrictEqual(value)
  })

  it('refuses text it did not write', () => {
    expect(() => deserialize('["X", 1]')).toThrow(/unreadable cache record/)
    expect(() => deserialize('["B", 1]')).toThrow(/unreadable cache record/)
    expect(() => deserialize('not json')).toThrow()
  })

  it('refuses values JSON would silently change', () => {
    expect(() => serialize({ at: new Date(0) })).toThrow(/cannot be stored/)
  })

  it('sizes records by their strings and bytes', () => {
    const small = estimateSize({ html: 'x', body: Buffer.alloc(1) })
    const large = estimateSize({ html: 'x'.repeat(10_000), body: Buffer.alloc(5_000) })
    expect(large - small).toBe(9_999 + 4_999)
  })
})
