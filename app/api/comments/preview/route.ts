import { getConfig } from '@/lib/config'
import { renderCommentMarkdown } from '@/lib/comments/markdown'
import { getOriginPolicy, isCrossSite } from '@/lib/comments/origin'
import { createPreviewLimiter } from '@/lib/comments/preview-limit'
import { readJsonBody } from '@/lib/comments/request'
import { errorJson, json } from '@/lib/comments/responses'
import { commentPreviewSchema, describeProblems } from '@/lib/comments/schema'
import { clientOf } from '@/lib/comments/services'

// The comment form's Preview: `{ body }` in, `{ html }` out, rendered exactly as the page will show
// it. The same reading and checks as posting (403, 400, 408, 413, 415, 422), nothing stored, and a
// limit per client (429). Keeping it on the server keeps every Markdown library out of the post page.

const isAllowed = createPreviewLimiter()

export async function POST(request: Request) {
  const config = getConfig()
  if (isCrossSite(request.headers, getOriginPolicy(config))) return errorJson(403, 'cross-site')
  const decision = isAllowed(clientOf(request.headers, config).address ?? 'unknown')
  if (!decision.isAllowed) {
    return json(
      429,
      { error: 'Too many previews. Wait a minute and try again.', code: 'rate-limited' },
      { 'retry-after': String(decision.retryAfterSeconds) },
    )
  }
  const read = await readJsonBody(request)
  if (!read.isOk)
    return json(read.status, { error: read.error, ...(read.fieldErrors && { fieldErrors: read.fieldErrors }) })
  const parsed = commentPreviewSchema.safeParse(read.fields)
  if (!parsed.success)
    return json(422, { error: 'Some fields are not valid.', fieldErrors: describeProblems(parsed.error).fieldErrors })
  return json(200, { html: await renderCommentMarkdown(parsed.data.body) })
}

function methodNotAllowed() {
  return json(405, { error: 'Use POST.' }, { allow: 'POST, OPTIONS' })
}
export { methodNotAllowed as GET, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE }
