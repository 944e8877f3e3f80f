import type { Metadata } from 'next'
import Link from 'next/link'
import { Search } from './_components/search'

export const metadata: Metadata = {
  title: 'Search',
  description: 'Search every post by title, summary, tags, headings and full text.',
  alternates: { canonical: '/search' },
  // A results page is a view of other pages: let crawlers follow it, not list it.
  robots: { index: false, follow: true },
}

export default function SearchPage() {
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-bold tracking-tight">Search</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">
        Titles, summaries, tags, headings and the full text of every post.
      </p>
      {/* Prerendered: without JavaScript the box is a plain GET form that puts the query in the URL.
          The query is read from the URL in the browser, so the results render there only. */}
      <Search />
      <noscript>
        <p className="mt-6 rounded-lg border border-zinc-200 p-4 text-zinc-700 dark:border-zinc-800 dark:text-zinc-300">
          Search runs in your browser and needs JavaScript. Every post is listed on the{' '}
          <Link href="/" className="font-semibold text-teal-700 underline dark:text-teal-300">
            home page
          </Link>
          .
        </p>
      </noscript>
    </div>
  )
}
