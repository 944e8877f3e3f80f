// `next build` with `output: 'standalone'` leaves static assets out of .next/standalone, since a CDN
// usually serves them. A plain Node host serves them itself: copy them in, as the Next.js docs say.
// The server entry (lib/server/*.mjs, which replaces the generated server.js) goes in too: plain
// JavaScript that imports only Node and `next`, run as is.
import { cpSync, existsSync, rmSync } from 'node:fs'

const standalone = new URL('../.next/standalone/', import.meta.url)
if (!existsSync(standalone)) {
  console.error('No .next/standalone folder: run `next build` first.')
  process.exit(1)
}
for (const [from, to, filter] of [
  ['../public/', 'public/'],
  ['../.next/static/', '.next/static/'],
  ['../lib/server/', 'lib/server/', (/** @type {string} */ file) => !file.endsWith('.test.ts')],
]) {
  const source = new URL(from, import.meta.url)
  const target = new URL(to, standalone)
  rmSync(target, { recursive: true, force: true })
  if (existsSync(source)) cpSync(source, target, { recursive: true, filter })
}
