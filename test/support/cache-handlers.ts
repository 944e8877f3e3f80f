import { randomBytes } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { CacheConfig } from '@/lib/cache-handlers/config.mjs'
import type { RedisOptions } from '@/lib/cache-handlers/redis-connection.mjs'
import { createCacheRuntime, type CacheRuntime } from '@/lib/cache-handlers/store.mjs'

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
