import { randomBytes } from 'node:crypto'
import { createClient } from '@redis/client'
import { describe, expect, it } from 'vitest'
import { createRouteCacheHandler } from './route-cache-handler.mjs'
import { createUseCacheHandler } from './use-cache-handler.mjs'
import {
  createClock,
  createInstances,
  createServerDistDir,
  createTestLog,
  redisSkipReason,
  setUpCacheTests,
  skipWithoutRedis,
  stores,
  testRedisUrl,
} from '@/test/support/cache-handlers'

const { runtimes, nextKeyPrefix } = setUpCacheTests()

const maxMemoryCacheSize = 50 * 1024 * 1024
const pageContext = { kind: 'APP_PAGE', isFallback: false, isRoutePPREnabled: false }
const cacheControl = { revalidate: false, expire: undefined }

function newKey() {
  return `/route-cache/APP_PAGE/0f0f/$/blog/${randomBytes(6).toString('hex')}`
}

function page(html: string, status = 200) {
  return {
    kind: 'APP_PAGE',
    html,
    rscData: Buffer.from([0, 1, 2, 254, 255]),
    status,
    postponed: undefined,
    headers: { 'x-next-cache-tags': '_N_T_/layout,_N_T_/blog/hello,comments:hello' },
    segmentData: new Map([
      ['/_tree', Buffer.from('tree')],
      ['/blog/hello.segment', Buffer.from([7, 8, 9])],
    ]),
  }
}

/** Two instances of the site (see `createInstances`) and a handler on each, as Next.js creates them. */
function setup(
  isRedis: boolean,
  options: { buildId?: string; readerBuildId?: string; maxMemoryCacheSize?: number; keyPrefix?: string } = {},
) {
  const clock = createClock()
  const { lines, log } = createTestLog()
  const keyPrefix = options.keyPrefix ?? nextKeyPrefix()
  const [a, b] = createInstances(runtimes, isRedis, { keyPrefix, now: clock.now, log })
  const RouteA = createRouteCacheHandler(a)
  const RouteB = createRouteCacheHandler(b)
  const size = options.maxMemoryCacheSize ?? maxMemoryCacheSize
  const distA = createServerDistDir(options.buildId ?? 'build-1')
  const distB = createServerDistDir(options.readerBuildId ?? options.buildId ?? 'build-1')
  return {
    clock,
    lines,
    keyPrefix,
    runtime: a,
    // Next.js creates a handler per request: so do the tests.
    onA: () => new RouteA({ serverDistDir: distA, maxMemoryCacheSize: size, revalidatedTags: [], _requestHeaders: {} }),
    onB: () => new RouteB({ serverDistDir: distB, maxMemoryCacheSize: size, revalidatedTags: [], _requestHeaders: {} }),
    useCacheOnB: createUseCacheHandler(b),
  }
}

