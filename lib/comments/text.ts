// The rules for a commenter's name and text, and the messages for every error code. Plain functions
// with no dependencies: the comment form in the browser uses them for instant feedback, without
// shipping a schema library to every reader (the route handler's zod schema is the check that counts).

export const NAME_MAX = 60
export const BODY_MAX = 5000
/** Marks that draw over their letter (accents, enclosing circles…) allowed on one character. */
export const MARKS_MAX = 4

/** Every message a reader can be shown, by code: the no-JavaScript form carries only the code in its redirect. */
export const commentErrorMessages = {
  'name-required': 'Enter your name.',
  'name-too-long': `Use at most ${NAME_MAX} characters for your name.`,
  'name-invisible': 'Your name must contain visible characters.',
  'name-invalid':
    'Your name contains characters that are not allowed (control, line-break or text-direction characters).',
  'body-required': 'Write a comment.',
  'body-too-long': `Use at most ${BODY_MAX.toLocaleString('en-GB')} characters.`,
  'body-invisible': 'Your comment must contain visible characters.',
  'body-invalid': 'Your comment contains characters that are not allowed (control characters or broken text).',
  'name-too-many-marks': `Use at most ${MARKS_MAX} accents or other marks on one letter of your name.`,
  'body-too-many-marks': `Use at most ${MARKS_MAX} accents or other marks on one letter.`,
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
  'edit-unauthorized': 'Send Authorization: Bearer <the secret the comment was posted with>.',
  'edit-forbidden': 'This comment can only be changed from the browser it was posted from.',
  'edit-window-closed': 'The time to edit or delete this comment is over.',
  'edit-limit': 'This comment was edited too many times.',
  'comment-not-found': 'There is no comment with this id.',
} as const

export type CommentErrorCode = keyof typeof commentErrorMessages

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
const LINE_BREAKS = /\r\n?|[\u2028\u2029]/g
// Invisible characters that are not marks themselves: between two marks they still let them stack.
const IGNORABLE_NON_MARK = /[^\P{Default_Ignorable_Code_Point}\p{M}]/gu
// Nonspacing and enclosing marks stack over (or under) their letter and the lines around it ("Zalgo"
// text). Refused rather than stripped: the writer sees why and decides, and no text changes silently.
// Four allows every real script (Hebrew with points and cantillation, Tibetan stacks, IPA; Vietnamese
// is composed by NFC); spacing marks (\p{Mc}, e.g. Indic vowel signs) take room and are not counted.
const STACKED_MARKS = new RegExp(`[\\p{Mn}\\p{Me}]{${MARKS_MAX + 1}}`, 'u')

type TextRules = { max: number; isInvalid: (value: string) => boolean }

const nameRules: TextRules = {
  max: NAME_MAX,
  isInvalid: (v) => CONTROL.test(v) || LONE_SURROGATE.test(v) || LINE_SEPARATORS.test(v) || BIDI_CONTROLS.test(v),
}
const bodyRules: TextRules = {
  max: BODY_MAX,
  isInvalid: (v) => CONTROL_EXCEPT_NEWLINE_TAB.test(v) || LONE_SURROGATE.test(v),
}

/**
 * Line breaks as `\n` (HTML forms send CRLF), composed characters (NFC), no surrounding whitespace,
 * and at most one empty line between paragraphs: a run of blank lines (or of lines holding only
 * invisible characters) becomes one empty line, so that a comment cannot push the page down by
 * thousands of pixels. Collapsed rather than refused: readers paste text with stray empty lines.
 */
export function normalizeText(raw: string): string {
  const lines = raw.replace(LINE_BREAKS, '\n').normalize('NFC').trim().split('\n')
  return lines.filter((line, i) => i === 0 || !isBlank(line) || !isBlank(lines[i - 1] ?? '')).join('\n')
}

function isBlank(line: string): boolean {
  return line.replace(INVISIBLE, '') === ''
}

/** Length in code points, the unit of the limits (an emoji counts once, as readers expect). */
export function countCharacters(value: string): number {
  return Array.from(value).length
}

/** The problem with a name or a comment text, as an error code; undefined when it is fine. */
export function findTextProblem(field: 'name' | 'body', raw: string): CommentErrorCode | undefined {
  const rules = field === 'name' ? nameRules : bodyRules
  const value = normalizeText(raw)
  if (rules.isInvalid(value)) return `${field}-invalid`
  if (value === '') return `${field}-required`
  if (value.replace(INVISIBLE, '') === '') return `${field}-invisible`
  if (countCharacters(value) > rules.max) return `${field}-too-long`
  if (STACKED_MARKS.test(value.replace(IGNORABLE_NON_MARK, ''))) return `${field}-too-many-marks`
  return undefined
}

/** The form's instant check of the two fields a reader types: messages per field, empty when both are fine. */
export function checkCommentText(text: { name: string; body: string }): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {}
  for (const field of ['name', 'body'] as const) {
    const problem = findTextProblem(field, text[field])
    if (problem) fieldErrors[field] = [commentErrorMessages[problem]]
  }
  return fieldErrors
}
