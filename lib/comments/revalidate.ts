import { createHash, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'

// POST /api/revalidate: how a change made outside the server (the moderation CLI, an import) reaches
// the running site's cached pages. One protocol for every host: on Vercel it reaches the platform's
// cache, on Node hosts the shared cache handlers (Redis) or the one process's memory.

export const revalidateRequestSchema = z.strictObject({
  slugs: z
    .array(z.string().regex(/^[^\p{C}\s/]{1,200}$/u))
    .min(1)
    .max(1000),
})

export type Authorization = 'granted' | 'missing' | 'wrong'

const digest = (text: string) => createHash('sha256').update(text).digest()

/**
 * `Authorization: Bearer <REVALIDATE_SECRET>`. Compared in constant time: both sides are hashed to the
 * same length first, so neither the content nor the length of the secret leaks through timing.
 */
export function checkAuthorization(header: string | null, secret: string): Authorization {
  const match = /^Bearer (\S+)$/.exec(header?.trim() ?? '')
  if (!match?.[1]) return 'missing'
  return timingSafeEqual(digest(match[1]), digest(secret)) ? 'granted' : 'wrong'
}

export type RevalidationOutcome = { isDone: true } | { isDone: false; reason: string }

/** The CLI's side: asks the site at `siteUrl` to refresh the pages of `slugs`. Never throws. */
export async function requestRevalidation(
  siteUrl: string,
  secret: string,
  slugs: readonly string[],
): Promise<RevalidationOutcome> {
  const url = new URL('/api/revalidate', siteUrl)
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({ slugs }),
      signal: AbortSignal.timeout(10_000),
    })
    await response.arrayBuffer().catch(() => undefined)
    return response.ok ? { isDone: true } : { isDone: false, reason: `${url.href} answered ${response.status}` }
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : ''
    return {
      isDone: false,
      reason: `${url.href} could not be reached (${error instanceof Error ? error.message : String(error)}${cause})`,
    }
  }
}
