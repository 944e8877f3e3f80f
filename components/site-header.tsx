import Link from 'next/link'
import { site } from '@/lib/site'
import { ThemeToggle } from './theme-toggle'

const links = [
  { href: '/tags', label: 'Tags' },
  { href: '/archive', label: 'Archive' },
  { href: '/search', label: 'Search' },
]

const linkClass = 'text-zinc-700 hover:text-zinc-950 hover:underline dark:text-zinc-300 dark:hover:text-zinc-50'

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
        <nav aria-label="Main" className="flex flex-wrap items-center gap-x-6 gap-y-2 text-sm font-medium">
          <ul className="flex flex-wrap items-center gap-x-6 gap-y-2">
            {links.map((link) => (
              <li key={link.href}>
                <Link href={link.href} className={linkClass}>
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
          {/* Sized for the toggle, which appears only once JavaScript runs: nothing shifts. */}
          <div className="flex h-8 w-40 justify-end">
            <ThemeToggle />
          </div>
        </nav>
      </div>
    </header>
  )
}
