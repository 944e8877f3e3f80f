import { commentStatuses, type PublicComment, type RenderedComment, type StoredComment } from './types'

// What readers may see of a comment, and the guards the comment form checks responses with instead of
// a schema library: zod, even zod/mini, would add about 17 KiB of JavaScript to every post page.

/**
 * A removed comment that keeps replies shows as "deleted", without its text. Its author sees a
 * honeypot hit exactly as a held comment, so a bot learns nothing.
 */
export function toPublicComment(comment: StoredComment, viewer: 'reader' | 'author' = 'reader'): PublicComment {
  const status = viewer === 'author' && comment.status === 'spam' ? 'pending' : comment.status
  const isVisible = status === 'published' || status === 'pending'
  return {
    id: comment.id,
    parentId: comment.parentId,
    name: isVisible ? comment.name : null,
    body: isVisible ? comment.body : null,
    createdAt: comment.createdAt,
    editedAt: isVisible ? (comment.editedAt ?? null) : null,
    status: isVisible ? status : 'deleted',
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null
const isId = (value: unknown) => Number.isInteger(value) && Number(value) > 0
const isText = (value: unknown) => value === null || typeof value === 'string'

export function isPublicComment(value: unknown): value is PublicComment {
  return (
    isRecord(value) &&
    isId(value.id) &&
    (value.parentId === null || isId(value.parentId)) &&
    isText(value.name) &&
    isText(value.body) &&
    typeof value.createdAt === 'string' &&
    (value.editedAt === null || typeof value.editedAt === 'string') &&
    commentStatuses.some((status) => status === value.status)
  )
}

/** A comment with its server-rendered `html` (lib/comments/markdown.ts), as the API answers a post. */
export function isRenderedComment(value: unknown): value is RenderedComment {
  return (
    isRecord(value) && isText(value.html) && (value.html === null) === (value.body === null) && isPublicComment(value)
  )
}

/**
 * `{ error, fieldErrors? }`, the body of every refused request. Field names come from the server:
 * kept in a null-prototype object.
 */
export function readProblem(value: unknown): { error: string; fieldErrors: Record<string, string[]> } | undefined {
  if (!isRecord(value) || typeof value.error !== 'string') return undefined
  const fieldErrors: Record<string, string[]> = Object.create(null)
  if (isRecord(value.fieldErrors)) {
    for (const [field, messages] of Object.entries(value.fieldErrors)) {
      if (Array.isArray(messages)) fieldErrors[field] = messages.filter((message) => typeof message === 'string')
    }
  }
  return { error: value.error, fieldErrors }
}
