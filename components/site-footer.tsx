import { site } from '@/lib/site'

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto max-w-6xl px-4 py-8 text-sm text-zinc-600 sm:px-6 dark:text-zinc-400">
        <p>
          {site.name} · <a href="/feed.xml">RSS feed</a> · <a href={site.repository.url}>Source on GitHub</a>
        </p>
      </div>
    </footer>
  )
}
