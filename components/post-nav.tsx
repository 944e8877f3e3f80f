import Link from 'next/link'
import type { PostLink } from '@/lib/series'

export type PostNavProps = { previous?: PostLink | undefined; next?: PostLink | undefined }

/** Links to the posts published just before and after this one. */
export function PostNav({ previous, next }: PostNavProps) {
  if (!previous && !next) return null
  return (
    <nav aria-label="More posts" className="grid gap-4 border-t border-zinc-200 pt-8 sm:grid-cols-2 dark:border-zinc-800">
      {previous ? (
        <div>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Previous post</p>
          <Link href={previous.url} rel="prev" className="font-semibold text-teal-700 hover:underline dark:text-teal-300">
            {previous.title}
          </Link>
        </div>
      ) : null}
      {next ? (
        <div className="sm:col-start-2 sm:text-right">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Next post</p>
          <Link href={next.url} rel="next" className="font-semibold text-teal-700 hover:underline dark:text-teal-300">
            {next.title}
          </Link>
        </div>
      ) : null}
    </nav>
  )
}
