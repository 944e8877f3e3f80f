import Link from 'next/link'
import { site } from '@/lib/site'
import { ThemeToggle } from './theme-toggle'

export function SiteHeader() {
  return (
    <header className="border-b border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto flex max-w-6xl flex-wrap items-start justify-between gap-x-6 gap-y-3 px-4 py-6 sm:px-6">
        <div className="flex flex-col gap-1">
          <Link href="/" className="w-fit text-xl font-bold tracking-tight text-zinc-900 dark:text-zinc-50">
            {site.name}
          </Link>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{site.tagline}</p>
        </div>
        <nav aria-label="Site" className="flex items-center gap-4 text-sm font-medium">
          <Link href="/search" className="text-zinc-700 hover:text-zinc-900 hover:underline dark:text-zinc-300 dark:hover:text-zinc-100">
            Search
          </Link>
          {/* Sized for the toggle, which appears only once JavaScript runs: nothing shifts. */}
          <div className="flex h-8 w-40 justify-end">
            <ThemeToggle />
          </div>
        </nav>
      </div>
    </header>
  )
}
