/** Posts per list page: the home page, every `/blog/page/<n>` and every tag page. */
export const POSTS_PER_PAGE = 10

export type Page<T> = {
  items: T[]
  /** 1-based. */
  page: number
  pageCount: number
}

/** Always at least 1: an empty list still has a first page, which says so in words. */
export function getPageCount(itemCount: number, perPage = POSTS_PER_PAGE): number {
  return Math.max(1, Math.ceil(itemCount / perPage))
}

/** The items on one page, or undefined when the page does not exist (below 1 or past the last page). */
export function getPage<T>(items: readonly T[], page: number, perPage = POSTS_PER_PAGE): Page<T> | undefined {
  const pageCount = getPageCount(items.length, perPage)
  if (!Number.isInteger(page) || page < 1 || page > pageCount) return undefined
  return { items: items.slice((page - 1) * perPage, page * perPage), page, pageCount }
}

/**
 * A page number from a URL segment. Only the canonical spelling is accepted ("2", not "02", "+2"
 * or "2.0"), so each page has exactly one address and everything else is a 404.
 */
export function parsePageParam(value: string): number | undefined {
  return /^[1-9][0-9]{0,5}$/.test(value) ? Number(value) : undefined
}

/** Page 1 lives at the list's own address; page n ≥ 2 at `<pagesBase>/<n>`. */
export function getPagePath(firstPagePath: string, pagesBase: string, page: number): string {
  return page === 1 ? firstPagePath : `${pagesBase}/${page}`
}

/** The page numbers that have their own `/page/<n>` address: 2 to the last page. */
export function listExtraPages(itemCount: number, perPage = POSTS_PER_PAGE): number[] {
  return Array.from({ length: getPageCount(itemCount, perPage) - 1 }, (_, index) => index + 2)
}
