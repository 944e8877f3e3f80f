import Link from 'next/link'
import { getPagePath } from '@/lib/pagination'

export type PaginationProps = {
  page: number
  pageCount: number
  /** The address of page 1, e.g. `/` or `/tags/api`. */
  firstPagePath: string
  /** Pages 2 and later live at `<pagesBase>/<n>`, e.g. `/blog/page`. */
  pagesBase: string
}

const linkClass = 'font-semibold text-teal-700 hover:underline dark:text-teal-300'

const navClass =
  'mt-12 flex items-center justify-between gap-4 border-t border-zinc-200 pt-6 text-sm dark:border-zinc-800'

/** Newer/older links between list pages; nothing at all when everything fits on one page. */
export function Pagination({ page, pageCount, firstPagePath, pagesBase }: PaginationProps) {
  if (pageCount <= 1) return null
  return (
    <nav aria-label="Pagination" className={navClass}>
      <div className="flex-1">
        {page > 1 ? (
          <Link href={getPagePath(firstPagePath, pagesBase, page - 1)} rel="prev" className={linkClass}>
            <span aria-hidden="true">← </span>Newer posts
          </Link>
        ) : null}
      </div>
      <p className="text-zinc-600 dark:text-zinc-400">
        Page {page} of {pageCount}
      </p>
      <div className="flex-1 text-right">
        {page < pageCount ? (
          <Link href={getPagePath(firstPagePath, pagesBase, page + 1)} rel="next" className={linkClass}>
            Older posts<span aria-hidden="true"> →</span>
          </Link>
        ) : null}
      </div>
    </nav>
  )
}
