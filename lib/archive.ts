type Dated = { slug: string; date: string }

export type ArchiveMonth<P> = {
  /** `2026-11`: a stable id and the `<time dateTime>` of the month. */
  key: string
  /** 1–12. */
  month: number
  posts: P[]
}

export type ArchiveYear<P> = { year: number; months: ArchiveMonth<P>[] }

/**
 * Posts grouped by year, then month, in UTC (post dates are calendar days stored as UTC midnight),
 * newest first at every level. Expects the posts newest first, as getAllPosts() returns them.
 */
export function groupByMonth<P extends Dated>(postsNewestFirst: readonly P[]): ArchiveYear<P>[] {
  const years: ArchiveYear<P>[] = []
  for (const post of postsNewestFirst) {
    const date = new Date(post.date)
    const year = date.getUTCFullYear()
    const month = date.getUTCMonth() + 1
    let currentYear = years.at(-1)
    if (currentYear?.year !== year) {
      currentYear = { year, months: [] }
      years.push(currentYear)
    }
    let currentMonth = currentYear.months.at(-1)
    if (currentMonth?.month !== month) {
      currentMonth = { key: `${year}-${String(month).padStart(2, '0')}`, month, posts: [] }
      currentYear.months.push(currentMonth)
    }
    currentMonth.posts.push(post)
  }
  return years
}
