import { getDb } from '@/lib/db'
import { getEnv } from '@/lib/env'
import { isCrossSite, originPolicyFromEnv } from '@/lib/comments/origin'
import { readCommentFields } from '@/lib/comments/request'
import { describeFailure, errorJson, formLocation, json, seeOther, serverFailure } from '@/lib/comments/responses'
import { commentErrorMessages, commentInputSchema, describeProblems } from '@/lib/comments/schema'
import { listComments } from '@/lib/comments/store'
import { submitComment } from '@/lib/comments/submit'
import { getPostBySlug } from '@/lib/posts'

export async function GET(request: Request) {
  const slug = new URL(request.url).searchParams.get('slug')
  if (!slug) return errorJson(400, 'missing-slug')
  if (!getPostBySlug(slug)) return errorJson(404, 'post-not-found')
  try {
    return json(200, { comments: await listComments(await getDb(), slug) })
  } catch (error) {
    return serverFailure(error, 'listing comments')
  }
}

export async function POST(request: Request) {
  if (isCrossSite(request.headers, originPolicyFromEnv(getEnv()))) return errorJson(403, 'cross-site')
  const read = await readCommentFields(request)
  if (!read.isOk) return json(read.status, { error: read.error, ...(read.fieldErrors && { fieldErrors: read.fieldErrors }) })
  const { fields } = read
  const headerKey = request.headers.get('idempotency-key')
  if (headerKey !== null && fields.idempotencyKey !== undefined && fields.idempotencyKey !== headerKey) {
    return errorJson(422, 'idempotency-key-conflict', { fieldErrors: { idempotencyKey: [commentErrorMessages['idempotency-key-conflict']] } })
  }
  if (headerKey !== null) fields.idempotencyKey = headerKey
  // Form posts come from the page without JavaScript: every outcome sends the reader back to it.
  const formPost = read.format === 'form' && typeof fields.slug === 'string' ? getPostBySlug(fields.slug) : undefined

  const parsed = commentInputSchema.safeParse(fields)
  if (!parsed.success) {
    const { codes, fieldErrors } = describeProblems(parsed.error)
    if (formPost) return seeOther(formLocation(formPost.url, { codes, draft: fields }))
    return json(422, { error: 'Some fields are not valid.', fieldErrors })
  }
  try {
    const result = await submitComment(parsed.data, request.headers)
    if (result.kind === 'created') {
      if (formPost) return seeOther(formLocation(formPost.url, { comment: result.comment }))
      const replayed = result.isReplay ? { 'idempotent-replayed': 'true' } : undefined
      return json(result.comment.status === 'published' ? 201 : 202, { comment: result.comment }, replayed)
    }
    const failure = describeFailure(result)
    if (formPost) return seeOther(formLocation(formPost.url, { codes: [failure.code], draft: fields }))
    const fieldErrors = failure.field ? { fieldErrors: { [failure.field]: [commentErrorMessages[failure.code]] } } : {}
    return errorJson(failure.status, failure.code, fieldErrors, failure.headers)
  } catch (error) {
    const response = serverFailure(error, 'posting a comment')
    if (!formPost) return response
    return seeOther(formLocation(formPost.url, { codes: [response.status === 500 ? 'server-error' : 'unavailable'], draft: fields }))
  }
}

/** Comments are created, never replaced or deleted over HTTP (moderators use `npm run comments`). */
function methodNotAllowed() {
  return json(405, { error: 'Use GET or POST.' }, { allow: 'GET, HEAD, POST, OPTIONS' })
}
export { methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE }
