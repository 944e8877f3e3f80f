import type { ModerationLinks } from './moderation-token'
import type { PublicComment } from './types'

// Not 'server-only': instrumentation.ts sends undelivered webhooks at start-up (./webhook-redelivery.ts).

export type WebhookPayload = {
  /** `comment.edited`: a published comment its writer edited was held again (a new link). */
  event: 'comment.created' | 'comment.edited'
  comment: PublicComment
  post: { slug: string; title: string; url: string }
  /** Where a moderator acts: `npm run comments -- approve <id>` for a held comment. */
  isAwaitingModeration: boolean
  /**
   * Signed, expiring links to the comment's moderation page, when links are configured
   * (docs/moderation-from-email.md).
   */
  moderation?: ModerationLinks
}

/**
 * POSTs the payload as JSON; true on a 2xx. Never throws: a slow or broken receiver is logged (the
 * outbox tries again, ./webhook-outbox.ts), and the timeout bounds how long one attempt can take.
 */
export async function notifyWebhook(url: string, payload: unknown, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'backend-playbook-comments' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    })
    // Drain the body so the connection can be reused or closed.
    await response.arrayBuffer().catch(() => undefined)
    if (!response.ok) console.warn(`[comments] webhook answered ${response.status}`)
    return response.ok
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : ''
    const reason =
      error instanceof Error && error.name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : `${String(error)}${cause}`
    console.warn(`[comments] webhook failed: ${reason}`)
    return false
  }
}
