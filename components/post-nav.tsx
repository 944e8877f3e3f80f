import Link from 'next/link'
import type { PostLink } from '@/lib/series'

export type PostNavProps = { previous?: PostLink | undefined; next?: PostLink | undefined }

/** Links to the posts published just before and after this one. */
export function PostNav({ previous, next }: PostNavProps) {
  if (!previous && !next) return null
  return (
    <nav
      aria-label="More posts"
      className="grid gap-4 border-t border-zinc-200 pt-8 sm:grid-cols-2 dark:border-zinc-800"
    >
      {previous ? <AdjacentPost post={previous} rel="prev" label="Previous post" /> : null}
      {next ? <AdjacentPost post={next} rel="next" label="Next post" className="sm:col-start-2 sm:text-right" /> : null}
    </nav>
  )
}

type AdjacentPostProps = { post: PostLink; rel: 'prev' | 'next'; label: string; className?: string }

function AdjacentPost({ post, rel, label, className }: AdjacentPostProps) {
  return (
    <div className={className}>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{label}</p>
      <Link href={post.url} rel={rel} className="font-semibold text-teal-700 hover:underline dark:text-teal-300">
        {post.title}
      </Link>
    </div>
  )
}
