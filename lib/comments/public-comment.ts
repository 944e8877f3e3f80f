// A comment as the API returns it. The comment form checks responses with these guards instead of a
// schema library: zod, even zod/mini, would add about 17 KiB of JavaScript to every post page.

export const commentStatuses = ['published', 'pending', 'spam', 'deleted'] as const
export type CommentStatus = (typeof commentStatuses)[number]

/** A deleted comment keeps its place (and its replies) but not its text. */
export type PublicComment = {
  id: number
  parentId: number | null
  name: string | null
  body: string | null
  createdAt: string
  status: CommentStatus
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null
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
    commentStatuses.some((status) => status === value.status)
  )
}

/** `{ error, fieldErrors? }`, the body of every refused request. */
export function readProblem(value: unknown): { error: string; fieldErrors: Record<string, string[]> } | undefined {
  if (!isRecord(value) || typeof value.error !== 'string') return undefined
  const fieldErrors: Record<string, string[]> = {}
  if (isRecord(value.fieldErrors)) {
    for (const [field, messages] of Object.entries(value.fieldErrors)) {
      if (Array.isArray(messages)) fieldErrors[field] = messages.filter((message) => typeof message === 'string')
    }
  }
  return { error: value.error, fieldErrors }
}
