import { formatDateTime } from '@/lib/format'
import type { CommentThread } from '@/lib/comments/thread'
import type { RenderedComment } from '@/lib/comments/types'
import { CommentHtml } from './comment-html'
import { ReplyLink } from './comment-reply'
import { OwnCommentActions } from './own-comment-actions'

export type CommentListProps = { threads: readonly CommentThread<RenderedComment>[] }

export function CommentList({ threads }: CommentListProps) {
  if (threads.length === 0) {
    return <p className="text-zinc-600 dark:text-zinc-400">No comments yet. Be the first.</p>
  }
  return (
    <ol className="space-y-6">
      {threads.map((thread) => (
        <li key={thread.id}>
          <CommentItem comment={thread} />
          {thread.replies.length > 0 ? (
            <ol
              aria-label="Replies"
              className="mt-4 ml-4 space-y-4 border-l-2 border-zinc-200 pl-4 sm:ml-8 dark:border-zinc-800"
            >
              {thread.replies.map((reply) => (
                <li key={reply.id}>
                  <CommentItem comment={reply} />
                </li>
              ))}
            </ol>
          ) : null}
        </li>
      ))}
    </ol>
  )
}

// tabIndex -1: the form moves focus to a new comment, and a #comment-<id> link (where the form sends
// a reader without JavaScript after posting) lands on it, highlighted.
const itemClass =
  'scroll-mt-6 rounded-lg outline-offset-4 focus-visible:outline-2 ' +
  'focus-visible:outline-teal-700 target:bg-teal-50 target:ring-2 target:ring-teal-700 ' +
  'dark:target:bg-teal-950'

function CommentItem({ comment }: { comment: RenderedComment }) {
  const headingId = `comment-${comment.id}-author`
  if (comment.status !== 'published' || comment.name === null || comment.html === null) {
    return (
      <article
        id={`comment-${comment.id}`}
        tabIndex={-1}
        className={`${itemClass} text-sm text-zinc-500 italic dark:text-zinc-400`}
      >
        <p>Comment deleted.</p>
      </article>
    )
  }
  return (
    // overflow-hidden: stacked combining marks in a name or a text cannot draw over the comments around it.
    <article
      id={`comment-${comment.id}`}
      tabIndex={-1}
      aria-labelledby={headingId}
      className={`${itemClass} overflow-hidden`}
    >
      <header className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <h3 id={headingId} className="overflow-hidden font-semibold break-words text-zinc-900 dark:text-zinc-100">
          <bdi>{comment.name}</bdi>
        </h3>
        {/* An absolute time: the page is cached, so "3 minutes ago" would be wrong an hour later. */}
        <time dateTime={comment.createdAt} className="text-zinc-600 dark:text-zinc-400">
          {formatDateTime(comment.createdAt)}
        </time>
        {comment.editedAt ? (
          <span className="text-zinc-600 dark:text-zinc-400">
            ·{' '}
            <time dateTime={comment.editedAt} title={`Edited ${formatDateTime(comment.editedAt)}`}>
              edited
            </time>
          </span>
        ) : null}
      </header>
      <CommentHtml html={comment.html} className="mt-1" />
      <ReplyLink id={comment.id} name={comment.name} />
      <OwnCommentActions id={comment.id} name={comment.name} />
    </article>
  )
}
