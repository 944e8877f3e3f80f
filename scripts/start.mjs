// `npm start`: the production server (lib/server/start.mjs) from the standalone folder built by
// `npm run build`, on PORT (default 3000) and HOSTNAME (default 0.0.0.0).
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

const entry = fileURLToPath(new URL('../.next/standalone/lib/server/start.mjs', import.meta.url))
if (!existsSync(entry)) {
  console.error('No production build found: run `npm run build` first.')
  process.exit(1)
}
// The server works in .next/standalone, which every build replaces: keep the embedded database
// beside the project instead, where the next build cannot wipe it.
process.env.PGLITE_DIR ??= fileURLToPath(new URL('../.data/pglite', import.meta.url))
process.env.NEXT_TELEMETRY_DISABLED ??= '1'
await import(pathToFileURL(entry).href)
