// @ts-check
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { createGracefulShutdown } from './graceful-shutdown.mjs'
import { markServerEntry, runCloseTasks } from './lifecycle.mjs'
import { createNextApp } from './next-app.mjs'
import { recordPeerAddress } from './peer-address.mjs'
import { parseServerSettings } from './settings.mjs'

// The production server: `npm start` (scripts/start.mjs) and the Docker image run this file from
// .next/standalone (lib/tooling/standalone-assets.mjs copies it there at the end of `npm run build`).
// It replaces the generated server.js so that the http.Server is ours: its timeouts, the socket
// address of each request (lib/server/peer-address.mjs), and the shutdown
// (lib/server/graceful-shutdown.mjs).

/** The folder holding .next: the standalone folder when run from there, as it is meant to be. */
const dir = fileURLToPath(new URL('../../', import.meta.url))

let settings
try {
  settings = parseServerSettings(process.env)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}

Object.assign(process.env, { NODE_ENV: 'production' })
// Paths in the build (migrations, cache handlers) are relative to the folder holding .next.
process.chdir(dir)
markServerEntry()
// A new key every start: only this process can sign the peer address its route handlers trust.
const peerSecret = randomBytes(32).toString('base64url')
process.env.PEER_ADDRESS_SECRET = peerSecret

const server = createServer()
// A request must arrive in full within these (Node's defaults are 60 s and 5 minutes): a client
// that stalls on its headers or body cannot hold a connection for long. The comment route answers
// 408 sooner, after 10 s without a byte (lib/comments/request.ts).
server.headersTimeout = 10_000
server.requestTimeout = 30_000
if (settings.keepAliveTimeoutMs !== undefined) server.keepAliveTimeout = settings.keepAliveTimeoutMs

const app = await createNextApp({ dir, hostname: settings.hostname, port: settings.port, httpServer: server })
await app.prepare()
const handle = app.getRequestHandler()

const shutdown = createGracefulShutdown({
  server,
  timeoutMs: settings.shutdownTimeoutMs,
  closeApp: () => app.close(),
  close: runCloseTasks,
  exit: (code) => process.exit(code),
})
server.on('request', (request, response) => {
  shutdown.trackRequest(response)
  recordPeerAddress(request, peerSecret)
  handle(request, response).catch((/** @type {unknown} */ error) => {
    console.error('[server] request failed:', error)
    if (response.headersSent) response.destroy()
    else response.writeHead(500).end()
  })
})
for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT']))
  process.on(signal, () => void shutdown.shutdown(signal))

server.listen(settings.port, settings.hostname)
await once(server, 'listening')
console.log(`[server] ready on http://${settings.hostname}:${settings.port}`)
