// The old blog's addresses and their new ones: content/redirects.json, written by
// `npm run import:blogger` and read by next.config.ts. Relative imports only: next.config.ts loads this.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

export const REDIRECT_MAP_FILE = 'redirects.json'

const sitePath = z.string().startsWith('/', 'must be a path starting with "/"')

export const redirectMapSchema = z.strictObject({
  redirects: z.array(
    z.strictObject({
      /** The old path as browsers request it: percent-encoded, without the query. */
      from: sitePath,
      // Next.js reads the destination as a pattern too; ours are encoded paths, so these never occur.
      to: sitePath.regex(/^[^():*+?{}\\]*$/, 'must be a plain encoded path'),
    }),
  ),
})

export type RedirectMap = z.infer<typeof redirectMapSchema>
export type RedirectEntry = RedirectMap['redirects'][number]

/** The map in `contentDir`, or an empty one when there is none; a malformed file stops the build. */
export function readRedirectMap(contentDir: string): RedirectMap {
  const file = path.join(contentDir, REDIRECT_MAP_FILE)
  if (!existsSync(file)) return { redirects: [] }
  const parsed = redirectMapSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`)
  return parsed.data
}

/** path-to-regexp syntax in an old path (`C++`, `(2)`) must match literally. */
const escapePattern = (value: string) => value.replace(/[\\(){}*+?:]/g, '\\$&')

/**
 * The map as Next.js redirects, all 308. Next matches the path only and carries the query over,
 * so `/2024/05/x.html?m=1` (Blogger's mobile address) lands on `/blog/x?m=1`, the same static page.
 */
export function getRedirectMapRedirects(contentDir: string) {
  return readRedirectMap(contentDir).redirects.map(({ from, to }) => ({
    source: escapePattern(from),
    destination: to,
    permanent: true,
  }))
}
