import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { hookServers } from './server-hooks'

describe('hookServers', () => {
  it('runs the hooks before the server handles the event, and stops when removed', async () => {
    const seen: string[] = []
    const remove = hookServers({
      onConnection: (server) => seen.push(`connection on ${server === httpServer}`),
      onRequest: (server, request) => {
        seen.push(`request ${request.url} on ${server === httpServer}`)
        request.headers['x-hooked'] = 'yes'
      },
    })
    const httpServer: Server = createServer((request, response) => response.end(String(request.headers['x-hooked'])))
    httpServer.listen(0, '127.0.0.1')
    await once(httpServer, 'listening')
    const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`
    try {
      // The handler sees what the hook wrote, so the hook ran first.
      expect(await (await fetch(`${url}/a`, { headers: { connection: 'close' } })).text()).toBe('yes')
      expect(seen).toEqual(['connection on true', 'request /a on true'])
      remove()
      expect(await (await fetch(`${url}/b`, { headers: { connection: 'close' } })).text()).toBe('undefined')
      expect(seen).toHaveLength(2)
    } finally {
      remove()
      httpServer.closeAllConnections()
      httpServer.close()
    }
  })
})
