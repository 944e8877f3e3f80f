// `npm start`: the standalone production server built by `npm run build`, on PORT (default 3000)
// and HOSTNAME (default 0.0.0.0).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const server = fileURLToPath(new URL('../.next/standalone/server.js', import.meta.url))
if (!existsSync(server)) {
  console.error('No production build found: run `npm run build` first.')
  process.exit(1)
}
// server.js changes its working directory to .next/standalone, which every build replaces: keep
// the embedded database beside the project instead, where the next build cannot wipe it.
process.env.PGLITE_DIR ??= fileURLToPath(new URL('../.data/pglite', import.meta.url))
process.env.NEXT_TELEMETRY_DISABLED ??= '1'
// SIGTERM and SIGINT are ours (lib/graceful-shutdown.ts): Next.js's own handler would exit without
// closing the database after the requests in flight. The Dockerfile sets the same.
process.env.NEXT_MANUAL_SIG_HANDLE ??= 'true'
await import(server)
