import { randomBytes } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createClient } from '@redis/client'
import type { CacheConfig } from './config.mjs'
import type { RedisOptions } from './redis-connection.mjs'
import { createCacheRuntime, type CacheRuntime } from './store.mjs'

/** Set where Redis runs (.ci/run); where it is not, the Redis tests are reported as skipped. */
export const testRedisUrl = process.env.TEST_REDIS_URL
export const skipWithoutRedis = !testRedisUrl
export const redisSkipReason = 'TEST_REDIS_URL is not set: Redis tests skipped'

/** A key prefix of its own per test file, so runs never collide; `deleteKeys` removes its keys. */
export function createTestPrefix(): string {
  return `test-cache:${Date.now().toString(36)}-${randomBytes(4).toString('hex')}:`
}

export async function deleteKeys(url: string, prefix: string): Promise<void> {
  const client = createClient({ url })
  await client.connect()
  for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 200 })) {
    if (keys.length > 0) await client.del(keys)
  }
  await client.close()
}

/** A clock the test moves by hand: race and expiry rules are about order, not about waiting. */
export function createClock(start = 1_700_000_000_000) {
  let time = start
  return { now: () => time, advance: (ms: number) => void (time += ms) }
}

/** A logger that keeps its lines, so tests can assert on them and the output stays clean. */
export function createTestLog() {
  const lines: string[] = []
  const push = (...args: unknown[]) => void lines.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '))
  return { lines, log: { info: push, warn: push, error: push } }
}

/** A `.next/server` directory whose BUILD_ID is `buildId`, as Next.js passes it to the handler. */
export function createServerDistDir(buildId: string): string {
  const distDir = mkdtempSync(path.join(tmpdir(), 'cache-handlers-'))
  writeFileSync(path.join(distDir, 'BUILD_ID'), `${buildId}\n`)
  return path.join(distDir, 'server')
}

type RuntimeOptions = { config: CacheConfig; now: () => number; log: ReturnType<typeof createTestLog>['log']; redis?: RedisOptions }

/** Runtimes that the test closes in afterEach/afterAll through `closeAll`. */
export function createRuntimes() {
  const runtimes: CacheRuntime[] = []
  return {
    create(options: RuntimeOptions): CacheRuntime {
      const runtime = createCacheRuntime({ ...options, redis: { connectWaitMs: 2000, reconnectCapMs: 200, ...options.redis } })
      runtimes.push(runtime)
      return runtime
    },
    async closeAll() {
      await Promise.all(runtimes.splice(0).map((runtime) => runtime.close()))
    },
  }
}

/**
 * A TCP proxy in front of Redis that the test can stop (every connection cut, new ones refused)
 * and start again on the same port, mute (connections stay open, nothing gets through), or make
 * refuse scripts: Redis going away, coming back, hanging, or refusing the tag writes, for a client
 * that points at the proxy.
 */
export async function startRedisProxy(targetUrl: string) {
  const target = new URL(targetUrl)
  const sockets = new Set<net.Socket>()
  let server: net.Server | undefined
  let port = 0
  let isMuted = false
  let isRefusingScripts = false

  function relay(from: net.Socket, to: net.Socket, isFromClient: boolean) {
    sockets.add(from)
    from.on('data', (chunk) => {
      if (isMuted) return
      // A Redis that refuses scripts (as some managed ones do) but serves reads and writes.
      if (isFromClient && isRefusingScripts && /^\*\d+\r\n\$\d+\r\nEVAL/i.test(chunk.toString('latin1', 0, 32))) {
        from.write('-NOSCRIPT refused by the test proxy\r\n')
        return
      }
      to.write(chunk)
    })
    from.on('error', () => from.destroy())
    from.on('close', () => {
      sockets.delete(from)
      to.destroy()
    })
  }

  async function start() {
    isMuted = false
    const listening = net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 6379), target.hostname)
      relay(client, upstream, true)
      relay(upstream, client, false)
    })
    await new Promise<void>((resolve) => listening.listen(port, '127.0.0.1', resolve))
    const address = listening.address()
    if (address === null || typeof address === 'string') throw new Error('the proxy has no TCP port')
    port = address.port
    server = listening
  }

  async function stop() {
    const closing = server
    server = undefined
    for (const socket of sockets) socket.destroy()
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()))
  }

  await start()
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    stop,
    mute: () => void (isMuted = true),
    refuseScripts: (isRefusing: boolean) => void (isRefusingScripts = isRefusing),
  }
}
