import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createRouteCacheHandler } from './route-cache-handler.mjs'
import { createUseCacheHandler } from './use-cache-handler.mjs'
import { createClock, createInstances, createTestLog, setUpCacheTests, stores } from '@/test/support/cache-handlers'

const { runtimes, nextKeyPrefix } = setUpCacheTests()

/** A stream that records whether it was read to the end, like the one Next.js hands to `set`. */
function streamOf(chunks: string[]) {
  const state = { isDrained: false }
  const queue = chunks.map((chunk) => new TextEncoder().encode(chunk))
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = queue.shift()
      if (next) return controller.enqueue(next)
      state.isDrained = true
      controller.close()
    },
  })
  return { stream, state }
}

function failingStream() {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('half of it'))
      controller.error(new Error('render failed'))
    },
  })
}

async function text(stream: ReadableStream<Uint8Array>) {
  return new Response(stream).text()
}

function entry(
  value: ReadableStream<Uint8Array>,
  timestamp: number,
  overrides: { tags?: string[]; expire?: number; revalidate?: number } = {},
) {
  return { value, tags: ['comments:hello'], stale: 30, timestamp, expire: 3600, revalidate: 900, ...overrides }
}

/** Two instances of the site (see `createInstances`) and a handler on each. */
function setup(isRedis: boolean) {
  const clock = createClock()
  const { lines, log } = createTestLog()
  const [a, b] = createInstances(runtimes, isRedis, { keyPrefix: nextKeyPrefix(), now: clock.now, log })
  return {
    clock,
    lines,
    onA: createUseCacheHandler(a),
    onB: createUseCacheHandler(b),
    RouteOnB: createRouteCacheHandler(b),
  }
}

const newKey = () => `["build-1","fn",[${randomBytes(6).toString('hex')}]]`

describe.each(stores)("'use cache' handler ($name)", ({ isRedis, skip }) => {
  it.skipIf(skip)('reads the stream to the end in set, and gives a new stream on every get', async () => {
    const { onA, onB, clock } = setup(isRedis)
    const key = newKey()
    const { stream, state } = streamOf(['<p>', 'comments', '</p>'])
    await onA.set(key, Promise.resolve(entry(stream, clock.now())))
    expect(state.isDrained).toBe(true)
    const first = await onB.get(key, [])
    const second = await onB.get(key, [])
    expect(first?.value).not.toBe(second?.value)
    expect(await text(first?.value ?? new ReadableStream())).toBe('<p>comments</p>')
    expect(await text(second?.value ?? new ReadableStream())).toBe('<p>comments</p>')
    expect(second).toMatchObject({
      tags: ['comments:hello'],
      stale: 30,
      timestamp: clock.now(),
      expire: 3600,
      revalidate: 900,
    })
  })

  it.skipIf(skip)('makes a get wait for a set of the same key that is still pending', async () => {
    const { onA, clock } = setup(isRedis)
    const key = newKey()
    let resolveEntry: (value: ReturnType<typeof entry>) => void = () => {}
    const setting = onA.set(key, new Promise((resolve) => (resolveEntry = resolve)))
    const getting = onA.get(key, [])
    resolveEntry(entry(streamOf(['late']).stream, clock.now()))
    await setting
    expect(await text((await getting)?.value ?? new ReadableStream())).toBe('late')
  })

  it.skipIf(skip)('stores nothing from a stream that fails, nor a dynamic (expire 0) entry', async () => {
    const { onA, clock, lines } = setup(isRedis)
    const [broken, dynamic] = [newKey(), newKey()]
    await onA.set(broken, Promise.resolve(entry(failingStream(), clock.now())))
    await onA.set(dynamic, Promise.resolve(entry(streamOf(['x']).stream, clock.now(), { expire: 0 })))
    expect(await onA.get(broken, [])).toBeUndefined()
    expect(await onA.get(dynamic, [])).toBeUndefined()
    expect(lines.join('\n')).toMatch(/not stored: render failed/)
  })

  it.skipIf(skip)('misses once an own or soft tag expired after the entry was created, on any instance', async () => {
    const { onA, onB, RouteOnB, clock } = setup(isRedis)
    const [own, soft] = [newKey(), newKey()]
    await onA.set(own, Promise.resolve(entry(streamOf(['own']).stream, clock.now())))
    await onA.set(soft, Promise.resolve(entry(streamOf(['soft']).stream, clock.now(), { tags: [] })))
    clock.advance(10)
    await onB.updateTags(['comments:hello'])
    await new RouteOnB({ maxMemoryCacheSize: 1024 }).revalidateTag(['_N_T_/blog/hello'], { expire: 0 })
    expect(await onA.get(own, [])).toBeUndefined()
    expect(await onA.get(soft, ['_N_T_/blog/hello'])).toBeUndefined()

    const fresh = newKey()
    clock.advance(10)
    await onA.set(fresh, Promise.resolve(entry(streamOf(['new']).stream, clock.now())))
    expect(await text((await onA.get(fresh, ['_N_T_/blog/hello']))?.value ?? new ReadableStream())).toBe('new')
  })

  it.skipIf(skip)(
    'serves an entry with a stale tag once with revalidate -1, and an entry made after it as usual',
    async () => {
      const { onA, onB, clock } = setup(isRedis)
      const [older, newer] = [newKey(), newKey()]
      // Entries that outlive the tag's scheduled expiry, so only the tag can end the older one.
      await onA.set(older, Promise.resolve(entry(streamOf(['old']).stream, clock.now(), { expire: 7200 })))
      clock.advance(10)
      await onB.updateTags(['comments:hello'], { expire: 3600 })
      clock.advance(10)
      await onA.set(newer, Promise.resolve(entry(streamOf(['new']).stream, clock.now(), { expire: 7200 })))
      expect(await onA.get(older, [])).toMatchObject({ revalidate: -1 })
      expect(await onA.get(newer, [])).toMatchObject({ revalidate: 900 })
      clock.advance(3600 * 1000)
      expect(await onA.get(older, [])).toBeUndefined()
    },
  )

  it.skipIf(skip)('drops an entry past its expire, and keeps one that never expires', async () => {
    const { onA, onB, clock } = setup(isRedis)
    const [expiring, lasting] = [newKey(), newKey()]
    await onA.set(expiring, Promise.resolve(entry(streamOf(['a']).stream, clock.now(), { expire: 60 })))
    await onA.set(lasting, Promise.resolve(entry(streamOf(['b']).stream, clock.now(), { expire: Infinity })))
    clock.advance(61_000)
    expect(await onB.get(expiring, [])).toBeUndefined()
    expect(await onB.get(lasting, [])).toMatchObject({ expire: Infinity })
  })

  it.skipIf(skip)('reports the latest expiry that has passed, not a scheduled one', async () => {
    const { onA, onB, clock } = setup(isRedis)
    expect(await onA.getExpiration(['_N_T_/a', '_N_T_/b'])).toBe(0)
    await onB.updateTags(['_N_T_/a'])
    const expiredAt = clock.now()
    clock.advance(10)
    await onB.updateTags(['_N_T_/b'], { expire: 3600 })
    expect(await onA.getExpiration(['_N_T_/a', '_N_T_/b'])).toBe(expiredAt)
    expect(await onA.getExpiration([])).toBe(0)
  })
})
