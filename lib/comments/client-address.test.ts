import { describe, expect, it } from 'vitest'
import { formatPeerAddress, PEER_ADDRESS_HEADER } from '@/lib/server/peer-address.mjs'
import { hashClientAddress, normalizeAddress, resolveClientAddress } from './client-address'

const headers = (values: Record<string, string>) => new Headers(values)
const secret = 'this process signs with this key'
const signed = (address: string) => formatPeerAddress(address, secret)

describe('resolveClientAddress', () => {
  it('with no trusted proxy, uses the socket address and ignores X-Forwarded-For', () => {
    const request = headers({ [PEER_ADDRESS_HEADER]: signed('203.0.113.7'), 'x-forwarded-for': '198.51.100.1' })
    expect(resolveClientAddress(request, 0, secret)).toBe('203.0.113.7')
  })

  it('without a socket address, does not fall back to a header the client wrote', () => {
    expect(resolveClientAddress(headers({ 'x-forwarded-for': '198.51.100.1' }), 0, secret)).toBeUndefined()
  })

  it('ignores a peer-address header that this process did not sign (sent by a client)', () => {
    expect(resolveClientAddress(headers({ [PEER_ADDRESS_HEADER]: '203.0.113.7' }), 0, secret)).toBeUndefined()
    expect(
      resolveClientAddress(headers({ [PEER_ADDRESS_HEADER]: `${'0'.repeat(43)} 203.0.113.7` }), 0, secret),
    ).toBeUndefined()
    // Signed for another address, or with another process's key.
    const [signature] = signed('203.0.113.7').split(' ')
    expect(
      resolveClientAddress(headers({ [PEER_ADDRESS_HEADER]: `${signature} 198.51.100.1` }), 0, secret),
    ).toBeUndefined()
    expect(
      resolveClientAddress(
        headers({ [PEER_ADDRESS_HEADER]: formatPeerAddress('203.0.113.7', 'another key') }),
        0,
        secret,
      ),
    ).toBeUndefined()
  })

  it('without a key (a server started without the entry: `next start`), trusts no peer-address header', () => {
    expect(
      resolveClientAddress(headers({ [PEER_ADDRESS_HEADER]: signed('203.0.113.7') }), 0, undefined),
    ).toBeUndefined()
    expect(
      resolveClientAddress(headers({ [PEER_ADDRESS_HEADER]: formatPeerAddress('203.0.113.7', '') }), 0, ''),
    ).toBeUndefined()
  })

  it('behind one proxy, takes the address that proxy appended (the last entry)', () => {
    const request = headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7', [PEER_ADDRESS_HEADER]: signed('10.0.0.2') })
    expect(resolveClientAddress(request, 1, secret)).toBe('203.0.113.7')
  })

  it('behind two proxies, takes the second entry from the right', () => {
    expect(resolveClientAddress(headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7, 10.0.0.9' }), 2, secret)).toBe(
      '203.0.113.7',
    )
  })

  it('with a chain shorter than the trusted hops, takes the leftmost entry', () => {
    expect(resolveClientAddress(headers({ 'x-forwarded-for': '203.0.113.7' }), 2, secret)).toBe('203.0.113.7')
  })
})

describe('normalizeAddress', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['203.0.113.7:51234', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:DB8:1:2::99', '2001:db8:1:2::/64'],
    ['[2001:db8::1]:443', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['not-an-ip', undefined],
    ['', undefined],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected)
  })

  it('puts every address of one IPv6 /64 in one bucket', () => {
    expect(normalizeAddress('2001:db8:1:2::1')).toBe(normalizeAddress('2001:db8:1:2:ffff:ffff:ffff:ffff'))
  })
})

describe('hashClientAddress', () => {
  it('is keyed: the same address hashes differently under another key, and never contains the address', () => {
    const a = hashClientAddress('203.0.113.7', 'key-one-key-one-key-one')
    expect(a).toMatch(/^[0-9a-f]{64}$/)
    expect(a).toBe(hashClientAddress('203.0.113.7', 'key-one-key-one-key-one'))
    expect(a).not.toBe(hashClientAddress('203.0.113.7', 'key-two-key-two-key-two'))
  })
})
