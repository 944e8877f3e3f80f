import 'server-only'
import type { FailureDescription } from './failures'
import { commentErrorMessages, type CommentErrorCode } from './text'

// The JSON answers of the comments API. Every one is uncacheable and carries no CORS headers.

const NO_STORE = { 'cache-control': 'no-store' }

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } })
}

export function errorJson(
  status: number,
  code: CommentErrorCode,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  return json(status, { error: commentErrorMessages[code], code, ...extra }, headers)
}

/** A refused comment: the message, and the field it belongs to as `fieldErrors`; `Retry-After` when waiting helps. */
export function failureJson({ status, code, field, retryAfterSeconds }: FailureDescription): Response {
  const fieldErrors = field ? { fieldErrors: { [field]: [commentErrorMessages[code]] } } : {}
  const headers: Record<string, string> = retryAfterSeconds ? { 'retry-after': String(retryAfterSeconds) } : {}
  return errorJson(status, code, fieldErrors, headers)
}
