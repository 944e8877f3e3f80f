import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { connection } from 'next/server'
import { CommentReview } from '@/components/comment-review'
import { getDb } from '@/lib/db'
import { getModerationKey } from '@/lib/comments/moderation-access'
import { moderationActions, statusAfter, verifyModerationToken } from '@/lib/comments/moderation-token'
import { findComment } from '@/lib/comments/store'
import { getPostBySlug } from '@/lib/posts'

// The page a moderation link opens (docs/moderation-from-email.md). Rendered per request and never
// cached: it reads the token from the URL and the comment as it is now. Opening it changes nothing
// (mail scanners follow links); its buttons post to /api/moderation/<id>.

// Request-time by design: everything below reads the request (no Suspense boundary of its own). The
// root layout is still the static shell streamed first, so notFound() shows the 404 page with status
// 200 (the POST answers real statuses); the page is noindex either way.
export const instant = false

export const metadata: Metadata = {
  title: 'Moderate a comment',
  robots: { index: false, follow: false },
  // No `referrer: 'no-referrer'` to hide the token: browsers then send `Origin: null` with the form,
  // which the POST must refuse. The site's policy sends other sites the origin only, and the links
  // inside a comment are shown as text.
}

const first = (value: string | string[] | undefined) => (typeof value === 'string' ? value : '')

export default async function ModeratePage({ params, searchParams }: PageProps<'/moderate/[id]'>) {
  await connection()
  const key = getModerationKey()
  if (!key) notFound()
  const [{ id: rawId }, query] = await Promise.all([params, searchParams])
  if (!/^\d{1,10}$/.test(rawId)) notFound()
  const id = Number(rawId)
  const token = first(query.token)
  const check = verifyModerationToken(key, token, id, undefined, new Date())
  if (!check.isValid && check.reason !== 'expired') notFound()
  if (!check.isValid) {
    return (
      <div className="mx-auto max-w-2xl">
        <h1 className="text-2xl font-bold tracking-tight">This link has expired</h1>
        <p role="alert" className="mt-4">
          The moderation link for comment {id} worked until{' '}
          {check.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC. Moderate it in the admin queue
          (/admin/comments) or with <code>npm run comments -- show {id}</code>.
        </p>
      </div>
    )
  }
  const comment = await findComment(await getDb(), id)
  if (!comment) notFound()
  const post = getPostBySlug(comment.slug)
  const done = moderationActions.find((action) => action === first(query.done))
  const actions = check.scope === 'moderate' ? moderationActions : [check.scope]
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-bold tracking-tight">Moderate a comment</h1>
      <p role="status" className="mt-4 min-h-6 font-semibold text-teal-800 dark:text-teal-200">
        {done && statusAfter[done] === comment.status ? `Done: comment ${id} is now ${comment.status}.` : ''}
      </p>
      <div className="mt-4">
        <CommentReview
          comment={comment}
          post={post && { title: post.title, url: post.url }}
          actions={actions}
          fields={{ token, from: 'link' }}
        />
      </div>
      <p className="mt-4 text-sm text-zinc-600 dark:text-zinc-400">
        This link works until {check.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC. Nothing changes until
        you press a button.
      </p>
    </div>
  )
}
