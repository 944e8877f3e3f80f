import { z } from 'zod'
import { commentErrorMessages, findTextProblem, isCommentErrorCode, normalizeText, type CommentErrorCode } from './text'

// The request schema of the route handler and the form action. The rules for names and texts live in
// ./text.ts, which the comment form uses without zod; the comment types in ./types.ts.

function textField(field: 'name' | 'body') {
  return z.string({ error: `${field}-required` }).transform((raw, ctx) => {
    const problem = findTextProblem(field, raw)
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem })
      return z.NEVER
    }
    return normalizeText(raw)
  })
}

const MAX_ID = 2_147_483_647

/** A JSON number, or the digits a form sends; empty (a form's "no parent") means none. */
const parentIdSchema = z
  .union([z.number(), z.string(), z.null()], { error: 'parent-invalid' })
  .transform((value, ctx) => {
    if (value === null || value === '') return undefined
    const id = typeof value === 'number' ? value : /^\d{1,10}$/.test(value) ? Number(value) : NaN
    if (Number.isInteger(id) && id >= 1 && id <= MAX_ID) return id
    ctx.addIssue({ code: 'custom', message: 'parent-invalid' })
    return z.NEVER
  })

export const idempotencyKeySchema = z
  .string({ error: 'idempotency-key-invalid' })
  .regex(/^[\x21-\x7E]{1,128}$/, 'idempotency-key-invalid')

export const commentInputSchema = z.strictObject(
  {
    slug: z.string({ error: 'slug-invalid' }).regex(/^[^\p{C}\s/]{1,200}$/u, 'slug-invalid'),
    name: textField('name'),
    body: textField('body'),
    parentId: parentIdSchema.optional(),
    idempotencyKey: idempotencyKeySchema.optional(),
    // The honeypot: people never see it, so anything in it marks a bot.
    website: z.string({ error: 'website-invalid' }).max(2000, 'website-invalid').optional(),
  },
  { error: 'unknown-field' },
)

export type CommentInput = z.infer<typeof commentInputSchema>

/** PATCH /api/comments/<id>: the new text, under the same rules as a new comment; the name only if it changes. */
export const commentEditSchema = z.strictObject(
  { name: textField('name').optional(), body: textField('body') },
  { error: 'unknown-field' },
)
/** What `POST /api/comments/preview` accepts: a body, checked exactly as a posted one. */
export const commentPreviewSchema = z.strictObject({ body: textField('body') }, { error: 'unknown-field' })

export type CommentProblems = {
  codes: CommentErrorCode[]
  fieldErrors: Record<string, string[]>
}

/**
 * Turns a failed parse into stable codes and messages per field (for JSON and the form). Field names
 * come from the client, so they index a null-prototype object: `toString` or `__proto__` is a field
 * like any other, never a member of Object.prototype.
 */
export function describeProblems(error: z.ZodError): CommentProblems {
  const codes: CommentErrorCode[] = []
  const fieldErrors: Record<string, string[]> = Object.create(null)
  const add = (field: string, code: CommentErrorCode) => {
    if (!codes.includes(code)) codes.push(code)
    const messages = (fieldErrors[field] ??= [])
    if (!messages.includes(commentErrorMessages[code])) messages.push(commentErrorMessages[code])
  }
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add(key, 'unknown-field')
      continue
    }
    const field = String(issue.path[0] ?? 'form')
    add(field, isCommentErrorCode(issue.message) ? issue.message : 'unknown-field')
  }
  return { codes, fieldErrors }
}
