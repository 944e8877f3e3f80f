type Publishable = { slug: string; date: string; draft?: boolean | undefined }

export type SelectOptions = {
  includeDrafts: boolean
  /** Posts dated after `now` are scheduled: a production build leaves them out until that moment. */
  includeScheduled: boolean
  /** Milliseconds since the epoch: the moment the build treats as "now". */
  now: number
}

/** True when the post's date (a UTC day, or a full timestamp) is still ahead of `now`. */
export function isScheduled(post: Pick<Publishable, 'date'>, now: number): boolean {
  return Date.parse(post.date) > now
}

/**
 * Drafts and scheduled posts only when asked (previews), newest first; equal dates fall back to
 * the slug so the order is stable.
 */
export function selectPosts<P extends Publishable>(
  posts: readonly P[],
  { includeDrafts, includeScheduled, now }: SelectOptions,
): P[] {
  return posts
    .filter((post) => includeDrafts || !post.draft)
    .filter((post) => includeScheduled || !isScheduled(post, now))
    .sort((a, b) => Date.parse(b.date) - Date.parse(a.date) || a.slug.localeCompare(b.slug))
}
