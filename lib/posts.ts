import 'server-only'
import { allPosts, type Post } from 'contentlayer/generated'
import { getBuildConfig } from './build-config'
import { selectPosts } from './post-selection'
import { getTagIndex, type TagIndex, type TagSummary } from './tags'

export type { Post }

type PostIndex = { posts: readonly Post[]; bySlug: Map<string, Post>; tags?: TagIndex<Post> }
let index: PostIndex | undefined

/** Selected on first use: `next build` leaves drafts and scheduled posts out entirely, `next dev` previews them. */
function getIndex(): PostIndex {
  if (!index) {
    const { buildTime, isPreview } = getBuildConfig()
    const posts = selectPosts(allPosts, { includeDrafts: isPreview, includeScheduled: isPreview, now: buildTime })
    index = { posts, bySlug: new Map(posts.map((post) => [post.slug, post])) }
  }
  return index
}

/** Every post a reader may see, newest first. */
export function getAllPosts(): readonly Post[] {
  return getIndex().posts
}

/** Returns undefined for unknown slugs and, in production, for drafts and scheduled posts. */
export function getPostBySlug(slug: string): Post | undefined {
  return getIndex().bySlug.get(slug)
}

/** Every tag with its post count, sorted by name; computed once per server process. */
export function getAllTags(): readonly TagSummary[] {
  return getTagsOf(getIndex()).tags
}

/** The posts of a tag slug (see lib/tags.ts), newest first; undefined for an unknown tag. */
export function getPostsByTag(slug: string): readonly Post[] | undefined {
  return getTagsOf(getIndex()).postsByTag.get(slug)
}

function getTagsOf(current: PostIndex): TagIndex<Post> {
  current.tags ??= getTagIndex(current.posts)
  return current.tags
}
