import { isRecord, isRenderedComment, readProblem } from './public-comment'
import type { RenderedComment } from './types'

// The one fetch helper for comments in the browser.

export type CommentDraft = { slug: string; name: string; body: string; parentId?: number | undefined; website: string }

export type PostCommentResult =
  | { kind: 'created'; comment: RenderedComment }
  | { kind: 'rejected'; status: number; error: string; fieldErrors: Record<string, string[]>; retryAfterSeconds?: number }
  | { kind: 'network-error' }

/** POSTs the draft as JSON with its idempotency key: sending the same draft twice stores it once. */
export async function postComment(draft: CommentDraft, idempotencyKey: string): Promise<PostCommentResult> {
  let response: Response
  try {
    response = await fetch('/api/comments', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(draft),
    })
  } catch {
    return { kind: 'network-error' }
  }
  const body: unknown = await response.json().catch(() => undefined)
  const comment = isRecord(body) ? body.comment : undefined
  if (response.ok && isRenderedComment(comment)) return { kind: 'created', comment }
  const rejected = readProblem(body)
  const retryAfter = Number(response.headers.get('retry-after'))
  return {
    kind: 'rejected',
    status: response.status,
    // A proxy's HTML error page has no JSON message: say what the status means.
    error: rejected?.error ?? `The server could not post your comment (HTTP ${response.status}). Please try again.`,
    fieldErrors: rejected?.fieldErrors ?? {},
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
  }
}

export type PreviewResult = { kind: 'rendered'; html: string } | { kind: 'rejected'; error: string } | { kind: 'network-error' }

/** The text as the page will show it: rendered by the server (POST /api/comments/preview), so no Markdown code ships to readers. */
export async function previewComment(body: string, signal?: AbortSignal): Promise<PreviewResult> {
  let response: Response
  try {
    response = await fetch('/api/comments/preview', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ body }), signal })
  } catch {
    return { kind: 'network-error' }
  }
  const answer: unknown = await response.json().catch(() => undefined)
  if (response.ok && isRecord(answer) && typeof answer.html === 'string') return { kind: 'rendered', html: answer.html }
  const problem = readProblem(answer)
  const message = problem ? [problem.error, ...Object.values(problem.fieldErrors).flat()].join(' ') : `The preview failed (HTTP ${response.status}).`
  return { kind: 'rejected', error: message }
}
