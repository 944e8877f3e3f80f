import Link from 'next/link'
import { formatDateTime, formatRelativeTime } from '@/lib/format'
import type { PublicComment } from '@/lib/comments/schema'
import type { CommentThread } from '@/lib/comments/thread'

export type CommentListProps = {
  threads: readonly CommentThread[]
  /** The moment relative times are measured from (the request's). */
  now: Date
  /** The page address a Reply link adds `?replyTo=` to. */
  postUrl: string
}

export function CommentList({ threads, now, postUrl }: CommentListProps) {
  if (threads.length === 0) {
    return <p className="text-zinc-600 dark:text-zinc-400">No comments yet. Be the first.</p>
  }
  return (
    <ol className="space-y-6">
      {threads.map((thread) => (
        <li key={thread.id}>
          <CommentItem comment={thread} now={now} postUrl={postUrl} />
          {thread.replies.length > 0 ? (
            <ol aria-label="Replies" className="mt-4 ml-4 space-y-4 border-l-2 border-zinc-200 pl-4 sm:ml-8 dark:border-zinc-800">
              {thread.replies.map((reply) => (
                <li key={reply.id}>
                  <CommentItem comment={reply} now={now} postUrl={postUrl} />
                </li>
              ))}
            </ol>
          ) : null}
        </li>
      ))}
    </ol>
  )
}

function CommentItem({ comment, now, postUrl }: { comment: PublicComment; now: Date; postUrl: string }) {
  const headingId = `comment-${comment.id}-author`
  if (comment.status !== 'published' || comment.name === null || comment.body === null) {
    return (
      <article id={`comment-${comment.id}`} tabIndex={-1} className="scroll-mt-6 text-sm text-zinc-500 italic dark:text-zinc-400">
        <p>Comment deleted.</p>
      </article>
    )
  }
  return (
    // tabIndex -1: the form moves focus here after posting, and a #comment-<id> link lands here.
    <article
      id={`comment-${comment.id}`}
      tabIndex={-1}
      aria-labelledby={headingId}
      className="scroll-mt-6 rounded-lg outline-offset-4 focus-visible:outline-2 focus-visible:outline-teal-700"
    >
      <header className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <h3 id={headingId} className="font-semibold text-zinc-900 dark:text-zinc-100">
          <bdi>{comment.name}</bdi>
        </h3>
        <time dateTime={comment.createdAt} title={formatDateTime(comment.createdAt)} className="text-zinc-600 dark:text-zinc-400">
          {formatRelativeTime(comment.createdAt, now)}
        </time>
      </header>
      {/* Plain text only: React escapes it, and pre-wrap keeps the commenter's line breaks. */}
      <p dir="auto" className="mt-1 break-words whitespace-pre-wrap text-zinc-800 dark:text-zinc-200">
        {comment.body}
      </p>
      <Link
        href={`${postUrl}?replyTo=${comment.id}#comment-form`}
        scroll={false}
        className="mt-1 inline-block text-sm font-medium text-teal-700 underline-offset-2 hover:underline dark:text-teal-300"
      >
        Reply<span className="sr-only"> to {comment.name}</span>
      </Link>
    </article>
  )
}
