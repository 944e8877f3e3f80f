// @ts-check
import { cpSync, existsSync, rmSync } from 'node:fs'
import path from 'node:path'

/** @type {Array<[string, ((file: string) => boolean) | undefined]>} */
const FOLDERS = [
  ['public', undefined],
  ['.next/static', undefined],
  // The server entry (lib/server/*.mjs, which replaces the generated server.js): plain JavaScript
  // that imports only Node and `next`, run as is.
  ['lib/server', (file) => !file.endsWith('.test.ts')],
]

/**
 * `next build` with `output: 'standalone'` leaves static assets out of .next/standalone, since a CDN
 * usually serves them. A plain Node host serves them itself: copies them in, as the Next.js docs say,
 * with the server entry that `npm start` and the Docker image run.
 * @param {string} root The project (or a copy of it) that was built.
 */
export function copyStandaloneAssets(root) {
  const standalone = path.join(root, '.next/standalone')
  if (!existsSync(standalone)) throw new Error('No .next/standalone folder: run `next build` first.')
  for (const [folder, filter] of FOLDERS) {
    const source = path.join(root, folder)
    const target = path.join(standalone, folder)
    rmSync(target, { recursive: true, force: true })
    if (existsSync(source)) cpSync(source, target, { recursive: true, filter })
  }
}
