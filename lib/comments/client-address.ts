import 'server-only'
import { createHmac } from 'node:crypto'
import { isIP } from 'node:net'
import { readPeerAddress } from '@/lib/server/peer-address.mjs'

/**
 * The address a rate limit should key on, normalised; undefined when it cannot be known. Without a
 * trusted proxy it is the socket address the server entry signed with `peerSecret`.
 */
export function resolveClientAddress(
  headers: Headers,
  trustedHops: number,
  peerSecret: string | undefined,
): string | undefined {
  if (trustedHops === 0) return normalizeAddress(readPeerAddress(headers, peerSecret) ?? '')
  // Each trusted proxy appended the address it saw, so the client is `trustedHops` entries from
  // the right. Entries further left were written by the client and prove nothing.
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  const entry = chain.length >= trustedHops ? chain[chain.length - trustedHops] : chain[0]
  return normalizeAddress(entry ?? '')
}

/**
 * IPv4 as is, IPv4-mapped IPv6 as IPv4, and IPv6 as its /64 network: one household or server
 * usually gets a whole /64, so keying on full addresses would let it rotate past any limit.
 */
export function normalizeAddress(raw: string): string | undefined {
  let address = raw.trim()
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address)
  if (bracketed?.[1]) address = bracketed[1]
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'))
  address = address.replace(/%.*$/, '')
  const version = isIP(address)
  if (version === 4) return address
  if (version !== 6) return undefined
  const groups = expandIPv6(address.toLowerCase())
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = groups.slice(6)
    return [high >> 8, high & 255, low >> 8, low & 255].join('.')
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`
}

function expandIPv6(address: string): number[] {
  let text = address
  const ipv4Tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (ipv4Tail?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = ipv4Tail[1].split('.').map(Number)
    text = `${text.slice(0, -ipv4Tail[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head = '', tail] = text.split('::')
  const parse = (part: string) => (part ? part.split(':').map((group) => parseInt(group, 16)) : [])
  const left = parse(head)
  const right = tail === undefined ? [] : parse(tail)
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right]
}

/**
 * A keyed hash, so the database never holds an address and a leaked table cannot be reversed by
 * brute force without the key.
 */
export function hashClientAddress(address: string | undefined, key: string): string {
  return createHmac('sha256', key)
    .update(address ?? 'unknown')
    .digest('hex')
}
