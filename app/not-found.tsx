import type { Metadata } from 'next'
import Link from 'next/link'

export const metadata: Metadata = { title: 'Page not found' }

export default function NotFound() {
  return (
    <div className="mx-auto max-w-2xl py-16 text-center">
      <p className="text-sm font-semibold text-teal-700 dark:text-teal-300">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Page not found</h1>
      <p className="mt-4 text-zinc-700 dark:text-zinc-300">
        There is no page at this address. It may have moved, or the link may be mistyped.
      </p>
      <p className="mt-8">
        <Link href="/" className="font-semibold text-teal-700 underline dark:text-teal-300">
          Back to all posts
        </Link>
      </p>
    </div>
  )
}
