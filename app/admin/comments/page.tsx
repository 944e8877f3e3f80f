import type { Metadata } from 'next'
import { cookies } from 'next/headers'
import { notFound } from 'next/navigation'
import { connection } from 'next/server'
import { CommentReview } from '@/components/comment-review'
import { getDb } from '@/lib/db'
import { adminCookieName, getAdminPassword, isAdmin } from '@/lib/comments/moderation-access'
import { moderationActions } from '@/lib/comments/moderation-token'
import { listForModeration } from '@/lib/comments/store'
import { getPostBySlug } from '@/lib/posts'

// The queue of held comments behind ADMIN_PASSWORD (docs/moderation-from-email.md). Per request,
// never cached; the not-found page when no password is set. Sign-in and sign-out post to
// /api/admin/session. Request-time by design (see app/moderate/[id]/page.tsx).
export const instant = false

export const metadata: Metadata = { title: 'Held comments', robots: { index: false, follow: false } }

const loginErrors: Record<string, string> = {
  wrong: 'That password is not right.',
  limited: 'Too many wrong passwords: wait a few minutes, then try again.',
  'signed-out': 'You are signed out.',
}

const first = (value: string | string[] | undefined) => (typeof value === 'string' ? value : '')
const buttonStyle =
  'rounded-md bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800 ' +
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700'

export default async function AdminCommentsPage({ searchParams }: PageProps<'/admin/comments'>) {
  await connection()
  if (!getAdminPassword()) notFound()
  const query = await searchParams
  if (!(await isAdmin((await cookies()).get(adminCookieName())?.value, new Date()))) {
    const message = loginErrors[first(query.error)]
    return (
      <div className="mx-auto max-w-md">
        <h1 className="text-2xl font-bold tracking-tight">Sign in to moderate comments</h1>
        <form method="post" action="/api/admin/session" className="mt-6 space-y-4">
          <input type="hidden" name="intent" value="login" />
          <label htmlFor="admin-password" className="block font-semibold">
            Password
          </label>
          <input
            id="admin-password"
            name="password"
            type="password"
            required
            autoComplete="current-password"
            aria-describedby="admin-login-message"
            className="block w-full rounded-md border border-zinc-400 px-3 py-2 dark:bg-zinc-900"
          />
          <p id="admin-login-message" role="alert" className="min-h-6 text-red-800 dark:text-red-300">
            {message ?? ''}
          </p>
          <button type="submit" className={buttonStyle}>
            Sign in
          </button>
        </form>
      </div>
    )
  }
  const held = await listForModeration(await getDb(), { status: 'pending' })
  const doneId = first(query.id)
  const done = moderationActions.find((action) => action === first(query.done))
  const doneStatus = done === 'approve' ? 'published' : done === 'delete' ? 'deleted' : 'spam'
  return (
    <div className="mx-auto max-w-2xl">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-2xl font-bold tracking-tight">Held comments ({held.length})</h1>
        <form method="post" action="/api/admin/session">
          <input type="hidden" name="intent" value="logout" />
          <button type="submit" className="font-semibold text-teal-700 underline dark:text-teal-300">
            Sign out
          </button>
        </form>
      </div>
      <p role="status" className="mt-4 min-h-6 font-semibold text-teal-800 dark:text-teal-200">
        {done && /^\d{1,10}$/.test(doneId) ? `Done: comment ${doneId} is now ${doneStatus}.` : ''}
      </p>
      {held.length === 0 ? (
        <p className="mt-4">No comments await moderation.</p>
      ) : (
        <ol className="mt-4 space-y-6">
          {held.map((comment) => {
            const post = getPostBySlug(comment.slug)
            return (
              <li key={comment.id}>
                <CommentReview
                  comment={comment}
                  post={post && { title: post.title, url: post.url }}
                  actions={moderationActions}
                  fields={{ from: 'admin' }}
                />
              </li>
            )
          })}
        </ol>
      )}
    </div>
  )
}
