import { cookies } from 'next/headers'
import { z } from 'zod'
import { getDb } from '@/lib/db'
import { invalidateComments } from '@/lib/comments/cache'
import {
  adminCookieName,
  getAdminPassword,
  getModerationKey,
  isAdmin,
  isSameOriginPost,
} from '@/lib/comments/moderation-access'
import { moderationActions, statusAfter, verifyModerationToken } from '@/lib/comments/moderation-token'
import { setCommentStatus } from '@/lib/comments/store'

// The one place a moderation page acts: Approve, Delete or Spam from /moderate/<id> (signed link)
// or /admin/comments (session). A plain form post, so it works without JavaScript; the answer is a
// 303 back to the page, which reads the comment's new state (post/redirect/get).

const formSchema = z.object({
  action: z.enum(moderationActions),
  token: z.string().max(200).optional(),
  from: z.enum(['link', 'admin']).default('link'),
})

const text = (status: number, message: string) =>
  new Response(`${message}\n`, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  })

export async function POST(request: Request, { params }: RouteContext<'/api/moderation/[id]'>) {
  const key = getModerationKey()
  if (!key && !getAdminPassword()) return text(404, 'Moderation over HTTP is not configured.')
  const { id: rawId } = await params
  if (!/^\d{1,10}$/.test(rawId)) return text(404, 'There is no such comment.')
  if (!isSameOriginPost(request.headers))
    return text(403, 'Refused: moderate from the page the link opens, on this site.')
  const form = await request.formData().catch(() => undefined)
  const parsed = formSchema.safeParse(Object.fromEntries(form ?? []))
  if (!parsed.success) return text(400, 'Choose Approve, Delete or Spam on the moderation page.')
  const { action, token, from } = parsed.data
  const id = Number(rawId)
  const now = new Date()

  const check = key && token ? verifyModerationToken(key, token, id, action, now) : undefined
  const isAllowed =
    check?.isValid || (from === 'admin' && (await isAdmin((await cookies()).get(adminCookieName())?.value, now)))
  if (!isAllowed) {
    if (check?.isValid === false && check.reason === 'expired') {
      return text(
        403,
        `This link expired on ${check.expiresAt.toISOString()}. ` +
          `Use /admin/comments or \`npm run comments -- ${action} ${id}\`.`,
      )
    }
    return text(
      403,
      from === 'admin' ? 'Your session has ended: sign in again.' : 'This link does not allow that action.',
    )
  }
  const updated = await setCommentStatus(await getDb(), id, statusAfter[action])
  if (!updated) return text(404, 'There is no such comment.')
  // Like the CLI: the post's page and the feed of new comments show the change on their next view,
  // on every instance.
  invalidateComments(updated.slug)
  const back =
    from === 'admin'
      ? `/admin/comments?done=${action}&id=${id}`
      : `/moderate/${id}?${new URLSearchParams({ token: token ?? '', done: action })}`
  return new Response(null, { status: 303, headers: { location: back, 'cache-control': 'no-store' } })
}
