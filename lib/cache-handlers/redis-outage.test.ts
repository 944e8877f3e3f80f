import net from 'node:net'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { createRouteCacheHandler } from './route-cache-handler.mjs'
import type { CacheRuntime } from './store.mjs'
import { createUseCacheHandler } from './use-cache-handler.mjs'
import {
  createClock,
  createServerDistDir,
  createTestLog,
  deleteKeys,
  redisSkipReason,
  setUpCacheTests,
  skipWithoutRedis,
  startRedisProxy,
  testRedisUrl,
} from '@/test/support/cache-handlers'

const { prefix, runtimes } = setUpCacheTests()

const context = { serverDistDir: createServerDistDir('build-1'), maxMemoryCacheSize: 1024 * 1024 }
const pageContext = { kind: 'APP_PAGE', isFallback: false }
const cacheControl = { revalidate: false }
const page = {
  kind: 'APP_PAGE',
  html: '<h1>Hello</h1>',
  rscData: Buffer.from('rsc'),
  status: 200,
  headers: { 'x-next-cache-tags': 'comments:hello' },
}

async function closedPort() {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new Error('no TCP port')
  return address.port
}

/** A proxy in front of the test Redis, stopped once the test is over (after its runtimes are closed). */
async function startProxy() {
  const proxy = await startRedisProxy(testRedisUrl ?? '')
  onTestFinished(() => proxy.stop())
  return proxy
}

/** Two instances on one key prefix: one reaches Redis through a proxy the test can cut, the other directly. */
async function viaProxyAndDirect(name: string) {
  const proxy = await startProxy()
  const clock = createClock()
  const { lines, log } = createTestLog()
  const keyPrefix = `${prefix}${name}:`
  const viaProxy = runtimes.create({ config: { store: 'redis', url: proxy.url, keyPrefix }, now: clock.now, log })
  const direct = runtimes.create({
    config: { store: 'redis', url: testRedisUrl ?? '', keyPrefix },
    now: clock.now,
    log,
  })
  return { proxy, clock, lines, keyPrefix, viaProxy, direct }
}

/** Waits until `runtime` has noticed that Redis is gone. */
async function waitForDisconnect(runtime: CacheRuntime) {
  await vi.waitFor(() => expect(runtime.getStatus().isConnected).toBe(false))
}

/** Waits until `runtime` has recorded in Redis every invalidation it had queued. */
async function waitForNoPendingInvalidations(runtime: CacheRuntime) {
  await vi.waitFor(() => expect(runtime.getStatus().pendingInvalidations).toBe(0), { timeout: 10_000, interval: 50 })
}

