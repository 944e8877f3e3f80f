import { randomBytes, timingSafeEqual } from 'node:crypto'
import { processGlobal } from './process-global'
import { hookServers } from './server-hooks'

// No 'server-only' here: instrumentation.ts is not compiled in the React Server layer where that
// import is allowed. node:http keeps this module out of client bundles just as well.

/** Our own header for the socket address; a value sent by a client is overwritten, never trusted. */
export const PEER_ADDRESS_HEADER = 'x-playbook-peer-address'

// A random token per process, on globalThis because instrumentation and the route handlers are
// bundled separately. It proves that a header value was written by recordPeerAddresses(), not by
// a client whose request arrived before the hook was installed.
const processToken = () => processGlobal('backend-playbook.peer-address-token', () => randomBytes(16).toString('hex'))

/** The header value recordPeerAddresses() writes for `address`. */
export function formatPeerAddress(address: string): string {
  return `${processToken()} ${address}`
}

/** The socket address recorded for this request, or undefined when it was not recorded by this process. */
export function readPeerAddress(headers: Headers): string | undefined {
  const [token = '', address] = (headers.get(PEER_ADDRESS_HEADER) ?? '').split(' ')
  const expected = Buffer.from(processToken())
  const given = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected) ? address : undefined
}

let isInstalled = false

/**
 * `next start` copies the socket address into X-Forwarded-For only when the request has none, so
 * a client that sends its own header hides its address from route handlers. This records the
 * socket address of every request in a header of ours, overwriting whatever the client sent.
 * Installed once from instrumentation.ts, before Next.js handles requests.
 */
export function recordPeerAddresses(): void {
  if (isInstalled) return
  isInstalled = true
  hookServers({
    onRequest: (_, request) => {
      request.headers[PEER_ADDRESS_HEADER] = formatPeerAddress(request.socket.remoteAddress ?? '')
    },
  })
}
