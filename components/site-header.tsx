import Link from 'next/link'
import { site } from '@/lib/site'

export function SiteHeader() {
  return (
    <header className="border-b border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto flex max-w-6xl flex-col gap-1 px-4 py-6 sm:px-6">
        <Link href="/" className="w-fit text-xl font-bold tracking-tight text-zinc-900 dark:text-zinc-50">
          {site.name}
        </Link>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{site.tagline}</p>
      </div>
    </header>
  )
}
