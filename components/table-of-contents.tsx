import type { TocNode } from '@/lib/mdx/toc'
import { TocLinks } from './toc-links'

export type TableOfContentsProps = { items: readonly TocNode[] }

/**
 * A `<details>` block: collapsed above the article on narrow screens, always open beside it on
 * wide ones (CSS in globals.css; the scroll-spy also opens it where `::details-content` is unsupported).
 */
export function TableOfContents({ items }: TableOfContentsProps) {
  if (items.length === 0) return null
  return (
    <nav aria-label="Table of contents" className="toc text-sm">
      <details className="toc-details rounded-lg border border-zinc-200 p-4 lg:border-0 lg:p-0 dark:border-zinc-800">
        <summary className="toc-summary cursor-pointer font-semibold text-zinc-900 dark:text-zinc-100">
          On this page
        </summary>
        <TocLinks items={items} />
      </details>
    </nav>
  )
}
