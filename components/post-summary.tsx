import Link from 'next/link'
import type { ReactNode } from 'react'

const variants = {
  listing: {
    article: 'flex flex-col gap-3',
    heading: 'text-2xl font-semibold tracking-tight',
    link: 'text-zinc-900 hover:underline dark:text-zinc-50',
  },
  searchResult: {
    article: 'flex flex-col gap-1',
    heading: 'text-lg font-semibold',
    link: 'text-teal-800 hover:underline dark:text-teal-300',
  },
}

export type PostSummaryProps = {
  title: string
  url: string
  /** The line under the title: the post's date, reading time and tags, or where a search hit is. */
  meta: ReactNode
  /** The post's summary, or a search snippet with its matches marked. */
  summary: ReactNode
  variant: keyof typeof variants
}

/**
 * One post in a list: its title as a link, a meta line and a summary. No server-only imports: the
 * post lists render it on the server, the search page in the browser.
 */
export function PostSummary({ title, url, meta, summary, variant }: PostSummaryProps) {
  const classes = variants[variant]
  return (
    <article className={classes.article}>
      <h2 className={classes.heading}>
        <Link href={url} className={classes.link}>
          {title}
        </Link>
      </h2>
      {meta}
      <p className="text-zinc-700 dark:text-zinc-300">{summary}</p>
    </article>
  )
}
