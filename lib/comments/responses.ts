import 'server-only'
import { DatabaseNotConfiguredError, DatabaseUnavailableError } from '@/lib/db'
import { commentErrorMessages, type CommentErrorCode, type CommentInput, type PublicComment } from './schema'
import type { SubmitResult } from './submit'

const NO_STORE = { 'cache-control': 'no-store' }
/** Past this, the reader's text is left out of the redirect URL (proxies commonly cap request lines at 8 KiB). */
const MAX_REDIRECT_LENGTH = 6000

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } })
}

export function errorJson(status: number, code: CommentErrorCode, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return json(status, { error: commentErrorMessages[code], code, ...extra }, headers)
}

export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { ...NO_STORE, location } })
}

/** Where a no-JavaScript form post lands: the new comment, or the form with codes the page turns into messages. */
export function formLocation(
  postUrl: string,
  outcome: { comment: PublicComment } | { codes: readonly CommentErrorCode[]; draft: Partial<Record<'name' | 'body' | 'parentId', unknown>> },
): string {
  if ('comment' in outcome) {
    const state = outcome.comment.status === 'published' ? 'published' : 'pending'
    return `${postUrl}?comment=${state}#comment-${outcome.comment.id}`
  }
  const query = new URLSearchParams(outcome.codes.map((code) => ['error', code]))
  const { name, body, parentId } = outcome.draft
  if (typeof parentId === 'string' && /^\d{1,10}$/.test(parentId)) query.set('replyTo', parentId)
  const base = `${postUrl}?${query}`
  // Keep the reader's text across the redirect, so that nothing they typed is lost.
  const withDraft = new URLSearchParams(query)
  if (typeof name === 'string') withDraft.set('name', name)
  if (typeof body === 'string') withDraft.set('body', body)
  const full = `${postUrl}?${withDraft}`
  return `${full.length <= MAX_REDIRECT_LENGTH ? full : base}#comment-form`
}

type Failure = { status: number; code: CommentErrorCode; headers?: Record<string, string>; field?: keyof CommentInput }

/** The status, code and headers of every outcome other than a stored comment. */
export function describeFailure(result: Exclude<SubmitResult, { kind: 'created' }>): Failure {
  switch (result.kind) {
    case 'not-found':
      return { status: 404, code: 'post-not-found', field: 'slug' }
    case 'invalid-parent':
      return { status: 422, code: 'parent-invalid', field: 'parentId' }
    case 'idempotency-mismatch':
      return { status: 422, code: 'idempotency-mismatch', field: 'idempotencyKey' }
    case 'duplicate':
      return { status: 409, code: 'duplicate' }
    case 'rate-limited':
      return { status: 429, code: 'rate-limited', headers: { 'retry-after': String(result.retryAfterSeconds) } }
  }
}

/** 503 when the database is missing or unreachable (the client may retry); anything else is our bug: 500, logged once here. */
export function serverFailure(error: unknown, action: string): Response {
  if (error instanceof DatabaseNotConfiguredError) return errorJson(503, 'not-configured')
  if (error instanceof DatabaseUnavailableError) {
    console.warn(`[comments] ${action}: ${error.message}`, error.cause instanceof Error ? error.cause.message : '')
    return errorJson(503, 'unavailable', {}, { 'retry-after': '30' })
  }
  console.error(`[comments] ${action} failed:`, error)
  return errorJson(500, 'server-error')
}
