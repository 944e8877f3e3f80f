import 'server-only'
import type { ModerationLinks } from './moderation-token'
import type { PublicComment } from './types'

export type WebhookPayload = {
  event: 'comment.created'
  comment: PublicComment
  post: { slug: string; title: string; url: string }
  /** Where a moderator acts: `npm run comments -- approve <id>` for a held comment. */
  isAwaitingModeration: boolean
  /** Signed, expiring links to the comment's moderation page, when links are configured (docs/moderation-from-email.md). */
  moderation?: ModerationLinks
}

/**
 * POSTs the payload as JSON. Never throws: a slow or broken receiver is logged and forgotten,
 * and the timeout bounds how long it can keep the work running after the response.
 */
export async function notifyWebhook(url: string, payload: WebhookPayload, timeoutMs: number): Promise<boolean> {
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
    if (!response.ok) console.warn(`[comments] webhook answered ${response.status} for comment ${payload.comment.id}`)
    return response.ok
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : ''
    const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : `${String(error)}${cause}`
    console.warn(`[comments] webhook failed for comment ${payload.comment.id}: ${reason}`)
    return false
  }
}
