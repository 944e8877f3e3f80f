type Sequenced = { slug: string; date: string; title: string; url: string; series?: string | undefined }

export type PostLink = { slug: string; title: string; url: string }

export type SeriesInfo = {
  name: string
  /** 1-based position of the post in its series. */
  part: number
  /** Every part, oldest first (Part 1 first); the current post included. */
  parts: PostLink[]
}

function toLink({ slug, title, url }: Sequenced): PostLink {
  return { slug, title, url }
}

/** Oldest first; parts published on the same day follow their slugs (`…-part-1` before `…-part-2`). */
function byDateAscending(a: Sequenced, b: Sequenced): number {
  return Date.parse(a.date) - Date.parse(b.date) || a.slug.localeCompare(b.slug)
}

/**
 * The series a post belongs to, among the posts given (only published ones in production, so
 * "Part N of M" never counts a draft). Undefined when the post has no series or is its only part.
 */
export function getSeries(posts: readonly Sequenced[], post: Sequenced): SeriesInfo | undefined {
  const name = post.series?.trim()
  if (!name) return undefined
  const parts = posts.filter((other) => other.series?.trim() === name).sort(byDateAscending)
  const part = parts.findIndex((other) => other.slug === post.slug) + 1
  if (parts.length < 2 || part === 0) return undefined
  return { name, part, parts: parts.map(toLink) }
}

/** The posts just before (older) and after (newer) this one by date, in a list sorted newest first. */
export function getAdjacentPosts(
  postsNewestFirst: readonly Sequenced[],
  slug: string,
): { previous?: PostLink | undefined; next?: PostLink | undefined } {
  const index = postsNewestFirst.findIndex((post) => post.slug === slug)
  if (index === -1) return {}
  const older = postsNewestFirst[index + 1]
  const newer = postsNewestFirst[index - 1]
  return { previous: older && toLink(older), next: newer && toLink(newer) }
}
