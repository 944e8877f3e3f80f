import { randomBytes } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach } from 'vitest'
import type { CacheConfig } from '@/lib/cache-handlers/config.mjs'
import type { RedisOptions } from '@/lib/cache-handlers/redis-connection.mjs'
import { createCacheRuntime, type CacheRuntime } from '@/lib/cache-handlers/store.mjs'
import { deleteKeys, redisSkipReason, skipWithoutRedis, testRedisUrl } from './redis'

export { deleteKeys, redisSkipReason, skipWithoutRedis, startRedisProxy, testRedisUrl } from './redis'

/** A key prefix of its own per test file, so runs never collide; `deleteKeys` removes its keys. */
export function createTestPrefix(): string {
  return `test-cache:${Date.now().toString(36)}-${randomBytes(4).toString('hex')}:`
}

/** A clock the test moves by hand: race and expiry rules are about order, not about waiting. */
export function createClock(start = 1_700_000_000_000) {
  let time = start
  return { now: () => time, advance: (ms: number) => void (time += ms) }
}

/** A logger that keeps its lines, so tests can assert on them and the output stays clean. */
export function createTestLog() {
  const lines: string[] = []
  const push = (...args: unknown[]) =>
    void lines.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '))
  return { lines, log: { info: push, warn: push, error: push } }
}

/** A `.next/server` directory whose BUILD_ID is `buildId`, as Next.js passes it to the handler. */
export function createServerDistDir(buildId: string): string {
  const distDir = mkdtempSync(path.join(tmpdir(), 'cache-handlers-'))
  writeFileSync(path.join(distDir, 'BUILD_ID'), `${buildId}\n`)
  return path.join(distDir, 'server')
}

type RuntimeOptions = {
  config: CacheConfig
  now: () => number
  log: ReturnType<typeof createTestLog>['log']
  redis?: RedisOptions
}

/** Runtimes that the test closes in afterEach/afterAll through `closeAll`. */
export function createRuntimes() {
  const runtimes: CacheRuntime[] = []
  return {
    create(options: RuntimeOptions): CacheRuntime {
      const runtime = createCacheRuntime({
        ...options,
        redis: { connectWaitMs: 2000, reconnectCapMs: 200, ...options.redis },
      })
      runtimes.push(runtime)
      return runtime
    },
    async closeAll() {
      await Promise.all(runtimes.splice(0).map((runtime) => runtime.close()))
    },
  }
}

/** A key prefix of the test file's own (see `createTestPrefix`) whose Redis keys are removed after its tests. */
export function testPrefixRemovedAfterAll(): string {
  const prefix = createTestPrefix()
  afterAll(async () => {
    if (testRedisUrl) await deleteKeys(testRedisUrl, prefix)
  })
  return prefix
}

/**
 * The test file's key prefix and its runtimes, closed after each test; `nextKeyPrefix` gives each
 * test a prefix of its own, as tag times in Redis outlive the test that wrote them.
 */
export function setUpCacheTests() {
  const prefix = testPrefixRemovedAfterAll()
  const runtimes = createRuntimes()
  afterEach(() => runtimes.closeAll())
  let setups = 0
  return { prefix, runtimes, nextKeyPrefix: () => `${prefix}${++setups}:` }
}

/** The stores the handlers are tested on: memory, and Redis (reported as skipped without TEST_REDIS_URL). */
export const stores = [
  { name: 'memory', isRedis: false, skip: false },
  {
    name: `Redis, two instances${skipWithoutRedis ? ` (${redisSkipReason})` : ''}`,
    isRedis: true,
    skip: skipWithoutRedis,
  },
]

/**
 * Two instances of the site: with Redis two runtimes on one prefix (two processes), in memory the
 * same runtime twice (memory mode is one process by definition).
 */
export function createInstances(
  runtimes: ReturnType<typeof createRuntimes>,
  isRedis: boolean,
  options: Omit<RuntimeOptions, 'config'> & { keyPrefix: string },
): [CacheRuntime, CacheRuntime] {
  const { keyPrefix, ...rest } = options
  const config: CacheConfig = isRedis ? { store: 'redis', url: testRedisUrl ?? '', keyPrefix } : { store: 'memory' }
  const a = runtimes.create({ config, ...rest })
  return [a, isRedis ? runtimes.create({ config, ...rest }) : a]
}
