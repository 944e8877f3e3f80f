import 'server-only'
import { DatabaseNotConfiguredError, DatabaseUnavailableError } from '@/lib/db'
import type { EditFailure } from './edit'
import type { SubmitFailure } from './submit'
import type { CommentErrorCode } from './text'

/**
 * What a refused comment means, once, for both answers: the JSON API turns it into a status and
 * `fieldErrors`, the no-JavaScript form into a message next to the field. `field` is where a reader
 * can fix it; without one the message belongs to the whole form.
 */
export type FailureDescription = {
  status: number
  code: CommentErrorCode
  field?: 'slug' | 'body' | 'parentId' | 'idempotencyKey'
  retryAfterSeconds?: number
}

export function describeFailure(result: SubmitFailure): FailureDescription {
  switch (result.kind) {
    case 'not-found':
      return { status: 404, code: 'post-not-found', field: 'slug' }
    case 'invalid-parent':
      return { status: 422, code: 'parent-invalid', field: 'parentId' }
    case 'idempotency-mismatch':
      return { status: 422, code: 'idempotency-mismatch', field: 'idempotencyKey' }
    case 'duplicate':
      return { status: 409, code: 'duplicate', field: 'body' }
    case 'rate-limited':
      return { status: 429, code: 'rate-limited', retryAfterSeconds: result.retryAfterSeconds }
  }
}

/** A writer's edit or delete refused (PATCH and DELETE /api/comments/<id>). */
export function describeEditFailure(result: EditFailure): FailureDescription {
  switch (result.kind) {
    case 'not-found':
      return { status: 404, code: 'comment-not-found' }
    case 'forbidden':
      return { status: 403, code: 'edit-forbidden' }
    case 'window-closed':
      return { status: 403, code: 'edit-window-closed' }
    case 'edit-limit':
      return { status: 429, code: 'edit-limit', field: 'body' }
  }
}

/**
 * 503 when the database is missing or unreachable (the client may retry); anything else is our bug:
 * 500, logged once here.
 */
export function describeServerError(error: unknown, action: string): FailureDescription {
  if (error instanceof DatabaseNotConfiguredError) return { status: 503, code: 'not-configured' }
  if (error instanceof DatabaseUnavailableError) {
    console.warn(`[comments] ${action}: ${error.message}`, error.cause instanceof Error ? error.cause.message : '')
    return { status: 503, code: 'unavailable', retryAfterSeconds: 30 }
  }
  console.error(`[comments] ${action} failed:`, error)
  return { status: 500, code: 'server-error' }
}
