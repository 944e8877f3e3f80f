type Publishable = { slug: string; date: string; draft?: boolean | undefined }

export type SelectOptions = { includeDrafts: boolean }

/** Drafts only outside production builds, newest first; equal dates fall back to the slug so the order is stable. */
export function selectPosts<P extends Publishable>(posts: readonly P[], { includeDrafts }: SelectOptions): P[] {
  return posts
    .filter((post) => includeDrafts || !post.draft)
    .sort((a, b) => Date.parse(b.date) - Date.parse(a.date) || a.slug.localeCompare(b.slug))
}
