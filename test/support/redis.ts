import net from 'node:net'
import { createClient } from '@redis/client'

// Redis for the tests: the server (TEST_REDIS_URL, which .ci/run sets where one answers), a way to
// remove a test's keys, and a proxy a test can cut to play a Redis that goes away and comes back.

/** Set where Redis runs (.ci/run); where it is not, the Redis tests are reported as skipped. */
export const testRedisUrl = process.env.TEST_REDIS_URL
export const skipWithoutRedis = !testRedisUrl
export const redisSkipReason = 'TEST_REDIS_URL is not set: Redis tests skipped'

export async function deleteKeys(url: string, prefix: string): Promise<void> {
  const client = createClient({ url })
  await client.connect()
  for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 200 })) {
    if (keys.length > 0) await client.del(keys)
  }
  await client.close()
}

/** How many keys start with `prefix`. */
export async function countKeys(url: string, prefix: string): Promise<number> {
  const client = createClient({ url })
  await client.connect()
  let count = 0
  for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 200 })) count += keys.length
  await client.close()
  return count
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
