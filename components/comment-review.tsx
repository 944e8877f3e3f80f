import Link from 'next/link'
import { findLinks } from '@/lib/comments/links'
import type { ModerationAction } from '@/lib/comments/moderation-token'
import type { CommentStatus, StoredComment } from '@/lib/comments/types'

export type CommentReviewProps = {
  comment: StoredComment
  post: { title: string; url: string } | undefined
  /** The buttons to offer: a one-action link offers only its own. */
  actions: readonly ModerationAction[]
  /** Hidden fields of the form: the signed token, or `from=admin`. */
  fields: Record<string, string>
  headingLevel?: 'h1' | 'h2'
}

export const statusLabels: Record<CommentStatus, string> = {
  pending: 'Held: readers do not see it yet.',
  published: 'Published: readers see it under the post.',
  spam: 'Marked as spam: hidden from readers.',
  deleted: 'Deleted: readers see only that a comment was removed.',
}

const buttonLabels: Record<ModerationAction, string> = { approve: 'Approve', delete: 'Delete', spam: 'Spam' }
const buttonStyles: Record<ModerationAction, string> = {
  approve: 'bg-teal-700 text-white hover:bg-teal-800',
  delete: 'border border-zinc-400 text-zinc-900 hover:bg-zinc-100 dark:text-zinc-100 dark:hover:bg-zinc-800',
  spam: 'border border-red-700 text-red-800 hover:bg-red-50 dark:text-red-300 dark:hover:bg-red-950',
}

const buttonClass =
  'rounded-md px-4 py-2 font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 ' +
  'focus-visible:outline-teal-700'

/**
 * A comment as a moderator needs it: the whole text (React text, never HTML), the post, every link
 * in it spelled out (not clickable), and one form whose buttons post to /api/moderation/<id>.
 */
export function CommentReview({ comment, post, actions, fields, headingLevel: Heading = 'h2' }: CommentReviewProps) {
  const links = [...findLinks(comment.name), ...findLinks(comment.body)]
  const headingId = `review-${comment.id}`
  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <Heading id={headingId} className="text-lg font-semibold break-words">
        Comment {comment.id} by {comment.name}
      </Heading>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="font-semibold">Post</dt>
        <dd>
          {post ? (
            <Link href={post.url} className="text-teal-700 underline dark:text-teal-300">
              {post.title}
            </Link>
          ) : (
            comment.slug
          )}
        </dd>
        <dt className="font-semibold">Written</dt>
        <dd>{comment.createdAt.slice(0, 16).replace('T', ' ')} UTC</dd>
        <dt className="font-semibold">Status</dt>
        <dd>{statusLabels[comment.status]}</dd>
      </dl>
      <p className="mt-4 rounded-md bg-zinc-50 p-3 break-words whitespace-pre-wrap dark:bg-zinc-900">{comment.body}</p>
      <h3 className="mt-4 text-sm font-semibold">
        {links.length === 0 ? 'No links in this comment.' : `Links in this comment (${links.length})`}
      </h3>
      {links.length > 0 && (
        <ul className="mt-1 list-disc pl-6 text-sm">
          {links.map((link, index) => (
            <li key={index}>
              <code className="break-all">{link}</code>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={`/api/moderation/${comment.id}`} className="mt-4 flex flex-wrap gap-3">
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {actions.map((action) => (
          <button
            key={action}
            type="submit"
            name="action"
            value={action}
            aria-describedby={headingId}
            className={`${buttonClass} ${buttonStyles[action]}`}
          >
            {buttonLabels[action]}
          </button>
        ))}
      </form>
    </article>
  )
}
