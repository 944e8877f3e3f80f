import { once } from 'node:events'
import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { formatPeerAddress, PEER_ADDRESS_HEADER, readPeerAddress, recordPeerAddress } from './peer-address.mjs'

const secret = 'this process signs with this key'

describe('the peer address', () => {
  it('reaches the handler as the socket address, whatever header the client sent', async () => {
    const seen: Array<string | undefined> = []
    const server = createServer((req, res) => {
      recordPeerAddress(req, secret)
      seen.push(
        readPeerAddress(new Headers({ [PEER_ADDRESS_HEADER]: String(req.headers[PEER_ADDRESS_HEADER]) }), secret),
      )
      res.end()
    })
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    const { port } = server.address() as AddressInfo
    const forged = formatPeerAddress('203.0.113.7', secret)
    await new Promise<void>((resolve, reject) => {
      request({ host: '127.0.0.1', port, agent: false, headers: { [PEER_ADDRESS_HEADER]: forged } }, (res) =>
        res.resume().on('end', resolve),
      )
        .on('error', reject)
        .end()
    })
    server.close()
    expect(seen).toEqual(['127.0.0.1'])
  })

  it('is read only when signed with this process’s key', () => {
    const headers = (value: string) => new Headers({ [PEER_ADDRESS_HEADER]: value })
    expect(readPeerAddress(headers(formatPeerAddress('2001:db8::1', secret)), secret)).toBe('2001:db8::1')
    expect(readPeerAddress(headers(formatPeerAddress('2001:db8::1', 'another process')), secret)).toBeUndefined()
    expect(readPeerAddress(headers('2001:db8::1'), secret)).toBeUndefined()
    expect(readPeerAddress(new Headers(), secret)).toBeUndefined()
    expect(readPeerAddress(headers(formatPeerAddress('2001:db8::1', secret)), undefined)).toBeUndefined()
  })
})
