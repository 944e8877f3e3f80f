import { getConfig } from '@/lib/config'
import { getCommentsSnapshot, invalidateComments } from '@/lib/comments/cache'
import { describeFailure, describeServerError } from '@/lib/comments/failures'
import { renderComment } from '@/lib/comments/markdown'
import { getOriginPolicy, isCrossSite } from '@/lib/comments/origin'
import { readJsonBody } from '@/lib/comments/request'
import { errorJson, failureJson, json } from '@/lib/comments/responses'
import { commentInputSchema, describeProblems } from '@/lib/comments/schema'
import { clientOf, getCommentServices } from '@/lib/comments/services'
import { submitComment } from '@/lib/comments/submit'
import { getPostBySlug } from '@/lib/posts'

/** The post's comments, from the same cache as its page: no query per request. */
export async function GET(request: Request) {
  const slug = new URL(request.url).searchParams.get('slug')
  if (!slug) return errorJson(400, 'missing-slug')
  if (!getPostBySlug(slug)) return errorJson(404, 'post-not-found')
  const snapshot = await getCommentsSnapshot(slug)
  if (snapshot.state === 'loaded') return json(200, { comments: snapshot.comments })
  if (snapshot.state === 'not-configured') return errorJson(503, 'not-configured')
  return errorJson(503, 'unavailable', {}, { 'retry-after': '30' })
}

export async function POST(request: Request) {
  const config = getConfig()
  if (isCrossSite(request.headers, getOriginPolicy(config))) return errorJson(403, 'cross-site')
  const read = await readJsonBody(request)
  if (!read.isOk)
    return json(read.status, { error: read.error, ...(read.fieldErrors && { fieldErrors: read.fieldErrors }) })
  const { fields } = read
  const headerKey = request.headers.get('idempotency-key')
  if (headerKey !== null && fields.idempotencyKey !== undefined && fields.idempotencyKey !== headerKey) {
    return failureJson({ status: 422, code: 'idempotency-key-conflict', field: 'idempotencyKey' })
  }
  if (headerKey !== null) fields.idempotencyKey = headerKey

  const parsed = commentInputSchema.safeParse(fields)
  if (!parsed.success)
    return json(422, { error: 'Some fields are not valid.', fieldErrors: describeProblems(parsed.error).fieldErrors })
  if (!getPostBySlug(parsed.data.slug)) return failureJson(describeFailure({ kind: 'not-found' }))
  try {
    const result = await submitComment(
      await getCommentServices(config, invalidateComments),
      parsed.data,
      clientOf(request.headers, config),
    )
    if (result.kind !== 'created') return failureJson(describeFailure(result))
    const replayed = result.isReplay ? { 'idempotent-replayed': 'true' } : undefined
    // The secret to edit or delete it with (PATCH/DELETE /api/comments/<id>): in the first answer only.
    const edit = result.edit && { editSecret: result.edit.secret, editableUntil: result.edit.until }
    return json(
      result.comment.status === 'published' ? 201 : 202,
      { comment: await renderComment(result.comment), ...edit },
      replayed,
    )
  } catch (error) {
    return failureJson(describeServerError(error, 'posting a comment'))
  }
}

/**
 * Comments are created here; their writers edit or delete them at /api/comments/<id>
 * (moderators use `npm run comments`).
 */
function methodNotAllowed() {
  return json(405, { error: 'Use GET or POST.' }, { allow: 'GET, HEAD, POST, OPTIONS' })
}
export { methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE }
