import { CommentForm } from '@/components/comment-form'
import { CommentList } from '@/components/comment-list'
import { ReplyProvider } from '@/components/comment-reply'
import { getCommentsSnapshot } from '@/lib/comments/cache'
import type { ReplyOption } from '@/lib/comments/form-state'
import { buildThreads, countLabel } from '@/lib/comments/thread'
import type { PublicComment } from '@/lib/comments/types'

export type CommentsSectionProps = { slug: string; postUrl: string }

const heading = (text: string) => (
  <h2 id="comments-heading" className="text-xl font-semibold">
    {text}
  </h2>
)

const excerpt = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text).replace(/\s+/g, ' ')

const pendingClass =
  'mt-8 hidden scroll-mt-6 rounded-md bg-teal-50 p-4 text-teal-900 target:block dark:bg-teal-950 dark:text-teal-100'

function replyOptionsOf(comments: readonly PublicComment[]): ReplyOption[] {
  return comments.flatMap((comment) =>
    comment.name && comment.body ? [{ id: comment.id, label: `${comment.name}: ${excerpt(comment.body)}` }] : [],
  )
}

/**
 * The comments under a post, from the cache (lib/comments/cache.ts): part of the page's static
 * HTML, so readers and search engines without JavaScript see them, and rebuilt only when they change.
 */
export async function CommentsSection({ slug, postUrl }: CommentsSectionProps) {
  const snapshot = await getCommentsSnapshot(slug)
  if (snapshot.state === 'not-configured') {
    return (
      <>
        {heading('Comments')}
        <div id="comment-form" className="mt-4">
          <h3 className="text-lg font-semibold">Post a comment</h3>
          <p className="mt-2 text-zinc-700 dark:text-zinc-300">Comments are unavailable on this site right now.</p>
        </div>
      </>
    )
  }
  const comments = snapshot.state === 'loaded' ? snapshot.comments : []
  return (
    <ReplyProvider>
      {heading(snapshot.state === 'loaded' ? countLabel(comments) : 'Comments')}
      <div className="mt-6">
        {snapshot.state === 'loaded' ? (
          <CommentList threads={buildThreads(comments)} />
        ) : (
          <p role="alert" className="text-zinc-700 dark:text-zinc-300">
            {snapshot.state === 'unavailable'
              ? 'Comments could not be loaded right now. Please try again later.'
              : 'Comments are on their way: reload the page in a moment to see them.'}
          </p>
        )}
      </div>
      {/*
        Where the form sends a reader without JavaScript whose comment waits for moderation;
        shown only then (:target).
      */}
      <p id="comment-pending" tabIndex={-1} className={pendingClass}>
        Thanks! Your comment is awaiting moderation. It will appear here once a moderator approves it.
      </p>
      <CommentForm slug={slug} postUrl={postUrl} replyOptions={replyOptionsOf(comments)} />
    </ReplyProvider>
  )
}
