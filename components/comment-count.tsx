import Link from 'next/link'
import { getCommentCount } from '@/lib/comments/cache'

export type CommentCountProps = { slug: string; url: string; className?: string }

/**
 * "3 comments", linking to them, in the post lists: from the cache, with the post's tag, so a
 * list shows a new comment as soon as the post does and a view runs no query. Nothing for a post
 * without comments (a zero in every row is noise) or while the count is unknown (at build, or with
 * the database down).
 */
export async function CommentCount({ slug, url, className = '' }: CommentCountProps) {
  const count = await getCommentCount(slug)
  if (!count) return null
  return (
    <Link
      href={`${url}#comments`}
      className={`${className} text-sm text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-400`}
    >
      {count === 1 ? '1 comment' : `${count.toLocaleString('en-GB')} comments`}
    </Link>
  )
}