describe.each(stores)('route cache handler ($name)', ({ isRedis, skip }) => {
  it.skipIf(skip)('round-trips an APP_PAGE value with its Buffers, segment Map and cacheControl', async () => {
    const { onA, onB, clock } = setup(isRedis)
    const key = newKey()
    const lifetime = { revalidate: 3600, expire: 86_400 }
    await onA().set(key, page('<h1>Hello</h1>'), { cacheControl: lifetime, isFallback: false })
    expect(await onB().get(key, pageContext)).toStrictEqual({
      lastModified: clock.now(),
      value: page('<h1>Hello</h1>'),
      cacheControl: lifetime,
    })
  })

  it.skipIf(skip)('stores no 404 and no null, however many unknown URLs are asked for', async () => {
    const { onA, runtime } = setup(isRedis)
    for (let index = 0; index < 1000; index += 1) {
      const key = newKey()
      expect(await onA().get(key, pageContext)).toBeNull()
      await onA().set(key, page('<h1>Not found</h1>', 404), { cacheControl })
    }
    const routeKey = newKey()
    await onA().set(
      routeKey,
      { kind: 'APP_ROUTE', body: Buffer.from('gone'), status: 404, headers: {} },
      { cacheControl },
    )
    await onA().set(routeKey, null, { cacheControl })
    expect(await onA().get(routeKey, { kind: 'APP_ROUTE', isFallback: false })).toBeNull()
    expect(runtime.getStatus().entries).toBe(0)
  })

  it.skipIf(skip)(
    'serves a page until one of its tags is invalidated through either handler kind on the other instance',
    async () => {
      const { onA, onB, useCacheOnB, clock } = setup(isRedis)
      const key = newKey()
      await onA().set(key, page('v1'), { cacheControl })
      clock.advance(10)
      await useCacheOnB.updateTags(['comments:other'])
      expect((await onA().get(key, pageContext))?.value).toEqual(page('v1'))

      await useCacheOnB.updateTags(['comments:hello'], { expire: 0 })
      expect(await onA().get(key, pageContext)).toBeNull()

      const second = newKey()
      await onA().set(second, page('v1'), { cacheControl })
      clock.advance(10)
      await onB().revalidateTag('_N_T_/blog/hello', { expire: 0 })
      expect(await onA().get(second, pageContext)).toBeNull()
    },
  )

  it.skipIf(skip)('serves the page rendered after an invalidation', async () => {
    const { onA, onB, clock } = setup(isRedis)
    const key = newKey()
    await onA().set(key, page('v1'), { cacheControl })
    clock.advance(10)
    await onB().revalidateTag(['comments:hello'])
    clock.advance(10)
    expect(await onA().get(key, pageContext)).toBeNull()
    clock.advance(10)
    await onA().set(key, page('v2'), { cacheControl })
    expect((await onB().get(key, pageContext))?.value).toEqual(page('v2'))
  })

  it.skipIf(skip)('judges a fetch entry by its own tags and by the soft tags of the call', async () => {
    const { onA, onB, clock } = setup(isRedis)
    const fetchValue = {
      kind: 'FETCH',
      data: { headers: {}, body: '{"n":1}', url: 'https://api.example/n', status: 200 },
      revalidate: 60,
      tags: ['api'],
    }
    const fetchContext = { kind: 'FETCH', tags: ['api'], softTags: ['_N_T_/feed'] }
    const key = randomBytes(16).toString('hex')
    await onA().set(key, fetchValue, { fetchCache: true, tags: ['api'] })
    expect((await onB().get(key, fetchContext))?.value).toEqual(fetchValue)
    clock.advance(10)
    await onB().revalidateTag(['_N_T_/feed'])
    expect(await onA().get(key, fetchContext)).toBeNull()

    clock.advance(10)
    await onA().set(key, fetchValue, { fetchCache: true, tags: ['api'] })
    clock.advance(10)
    await onB().revalidateTag(['api'])
    expect(await onA().get(key, fetchContext)).toBeNull()
  })

  it.skipIf(skip)(
    'does not take a render that began before an invalidation and was stored after it for fresh',
    async () => {
      const { onA, onB, clock } = setup(isRedis)
      const key = newKey()
      expect(await onA().get(key, pageContext)).toBeNull()
      clock.advance(5)
      await onB().revalidateTag(['comments:hello'])
      clock.advance(5)
      await onA().set(key, page('rendered before the comment'), { cacheControl })
      expect(await onA().get(key, pageContext)).toBeNull()
    },
  )

  it.skipIf(skip)(
    'dates an entry from the read that started its render, and not from a read over a minute old',
    async () => {
      const { onA, clock } = setup(isRedis)
      const key = newKey()
      const readAt = clock.now()
      await onA().get(key, pageContext)
      clock.advance(2000)
      await onA().set(key, page('v1'), { cacheControl })
      expect((await onA().get(key, pageContext))?.lastModified).toBe(readAt)

      const late = newKey()
      await onA().get(late, pageContext)
      clock.advance(61_000)
      await onA().set(late, page('v1'), { cacheControl })
      expect((await onA().get(late, pageContext))?.lastModified).toBe(clock.now())
    },
  )

  it.skipIf(skip)('keeps the render that follows an invalidation, however recently the page was served', async () => {
    const { onA, onB, clock } = setup(isRedis)
    const key = newKey()
    await onA().set(key, page('v1'), { cacheControl })
    clock.advance(10)
    expect(await onA().get(key, pageContext)).not.toBeNull()
    clock.advance(10)
    await onB().revalidateTag(['comments:hello'])
    clock.advance(10)
    expect(await onA().get(key, pageContext)).toBeNull()
    clock.advance(10)
    await onA().set(key, page('v2'), { cacheControl })
    expect((await onA().get(key, pageContext))?.value).toEqual(page('v2'))
  })

  it.skipIf(skip)('dates a background revalidation from the read that found the entry due', async () => {
    const { onA, onB, clock } = setup(isRedis)
    const key = newKey()
    await onA().set(key, page('v1'), { cacheControl: { revalidate: 60, expire: 3600 } })
    clock.advance(61_000)
    expect(await onA().get(key, pageContext)).not.toBeNull()
    clock.advance(5)
    await onB().revalidateTag(['comments:hello'])
    clock.advance(5)
    await onA().set(key, page('rendered before the comment'), { cacheControl: { revalidate: 60, expire: 3600 } })
    expect(await onA().get(key, pageContext)).toBeNull()
  })

  it.skipIf(skip)(
    "serves a page with a stale tag (a profile's expiry still ahead) once more as due, and the next render as fresh",
    async () => {
      const { onA, onB, clock } = setup(isRedis)
      const key = newKey()
      const life = { revalidate: 60, expire: 3600 }
      await onA().set(key, page('v1'), { cacheControl: life })
      clock.advance(10)
      await onB().revalidateTag(['comments:hello'], { expire: 3600 })
      // Next.js serves an entry past its revalidate time and re-renders it in the background; one
      // past its expire time it would render before answering.
      const stale = await onA().get(key, pageContext)
      expect(stale?.value).toEqual(page('v1'))
      const age = clock.now() - (stale?.lastModified ?? clock.now())
      expect(age).toBeGreaterThan(life.revalidate * 1000)
      expect(age).toBeLessThan(life.expire * 1000)
      clock.advance(10)
      await onA().set(key, page('v2'), { cacheControl: life })
      expect(await onA().get(key, pageContext)).toMatchObject({ value: page('v2'), lastModified: clock.now() - 10 })
    },
  )

  it.skipIf(skip)(
    'treats a stale page as a miss when it cannot be served as due: no revalidate time, or expiring with it',
    async () => {
      const { onA, onB, clock } = setup(isRedis)
      const [never, together] = [newKey(), newKey()]
      await onA().set(never, page('v1'), { cacheControl })
      await onA().set(together, page('v1'), { cacheControl: { revalidate: 60, expire: 60 } })
      clock.advance(10)
      await onB().revalidateTag(['comments:hello'], { expire: 3600 })
      expect(await onA().get(never, pageContext)).toBeNull()
      expect(await onA().get(together, pageContext)).toBeNull()
      clock.advance(10)
      await onA().set(never, page('v2'), { cacheControl })
      expect((await onA().get(never, pageContext))?.value).toEqual(page('v2'))
    },
  )

  it.skipIf(skip)('keeps nothing in memory with cacheMaxMemorySize 0 (Redis still shares entries)', async () => {
    const { onA, onB, runtime } = setup(isRedis, { maxMemoryCacheSize: 0 })
    const key = newKey()
    await onA().set(key, page('v1'), { cacheControl })
    expect(runtime.getStatus().entries).toBe(0)
    expect((await onB().get(key, pageContext))?.value ?? null).toEqual(isRedis ? page('v1') : null)
  })
})

