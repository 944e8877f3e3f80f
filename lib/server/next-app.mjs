// @ts-check
import { readFileSync } from 'node:fs'
import path from 'node:path'

// The only module that knows how Next.js is started outside `next start`; lib/server/next-app.test.ts
// checks each assumption below against the installed Next.js, so an upgrade that breaks one fails there.

/**
 * The configuration `next build` resolved for the server: the `config` of
 * .next/required-server-files.json, the same object the generated standalone server.js embeds.
 * @param {string} dir the project (or standalone) folder
 * @returns {Record<string, unknown>}
 */
export function readBuiltConfig(dir) {
  const file = path.join(dir, '.next', 'required-server-files.json')
  /** @type {unknown} */
  const manifest = JSON.parse(readFileSync(file, 'utf8'))
  const config = manifest && typeof manifest === 'object' && 'config' in manifest ? manifest.config : undefined
  if (!config || typeof config !== 'object')
    throw new Error(`${file} has no "config": was it written by \`next build\`?`)
  return /** @type {Record<string, unknown>} */ (config)
}

/**
 * Next.js as a custom server (https://nextjs.org/docs/app/guides/custom-server) over the built app
 * in `dir`: call prepare(), then use getRequestHandler() and, on shutdown, close(), which awaits
 * the work `after()` scheduled.
 * @param {{ dir: string, hostname: string, port: number, httpServer: import('node:http').Server }} options
 */
export async function createNextApp({ dir, hostname, port, httpServer }) {
  const conf = readBuiltConfig(dir)
  // A custom server's prepare() loads the configuration itself and ignores `conf`; in a standalone
  // folder (no next.config.ts) it takes the built one from this variable, which the generated
  // server.js sets the same way. Private to Next.js: next-app.test.ts fails when it stops being read.
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(conf)
  const { default: next } = await import('next')
  return next({ dev: false, dir, conf, hostname, port, httpServer })
}
