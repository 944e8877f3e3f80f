import { LRUCache } from 'lru-cache'

// How often one client may ask for a preview. A preview stores nothing, but rendering highlighted
// Markdown costs real CPU (see README, "Markdown in comments"), so a script cannot loop on it. Kept in
// memory per instance: unlike a posted comment, nothing needs a limit shared by every instance.

export type PreviewLimit = { limit: number; windowMs: number }
export type PreviewDecision = { isAllowed: true } | { isAllowed: false; retryAfterSeconds: number }

export const DEFAULT_PREVIEW_LIMIT: PreviewLimit = { limit: 30, windowMs: 60_000 }

/** A fixed window per client key; at most 10 000 clients are remembered (the least recent forgotten). */
export function createPreviewLimiter(
  { limit, windowMs }: PreviewLimit = DEFAULT_PREVIEW_LIMIT,
  now = () => Date.now(),
) {
  const windows = new LRUCache<string, { start: number; count: number }>({ max: 10_000 })
  return (client: string): PreviewDecision => {
    const time = now()
    const current = windows.get(client)
    const window = current && time - current.start < windowMs ? current : { start: time, count: 0 }
    window.count += 1
    windows.set(client, window)
    if (window.count <= limit) return { isAllowed: true }
    return { isAllowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + windowMs - time) / 1000)) }
  }
}
