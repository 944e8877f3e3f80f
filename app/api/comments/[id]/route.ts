import { getConfig } from '@/lib/config'
import { invalidateComments } from '@/lib/comments/cache'
import { deleteOwnComment, editComment, type EditFailure } from '@/lib/comments/edit'
import { readBearerSecret } from '@/lib/comments/edit-secret'
import { renderComment } from '@/lib/comments/markdown'
import { describeEditFailure, describeServerError } from '@/lib/comments/failures'
import { getOriginPolicy, isCrossSite } from '@/lib/comments/origin'
import { readJsonBody } from '@/lib/comments/request'
import { errorJson, failureJson, json } from '@/lib/comments/responses'
import { commentEditSchema, describeProblems } from '@/lib/comments/schema'
import { getCommentServices } from '@/lib/comments/services'

// A writer's own comment, for COMMENT_EDIT_WINDOW_SECONDS after posting: PATCH { body, name? } edits
// it, DELETE removes it. The secret the POST answered with goes in `Authorization: Bearer <secret>`
// (a header, so DELETE needs no body and the secret never sits in a URL or a log of bodies).

const MAX_ID = 2_147_483_647

type Checked = { isOk: true; id: number; secret: string } | { isOk: false; response: Response }

async function checkRequest(request: Request, params: Promise<{ id: string }>): Promise<Checked> {
  if (isCrossSite(request.headers, getOriginPolicy(getConfig())))
    return { isOk: false, response: errorJson(403, 'cross-site') }
  const { id } = await params
  const number = /^\d{1,10}$/.test(id) ? Number(id) : NaN
  if (!(number >= 1 && number <= MAX_ID)) return { isOk: false, response: errorJson(404, 'comment-not-found') }
  const bearer = readBearerSecret(request.headers.get('authorization'))
  if (bearer.kind === 'missing')
    return { isOk: false, response: errorJson(401, 'edit-unauthorized', {}, { 'www-authenticate': 'Bearer' }) }
  return { isOk: true, id: number, secret: bearer.secret }
}

const refused = (result: EditFailure) =>
  result.kind === 'window-closed'
    ? errorJson(403, 'edit-window-closed', { editableUntil: result.until })
    : failureJson(describeEditFailure(result))

export async function PATCH(request: Request, { params }: RouteContext<'/api/comments/[id]'>) {
  const checked = await checkRequest(request, params)
  if (!checked.isOk) return checked.response
  const read = await readJsonBody(request)
  if (!read.isOk)
    return json(read.status, { error: read.error, ...(read.fieldErrors && { fieldErrors: read.fieldErrors }) })
  const parsed = commentEditSchema.safeParse(read.fields)
  if (!parsed.success)
    return json(422, { error: 'Some fields are not valid.', fieldErrors: describeProblems(parsed.error).fieldErrors })
  try {
    const result = await editComment(
      await getCommentServices(getConfig(), invalidateComments),
      checked.id,
      checked.secret,
      parsed.data,
    )
    if (result.kind !== 'edited') return refused(result)
    return json(200, { comment: await renderComment(result.comment), editableUntil: result.until })
  } catch (error) {
    return failureJson(describeServerError(error, 'editing a comment'))
  }
}

export async function DELETE(request: Request, { params }: RouteContext<'/api/comments/[id]'>) {
  const checked = await checkRequest(request, params)
  if (!checked.isOk) return checked.response
  try {
    const result = await deleteOwnComment(
      await getCommentServices(getConfig(), invalidateComments),
      checked.id,
      checked.secret,
    )
    if (result.kind !== 'deleted') return refused(result)
    return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } })
  } catch (error) {
    return failureJson(describeServerError(error, 'deleting a comment'))
  }
}

function methodNotAllowed() {
  return json(405, { error: 'Use PATCH or DELETE with the comment’s secret.' }, { allow: 'PATCH, DELETE, OPTIONS' })
}
export { methodNotAllowed as GET, methodNotAllowed as POST, methodNotAllowed as PUT }
