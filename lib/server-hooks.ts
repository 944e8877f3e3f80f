import { IncomingMessage, Server, ServerResponse } from 'node:http'

// No 'server-only' here: instrumentation.ts installs the hooks, and it is not compiled in the React
// Server layer where that import is allowed.

export type ServerHooks = {
  /** A connection reached `server`. */
  onConnection?: (server: Server) => void
  /** A request reached `server`, before Next.js handles it. */
  onRequest?: (server: Server, request: IncomingMessage, response: ServerResponse) => void
}

/**
 * Next.js gives neither instrumentation nor route handlers its http.Server or a request's socket,
 * and it creates the server before instrumentation runs. The one way to reach them is to wrap
 * http.Server.prototype.emit: the hooks run first, then the event goes on as before. Used by
 * lib/peer-address.ts and lib/graceful-shutdown.ts, each installed once from instrumentation.ts.
 * Returns a function that removes this wrapper (tests).
 */
export function hookServers({ onConnection, onRequest }: ServerHooks): () => void {
  const originalEmit = Server.prototype.emit
  Object.defineProperty(Server.prototype, 'emit', {
    configurable: true,
    writable: true,
    value: function emit(this: Server, event: string | symbol, ...args: unknown[]) {
      const [request, response] = args
      if (event === 'connection') onConnection?.(this)
      if (event === 'request' && request instanceof IncomingMessage && response instanceof ServerResponse) {
        onRequest?.(this, request, response)
      }
      return Reflect.apply(originalEmit, this, [event, ...args])
    },
  })
  return () => Object.defineProperty(Server.prototype, 'emit', { configurable: true, writable: true, value: originalEmit })
}
