import type { Metadata } from 'next'
import Link from 'next/link'
import { CommentCount } from '@/components/comment-count'
import { groupByMonth } from '@/lib/archive'
import { formatPostDate, isoDay } from '@/lib/format'
import { getAlternates } from '@/lib/metadata'
import { getAllPosts } from '@/lib/posts'

export const metadata: Metadata = {
  title: 'Archive',
  description: 'Every post, by month, newest first.',
  alternates: getAlternates('/archive'),
}

const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' })

export default function ArchivePage() {
  const years = groupByMonth(getAllPosts())
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-8 text-3xl font-bold tracking-tight">Archive</h1>
      {years.length === 0 ? <p className="text-zinc-600 dark:text-zinc-400">No posts yet.</p> : null}
      {years.map(({ year, months }) => (
        <section key={year} aria-labelledby={`archive-${year}`} className="mb-12">
          <h2 id={`archive-${year}`} className="mb-4 text-2xl font-semibold tracking-tight">
            {year}
          </h2>
          {months.map(({ key, month, posts }) => (
            <section key={key} aria-labelledby={`archive-${key}`} className="mb-6">
              <h3
                id={`archive-${key}`}
                className="mb-2 text-sm font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400"
              >
                <time dateTime={key}>
                  {monthName.format(Date.UTC(year, month - 1, 1))} {year}
                </time>
              </h3>
              <ul className="space-y-2">
                {posts.map((post) => (
                  <li key={post.slug} className="flex flex-col gap-x-4 sm:flex-row sm:items-baseline">
                    <time
                      dateTime={isoDay(post.date)}
                      className="shrink-0 text-sm text-zinc-600 tabular-nums sm:w-36 dark:text-zinc-400"
                    >
                      {formatPostDate(post.date)}
                    </time>
                    <Link href={post.url} className="font-medium text-zinc-900 hover:underline dark:text-zinc-50">
                      {post.title}
                    </Link>
                    <CommentCount slug={post.slug} url={post.url} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>
      ))}
    </div>
  )
}
