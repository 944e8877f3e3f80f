// The lines `npm run comments -- import` accepts. An export file can be edited, or come from another
// site, so every field gets the API's checks: text as the comment form's rules (normalised the same
// way), a known status, a time that has happened, and a parent that exists on the same post.
import { z } from 'zod'
import { commentStatuses } from './types'
import { commentErrorMessages, findTextProblem, normalizeText } from './text'
import type { StoredComment } from './types'

/** How far ahead of this machine's clock a `createdAt` may be: another server's clock may run a little fast. */
export const CLOCK_SKEW_MS = 5 * 60_000
const MAX_ID = 2_147_483_647

/** A message for a missing field, else the given one. */
const orMissing = (message: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'is missing' : message
const ID_RANGE = `must be a whole number from 1 to ${MAX_ID}`
const idSchema = z
  .number({ error: orMissing(ID_RANGE) })
  .int(ID_RANGE)
  .min(1, ID_RANGE)
  .max(MAX_ID, ID_RANGE)

function textSchema(field: 'name' | 'body') {
  return z.string({ error: orMissing('must be a string') }).transform((raw, ctx) => {
    const problem = findTextProblem(field, raw)
    if (!problem) return normalizeText(raw)
    ctx.addIssue({ code: 'custom', message: commentErrorMessages[problem] })
    return z.NEVER
  })
}

/** One line of an export, checked as the API checks a new comment; `now` decides what is in the future. */
export function createImportLineSchema(now: Date) {
  return z.strictObject({
    id: idSchema,
    slug: z
      .string({ error: orMissing('must be a string') })
      .regex(/^[^\p{C}\s/]{1,200}$/u, 'must be 1 to 200 characters without spaces, slashes or control characters'),
    parentId: idSchema.nullable(),
    name: textSchema('name'),
    body: textSchema('body'),
    status: z.enum(commentStatuses, { error: orMissing(`must be one of ${commentStatuses.join(', ')}`) }),
    createdAt: z.iso
      .datetime({
        offset: true,
        error: orMissing('must be an ISO 8601 time with a time zone, e.g. 2026-01-31T12:00:00.000Z'),
      })
      .refine((value) => !(Date.parse(value) > now.getTime() + CLOCK_SKEW_MS), 'is in the future'),
    // Exported for a comment its writer edited (issue 12).
    editedAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 time with a time zone' }).optional(),
  })
}

const threadLinkSchema = z.object({ id: idSchema, parentId: idSchema.nullable(), slug: z.string() })

export type ImportLine = { line: number; text: string }
export type ImportContext = {
  now: Date
  /** The slug of every comment already in the database, by id: replies may point at them. */
  existing: ReadonlyMap<number, string>
}

/**
 * Every line checked: the comments to import, or one problem per refused field as
 * "Line <n>, <field>: <what is wrong>" (an import is all or nothing).
 */
export function checkImport(
  lines: readonly ImportLine[],
  { now, existing }: ImportContext,
): { comments: StoredComment[]; problems: string[] } {
  const schema = createImportLineSchema(now)
  const problems: Array<{ line: number; message: string }> = []
  const report = (line: number, field: string, message: string) =>
    problems.push({ line, message: `Line ${line}, ${field}: ${message}` })
  const comments: StoredComment[] = []
  // Where each line sits in the thread, read even from lines refused for other fields, so that
  // every line's parent is checked.
  const links: Array<{ line: number } & z.infer<typeof threadLinkSchema>> = []
  const lineOfId = new Map<number, number>()
  for (const { line, text } of lines) {
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      problems.push({ line, message: `Line ${line} is not JSON.` })
      continue
    }
    const link = threadLinkSchema.safeParse(value)
    if (link.success) {
      const first = lineOfId.get(link.data.id)
      if (first === undefined) lineOfId.set(link.data.id, line)
      else report(line, 'id', `${link.data.id} is on line ${first} too`)
      links.push({ line, ...link.data })
    }
    const result = schema.safeParse(value)
    if (result.success) comments.push(result.data)
    for (const issue of result.error?.issues ?? []) {
      if (issue.code === 'unrecognized_keys')
        for (const key of issue.keys) report(line, JSON.stringify(key), 'is not a field of an export')
      else if (issue.path.length === 0) report(line, 'line', 'must be a JSON object')
      else report(line, issue.path.join('.'), issue.message)
    }
  }
  const slugOfId = new Map(links.map((link) => [link.id, link.slug]))
  for (const { line, id, parentId, slug } of links) {
    if (parentId === null) continue
    const parentSlug = existing.get(parentId) ?? slugOfId.get(parentId)
    if (parentId >= id) report(line, 'parentId', `${parentId} is not an earlier comment than ${id}`)
    else if (parentSlug === undefined)
      report(line, 'parentId', `comment ${parentId} is neither in the file nor in the database`)
    else if (parentSlug !== slug) report(line, 'parentId', `comment ${parentId} is on another post (${parentSlug})`)
  }
  problems.sort((a, b) => a.line - b.line)
  return { comments, problems: problems.map(({ message }) => message) }
}
