// @ts-check
import { createHmac, timingSafeEqual } from 'node:crypto'

// The socket address of a request, from the server entry (lib/server/start.mjs, which owns the
// http.Server) to the route handlers (lib/comments/client-address.ts), which see only headers.
// `next start` copies the socket address into X-Forwarded-For only when the request has none, so a
// client sending its own would choose its address. The entry instead writes this header of ours
// on every request, over any copy the client sent, signed with a key made for this process
// (PEER_ADDRESS_SECRET, set by the entry): under a server without the entry (`next start`, `next
// dev`), no key is set, a client's copy proves nothing, and the address is unknown.

export const PEER_ADDRESS_HEADER = 'x-playbook-peer-address'

/** @param {string} address @param {string} secret */
const sign = (address, secret) => createHmac('sha256', secret).update(address).digest('base64url')

/**
 * The header value for `address`: its signature, a space, the address.
 * @param {string} address
 * @param {string} secret
 */
export function formatPeerAddress(address, secret) {
  return `${sign(address, secret)} ${address}`
}

/**
 * Replaces whatever the client sent under PEER_ADDRESS_HEADER with the signed socket address.
 * @param {import('node:http').IncomingMessage} request
 * @param {string} secret
 */
export function recordPeerAddress(request, secret) {
  request.headers[PEER_ADDRESS_HEADER] = formatPeerAddress(request.socket.remoteAddress ?? '', secret)
}

/**
 * The socket address recorded for this request, or undefined when there is no key or the value
 * was not signed with it (sent by a client).
 * @param {Headers} headers
 * @param {string | undefined} secret
 * @returns {string | undefined}
 */
export function readPeerAddress(headers, secret) {
  if (!secret) return undefined
  const value = headers.get(PEER_ADDRESS_HEADER) ?? ''
  const space = value.indexOf(' ')
  if (space < 0) return undefined
  const address = value.slice(space + 1)
  const given = Buffer.from(value.slice(0, space))
  const expected = Buffer.from(sign(address, secret))
  return given.length === expected.length && timingSafeEqual(given, expected) ? address : undefined
}