describe.skipIf(skipWithoutRedis)(
  `route cache handler on Redis only${skipWithoutRedis ? ` (${redisSkipReason})` : ''}`,
  () => {
    it("never serves another build's entries", async () => {
      const key = newKey()
      const other = setup(true, { buildId: 'build-1', readerBuildId: 'build-2' })
      await other.onA().set(key, page('build 1'), { cacheControl })
      expect(await other.onB().get(key, pageContext)).toBeNull()
      const same = setup(true, { buildId: 'build-1', keyPrefix: other.keyPrefix })
      expect((await same.onB().get(key, pageContext))?.value).toEqual(page('build 1'))
    })

    it("replaces a local copy another instance's invalidation expired with that instance's new render", async () => {
      const { onA, onB, clock } = setup(true)
      const key = newKey()
      await onA().set(key, page('v1'), { cacheControl })
      expect((await onA().get(key, pageContext))?.value).toEqual(page('v1'))
      clock.advance(10)
      await onB().revalidateTag(['comments:hello'])
      clock.advance(10)
      await onB().set(key, page('v2'), { cacheControl })
      expect((await onA().get(key, pageContext))?.value).toEqual(page('v2'))
    })

    it('sets a Redis TTL from cacheControl.expire, and at most 30 days (an entry without one included)', async () => {
      const { onA, keyPrefix } = setup(true)
      const [expiring, lasting] = [newKey(), newKey()]
      await onA().set(expiring, page('v1'), { cacheControl: { revalidate: 60, expire: 300 } })
      await onA().set(lasting, page('v1'), { cacheControl })
      const client = createClient({ url: testRedisUrl })
      await client.connect()
      const ttl = await client.ttl(`${keyPrefix}route:build-1:${expiring}`)
      expect(ttl).toBeGreaterThan(290)
      expect(ttl).toBeLessThanOrEqual(300)
      const lastingTtl = await client.ttl(`${keyPrefix}route:build-1:${lasting}`)
      expect(lastingTtl).toBeGreaterThan(30 * 24 * 3600 - 10)
      expect(lastingTtl).toBeLessThanOrEqual(30 * 24 * 3600)
      await client.close()
    })

    it('treats an unreadable Redis entry as a miss and says so', async () => {
      const { onA, lines, keyPrefix } = setup(true)
      const key = newKey()
      const client = createClient({ url: testRedisUrl })
      await client.connect()
      await client.set(`${keyPrefix}route:build-1:${key}`, '{"lastModified":"soon"}')
      await client.close()
      expect(await onA().get(key, pageContext)).toBeNull()
      expect(lines.join('\n')).toMatch(/unreadable Redis entry/)
    })
  },
)
