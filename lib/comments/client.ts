import { isRecord, isRenderedComment, readProblem } from './public-comment'
import type { RenderedComment } from './types'

// The one fetch helper for comments in the browser.

export type CommentDraft = { slug: string; name: string; body: string; parentId?: number | undefined; website: string }

/** The secret a new comment can be edited or deleted with, and until when (ISO time). */
export type EditGrant = { secret: string; until: string }

export type Rejected = {
  kind: 'rejected'
  status: number
  error: string
  fieldErrors: Record<string, string[]>
  retryAfterSeconds?: number
}

export type PostCommentResult =
  { kind: 'created'; comment: RenderedComment; edit?: EditGrant } | Rejected | { kind: 'network-error' }

export type EditCommentResult =
  { kind: 'edited'; comment: RenderedComment; until: string } | Rejected | { kind: 'network-error' }

export type DeleteCommentResult = { kind: 'deleted' } | Rejected | { kind: 'network-error' }

async function send(url: string, init: RequestInit): Promise<{ response: Response; body: unknown } | undefined> {
  try {
    const response = await fetch(url, init)
    return { response, body: await response.json().catch(() => undefined) }
  } catch {
    return undefined
  }
}

function rejected(response: Response, body: unknown, action: string): Rejected {
  const problem = readProblem(body)
  const retryAfter = Number(response.headers.get('retry-after'))
  return {
    kind: 'rejected',
    status: response.status,
    // A proxy's HTML error page has no JSON message: say what the status means.
    error: problem?.error ?? `The server could not ${action} (HTTP ${response.status}). Please try again.`,
    fieldErrors: problem?.fieldErrors ?? {},
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
  }
}

const readGrant = (body: Record<string, unknown>): EditGrant | undefined =>
  typeof body.editSecret === 'string' && typeof body.editableUntil === 'string'
    ? { secret: body.editSecret, until: body.editableUntil }
    : undefined

/** POSTs the draft as JSON with its idempotency key: sending the same draft twice stores it once. */
export async function postComment(draft: CommentDraft, idempotencyKey: string): Promise<PostCommentResult> {
  const sent = await send('/api/comments', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
    body: JSON.stringify(draft),
  })
  if (!sent) return { kind: 'network-error' }
  const { response, body } = sent
  if (response.ok && isRecord(body) && isRenderedComment(body.comment)) {
    const edit = readGrant(body)
    return { kind: 'created', comment: body.comment, ...(edit && { edit }) }
  }
  return rejected(response, body, 'post your comment')
}

/** PATCHes the writer's own comment with its secret (issue 12). */
export async function editComment(id: number, secret: string, text: { body: string }): Promise<EditCommentResult> {
  const sent = await send(`/api/comments/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body: JSON.stringify(text),
  })
  if (!sent) return { kind: 'network-error' }
  const { response, body } = sent
  if (response.ok && isRecord(body) && isRenderedComment(body.comment) && typeof body.editableUntil === 'string') {
    return { kind: 'edited', comment: body.comment, until: body.editableUntil }
  }
  return rejected(response, body, 'save your comment')
}

export async function deleteComment(id: number, secret: string): Promise<DeleteCommentResult> {
  const sent = await send(`/api/comments/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${secret}` } })
  if (!sent) return { kind: 'network-error' }
  return sent.response.status === 204 ? { kind: 'deleted' } : rejected(sent.response, sent.body, 'delete your comment')
}

export type PreviewResult =
  { kind: 'rendered'; html: string } | { kind: 'rejected'; error: string } | { kind: 'network-error' }

/**
 * The text as the page will show it: rendered by the server (POST /api/comments/preview), so no
 * Markdown code ships to readers.
 */
export async function previewComment(body: string, signal?: AbortSignal): Promise<PreviewResult> {
  let response: Response
  try {
    response = await fetch('/api/comments/preview', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ body }),
      signal,
    })
  } catch {
    return { kind: 'network-error' }
  }
  const answer: unknown = await response.json().catch(() => undefined)
  if (response.ok && isRecord(answer) && typeof answer.html === 'string') return { kind: 'rendered', html: answer.html }
  const problem = readProblem(answer)
  const message = problem
    ? [problem.error, ...Object.values(problem.fieldErrors).flat()].join(' ')
    : `The preview failed (HTTP ${response.status}).`
  return { kind: 'rejected', error: message }
}