describe.skipIf(skipWithoutRedis)(
  `the cache when Redis is unreachable${skipWithoutRedis ? ` (${redisSkipReason})` : ''}`,
  () => {
    it('misses, stores nothing, never throws on invalidation, and logs the outage once', async () => {
      const { lines, log } = createTestLog()
      const config = {
        store: 'redis' as const,
        url: `redis://127.0.0.1:${await closedPort()}`,
        keyPrefix: `${prefix}closed:`,
      }
      const runtime = runtimes.create({ config, now: createClock().now, log, redis: { connectWaitMs: 100 } })
      const Route = createRouteCacheHandler(runtime)
      await new Route(context).set('/a', page, { cacheControl })
      expect(await new Route(context).get('/a', pageContext)).toBeNull()
      expect(await new Route(context).get('/b', pageContext)).toBeNull()
      await expect(createUseCacheHandler(runtime).updateTags(['comments:hello'])).resolves.toBeUndefined()
      // The memory copy is of no use either: without the tag times nobody can tell it is valid.
      expect(runtime.getStatus()).toMatchObject({
        store: 'redis',
        isConnected: false,
        entries: 1,
        failedInvalidations: 1,
        pendingInvalidations: 1,
      })
      expect(runtime.getStatus().lastError).toMatch(/ECONNREFUSED/)
      expect(lines.filter((line) => line.includes('Redis is unavailable'))).toHaveLength(1)
    })

    it('replays an invalidation made during an outage once Redis is back, without undoing a newer one', async () => {
      const { proxy, clock, lines, viaProxy, direct } = await viaProxyAndDirect('replay')
      const [RouteViaProxy, RouteDirect] = [createRouteCacheHandler(viaProxy), createRouteCacheHandler(direct)]
      await new RouteDirect(context).set('/blog/hello', page, { cacheControl })
      expect(await new RouteViaProxy(context).get('/blog/hello', pageContext)).not.toBeNull()

      await proxy.stop()
      await waitForDisconnect(viaProxy)
      expect(await new RouteViaProxy(context).get('/blog/hello', pageContext)).toBeNull()
      clock.advance(10)
      // As Next.js does for one revalidateTag: both handler kinds, same tick, one failed invalidation.
      const invalidations = [
        createUseCacheHandler(viaProxy).updateTags(['comments:hello'], { expire: 0 }),
        new RouteViaProxy(context).revalidateTag(['comments:hello'], { expire: 0 }),
      ]
      await expect(Promise.all(invalidations)).resolves.toEqual([undefined, undefined])
      expect(viaProxy.getStatus()).toMatchObject({
        isConnected: false,
        failedInvalidations: 1,
        pendingInvalidations: 1,
      })
      expect(lines.join('\n')).toMatch(/\[cache\] invalidation of comments:hello not recorded in Redis/)
      expect(await new RouteDirect(context).get('/blog/hello', pageContext)).not.toBeNull()

      clock.advance(10)
      await new RouteDirect(context).revalidateTag(['comments:hello'])
      const newerInvalidation = clock.now()
      await proxy.start()
      await waitForNoPendingInvalidations(viaProxy)
      expect(viaProxy.getStatus()).toMatchObject({ isConnected: true, failedInvalidations: 1 })
      expect(lines.join('\n')).toMatch(/replayed the invalidation of 1 tag/)
      expect(await direct.judge(['comments:hello'], newerInvalidation - 1)).toBe('expired')
    })

    it('lets another instance see the replayed invalidation', async () => {
      const { proxy, clock, viaProxy, direct } = await viaProxyAndDirect('seen')
      const RouteDirect = createRouteCacheHandler(direct)
      await new RouteDirect(context).set('/blog/hello', page, { cacheControl })
      await proxy.stop()
      await waitForDisconnect(viaProxy)
      clock.advance(10)
      await createUseCacheHandler(viaProxy).updateTags(['comments:hello'])
      expect(await new RouteDirect(context).get('/blog/hello', pageContext)).not.toBeNull()
      await proxy.start()
      await waitForNoPendingInvalidations(viaProxy)
      expect(await new RouteDirect(context).get('/blog/hello', pageContext)).toBeNull()
    })

    it('honours its own unrecorded invalidation while Redis answers reads and records it on a later read', async () => {
      const { proxy, clock, viaProxy, direct } = await viaProxyAndDirect('noscript')
      const [RouteViaProxy, RouteDirect] = [createRouteCacheHandler(viaProxy), createRouteCacheHandler(direct)]
      await new RouteDirect(context).set('/blog/hello', page, { cacheControl })
      proxy.refuseScripts(true)
      clock.advance(10)
      await new RouteViaProxy(context).revalidateTag(['comments:hello'])
      expect(viaProxy.getStatus()).toMatchObject({ isConnected: true, failedInvalidations: 1, pendingInvalidations: 1 })
      expect(await new RouteViaProxy(context).get('/blog/hello', pageContext)).toBeNull()
      expect(await new RouteDirect(context).get('/blog/hello', pageContext)).not.toBeNull()

      proxy.refuseScripts(false)
      await new RouteViaProxy(context).get('/blog/hello', pageContext)
      await waitForNoPendingInvalidations(viaProxy)
      expect(await new RouteDirect(context).get('/blog/hello', pageContext)).toBeNull()
    })

    it('drops its local copies when Redis returns, as a restarted Redis has forgotten the invalidations', async () => {
      const { proxy, clock, keyPrefix, viaProxy, direct } = await viaProxyAndDirect('restart')
      const RouteViaProxy = createRouteCacheHandler(viaProxy)
      await new RouteViaProxy(context).set('/blog/hello', page, { cacheControl })
      expect(await new RouteViaProxy(context).get('/blog/hello', pageContext)).not.toBeNull()
      // Another instance invalidates the page; then Redis restarts empty before this instance reads.
      clock.advance(10)
      await createUseCacheHandler(direct).updateTags(['comments:hello'])
      await proxy.stop()
      await waitForDisconnect(viaProxy)
      await deleteKeys(testRedisUrl ?? '', keyPrefix)
      await proxy.start()
      await vi.waitFor(() => expect(viaProxy.getStatus().isConnected).toBe(true), { timeout: 10_000, interval: 50 })
      expect(viaProxy.getStatus().entries).toBe(0)
      expect(await new RouteViaProxy(context).get('/blog/hello', pageContext)).toBeNull()
    })

    it('misses instead of waiting when Redis stops answering', async () => {
      const proxy = await startProxy()
      const { log } = createTestLog()
      const runtime = runtimes.create({
        config: { store: 'redis', url: proxy.url, keyPrefix: `${prefix}mute:` },
        now: createClock().now,
        log,
        redis: { commandTimeoutMs: 200 },
      })
      const Route = createRouteCacheHandler(runtime)
      await new Route(context).set('/blog/hello', page, { cacheControl })
      expect(await new Route(context).get('/blog/hello', pageContext)).not.toBeNull()
      proxy.mute()
      expect(await new Route(context).get('/blog/hello', pageContext)).toBeNull()
      expect(runtime.getStatus().lastError).toMatch(/timed out/)
    })
  },
)
