'use client'

import Link from 'next/link'
import { useEffect } from 'react'

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error)
  }, [error])

  return (
    <div role="alert" className="mx-auto max-w-2xl py-16 text-center">
      <h1 className="text-3xl font-bold tracking-tight">Something went wrong</h1>
      <p className="mt-4 text-zinc-700 dark:text-zinc-300">
        This page could not be shown. Trying again often helps; if it keeps failing, come back a little later.
      </p>
      <div className="mt-8 flex justify-center gap-6">
        <button
          type="button"
          onClick={() => retry()}
          className="rounded-md bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800"
        >
          Try again
        </button>
        <Link href="/" className="self-center font-semibold text-teal-700 underline dark:text-teal-300">
          Back to all posts
        </Link>
      </div>
    </div>
  )
}
