import { afterAll, describe, expect, it } from 'vitest'
import { createMemoryTags } from './memory-tags.mjs'
import { connectRedis, type RedisConnection } from './redis-connection.mjs'
import { createRedisTags } from './redis-tags.mjs'
import type { TagState } from './tag-rules.mjs'
import {
  createTestLog,
  redisSkipReason,
  skipWithoutRedis,
  testPrefixRemovedAfterAll,
  testRedisUrl,
} from '@/test/support/cache-handlers'

const prefix = testPrefixRemovedAfterAll()
const connections: RedisConnection[] = []
const now = () => 10_000

function redisTags(): TagState {
  const connection = connectRedis(testRedisUrl ?? '', createTestLog().log, { connectWaitMs: 2000 })
  connections.push(connection)
  return createRedisTags({ connection, keyPrefix: prefix, log: createTestLog().log, now })
}

afterAll(async () => {
  await Promise.all(connections.map((connection) => connection.close()))
})

const pair = (state: TagState): [TagState, TagState] => [state, state]

const engines = [
  // One process: both names are the same state.
  { name: 'memory', skip: false, create: (): [TagState, TagState] => pair(createMemoryTags()) },
  // The second state is another connection on the same prefix: another instance of the site.
  {
    name: `Redis${skipWithoutRedis ? ` (${redisSkipReason})` : ''}`,
    skip: skipWithoutRedis,
    create: (): [TagState, TagState] => [redisTags(), redisTags()],
  },
]

describe.each(engines)('tag state in $name', ({ skip, create, name }) => {
  const isShared = name.startsWith('Redis')

  it.skipIf(skip)('records marks and reads them back (on another instance with Redis)', async () => {
    const [writer, reader] = create()
    const other = isShared ? reader : writer
    await writer.record(['t:a', 't:b'], { staleAt: 9000, expiredAt: 9000 }, 9000)
    const times = await other.read(['t:a', 't:b', 't:none'])
    expect(times?.get('t:a')).toEqual({ staleAt: 9000, expiredAt: 9000 })
    expect(times?.get('t:b')).toEqual({ staleAt: 9000, expiredAt: 9000 })
    expect(times?.get('t:none') ?? {}).toEqual({})
  })

  it.skipIf(skip)('never moves a time backwards', async () => {
    const [first, second] = create()
    await first.record(['t:late'], { staleAt: 8000, expiredAt: 8000 }, 9000)
    await second.record(['t:late'], { staleAt: 5000, expiredAt: 5000 }, 9000)
    expect((await first.read(['t:late']))?.get('t:late')).toEqual({ staleAt: 8000, expiredAt: 8000 })
  })

  it.skipIf(skip)('lets an expiry that has happened replace one still scheduled', async () => {
    const [first, second] = create()
    await first.record(['t:max'], { staleAt: 9000, expiredAt: 9000 + 3_600_000 }, 9000)
    await second.record(['t:max'], { expiredAt: 9500 }, 9500)
    expect((await first.read(['t:max']))?.get('t:max')).toEqual({ staleAt: 9000, expiredAt: 9500 })
  })

  it.skipIf(skip)('reads no tags without a round trip and counts nothing as failed', async () => {
    const [state] = create()
    expect((await state.read([]))?.size).toBe(0)
    expect(state.countFailed()).toBe(0)
    expect(state.countPending()).toBe(0)
  })
})
