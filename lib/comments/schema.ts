import { z } from 'zod'

// Shared by the route handler and the comment form: no server imports here.

export const NAME_MAX = 60
export const BODY_MAX = 5000

/** Every message a reader can be shown, by code: the no-JavaScript form carries only the code in its redirect. */
export const commentErrorMessages = {
  'name-required': 'Enter your name.',
  'name-too-long': `Use at most ${NAME_MAX} characters for your name.`,
  'name-invisible': 'Your name must contain visible characters.',
  'name-invalid': 'Your name contains characters that are not allowed (control, line-break or text-direction characters).',
  'body-required': 'Write a comment.',
  'body-too-long': `Use at most ${BODY_MAX.toLocaleString('en-GB')} characters.`,
  'body-invisible': 'Your comment must contain visible characters.',
  'body-invalid': 'Your comment contains characters that are not allowed (control characters or broken text).',
  'slug-invalid': 'This comment is not for a valid post.',
  'parent-invalid': 'The comment you are replying to does not exist on this post.',
  'idempotency-key-invalid': 'The idempotency key must be 1 to 128 visible ASCII characters.',
  'idempotency-mismatch': 'This idempotency key was already used for a different comment.',
  'idempotency-key-conflict': 'The Idempotency-Key header and the idempotencyKey field differ.',
  'post-not-found': 'There is no published post with this slug.',
  'cross-site': 'Comments can only be posted from this site.',
  'missing-slug': 'Add ?slug=<post slug> to the address.',
  'website-invalid': 'Leave this field empty.',
  'unknown-field': 'This field is not accepted.',
  duplicate: 'You already posted this comment a moment ago.',
  'rate-limited': 'You are posting too fast. Please wait a few minutes and try again.',
  unavailable: 'Comments are unavailable right now. Please try again later.',
  'not-configured': 'Comments are unavailable on this site.',
  'server-error': 'Something went wrong on our side. Your comment was not posted.',
} as const

export type CommentErrorCode = keyof typeof commentErrorMessages
export type CommentField = 'name' | 'body' | 'parentId' | 'slug' | 'idempotencyKey' | 'website'

export function isCommentErrorCode(value: string): value is CommentErrorCode {
  return Object.hasOwn(commentErrorMessages, value)
}

const CONTROL = /\p{Cc}/u
const CONTROL_EXCEPT_NEWLINE_TAB = /[^\P{Cc}\n\t]/u
const LONE_SURROGATE = /\p{Cs}/u
const LINE_SEPARATORS = /[\p{Zl}\p{Zp}]/u
// Embeddings, overrides, isolates and marks: in a name they can make it read as someone else's.
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u
// Whitespace, format characters (zero-width space, word joiner, BOM…) and the fillers that render blank.
const INVISIBLE = /[\s\p{Cf}\u034F\u115F\u1160\u17B4\u17B5\u180E\u2800\u3164\uFFA0]/gu

type TextRules = { max: number; isInvalid: (value: string) => boolean }

const nameRules: TextRules = {
  max: NAME_MAX,
  isInvalid: (v) => CONTROL.test(v) || LONE_SURROGATE.test(v) || LINE_SEPARATORS.test(v) || BIDI_CONTROLS.test(v),
}
const bodyRules: TextRules = {
  max: BODY_MAX,
  isInvalid: (v) => CONTROL_EXCEPT_NEWLINE_TAB.test(v) || LONE_SURROGATE.test(v),
}

/** Line breaks as `\n` (HTML forms send CRLF), composed characters (NFC), no surrounding whitespace. */
export function normalizeText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').normalize('NFC').trim()
}

/** Length in code points, the unit of the limits (an emoji counts once, as readers expect). */
export function countCharacters(value: string): number {
  return Array.from(value).length
}

function textField(field: 'name' | 'body', rules: TextRules) {
  return z.string({ error: `${field}-required` }).transform((raw, ctx) => {
    const value = normalizeText(raw)
    const problem = rules.isInvalid(value)
      ? 'invalid'
      : value === ''
        ? 'required'
        : value.replace(INVISIBLE, '') === ''
          ? 'invisible'
          : countCharacters(value) > rules.max
            ? 'too-long'
            : undefined
    if (problem) {
      ctx.addIssue({ code: 'custom', message: `${field}-${problem}` })
      return z.NEVER
    }
    return value
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
    name: textField('name', nameRules),
    body: textField('body', bodyRules),
    parentId: parentIdSchema.optional(),
    idempotencyKey: idempotencyKeySchema.optional(),
    // The honeypot: people never see it, so anything in it marks a bot.
    website: z.string({ error: 'website-invalid' }).max(2000, 'website-invalid').optional(),
  },
  { error: 'unknown-field' },
)

export type CommentInput = z.infer<typeof commentInputSchema>

export type CommentProblems = {
  codes: CommentErrorCode[]
  fieldErrors: Record<string, string[]>
}

/** Turns a failed parse into stable codes (for redirects) and messages per field (for JSON and the form). */
export function describeProblems(error: z.ZodError): CommentProblems {
  const codes: CommentErrorCode[] = []
  const fieldErrors: Record<string, string[]> = {}
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

export const commentStatusSchema = z.enum(['published', 'pending', 'spam', 'deleted'])

/** A comment as the API returns it; a deleted one keeps its place (and its replies) but not its text. */
export const publicCommentSchema = z.object({
  id: z.number().int().positive(),
  parentId: z.number().int().positive().nullable(),
  name: z.string().nullable(),
  body: z.string().nullable(),
  createdAt: z.string(),
  status: commentStatusSchema,
})

export type PublicComment = z.infer<typeof publicCommentSchema>
